/**
 * Benchmarks and experiments: trace replay through any HTTP proxy, the paper's experiment runner and JMH microbenchmarks.
 */
package io.shoal.bench;
