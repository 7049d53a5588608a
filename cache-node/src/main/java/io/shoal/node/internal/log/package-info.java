/** The access log in Squid's native format: asynchronous, with size-based rotation. */
package io.shoal.node.internal.log;
