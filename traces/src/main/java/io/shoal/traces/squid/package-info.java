/**
 * The squid format: Squid's native access.log, {@code time elapsed client code/status bytes
 * method URL ident hierarchy/peer type}, the format Shoal nodes write.
 */
package io.shoal.traces.squid;
