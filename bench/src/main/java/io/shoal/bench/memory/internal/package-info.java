/**
 * The heap readings behind {@link io.shoal.bench.memory.CacheMemory}: live heap after full
 * collections, and class histograms of this JVM and their difference.
 */
package io.shoal.bench.memory.internal;
