/**
 * The placement library: which member of a cluster view owns a cache key, and in which order
 * the others take over when it is down.
 *
 * <p>Start from {@link io.shoal.hashing.Strategy}'s static factories or from
 * {@link io.shoal.hashing.Strategies#create(String)}; give a strategy a {@link
 * io.shoal.hashing.CacheKey} and a {@link io.shoal.hashing.View}; read the ordered candidate
 * list (owner first). This package does no I/O and knows nothing of HTTP.
 */
package io.shoal.hashing;
