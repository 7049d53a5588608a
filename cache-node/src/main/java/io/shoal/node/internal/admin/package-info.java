/** The admin listener: health, status JSON, Prometheus metrics, a status page and authenticated purge. */
package io.shoal.node.internal.admin;
