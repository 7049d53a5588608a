/**
 * Internals of the placement library (hash functions, rings, per-view caches); not an API, may
 * change in any release.
 */
package io.shoal.hashing.internal;
