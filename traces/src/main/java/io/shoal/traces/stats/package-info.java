/**
 * Trace statistics: request and object counts, bytes, one-timers, the most requested objects,
 * the Zipf exponent of the popularity curve, size percentiles and the hit ratios of an
 * infinite cache, computed in one pass over any trace.
 */
package io.shoal.traces.stats;
