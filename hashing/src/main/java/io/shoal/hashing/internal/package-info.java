/**
 * Internals of the placement library (hash functions, rings, per-view caches, the strategies and
 * the lookup code their families share); not an API, may change in any release.
 */
package io.shoal.hashing.internal;
