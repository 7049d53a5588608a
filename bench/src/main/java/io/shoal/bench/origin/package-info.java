/**
 * The benchmark origin: an HTTP server that answers any object URL with a deterministic body of
 * the size the URL (or a loaded trace) says, real JPEGs for image URLs, validators and
 * {@code Cache-Control}, optional WAN latency and bandwidth, and per-URL request counts.
 *
 * <p>{@link io.shoal.bench.origin.BenchOrigin} is the server; {@link
 * io.shoal.bench.origin.ObjectUrls} maps trace requests to the URLs it serves.
 */
package io.shoal.bench.origin;
