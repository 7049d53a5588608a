/** {@code shoal cluster}: a whole cluster of node processes (and optionally the L4 front) on one machine. */
package io.shoal.cli.cluster;
