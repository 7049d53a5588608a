/**
 * The memory benchmark of a cache node: the live heap each stored object costs beyond its body,
 * measured on a real node filled over real HTTP ({@link io.shoal.bench.memory.CacheMemory}), and
 * what a hit allocates ({@link io.shoal.bench.memory.HitCost}).
 */
package io.shoal.bench.memory;
