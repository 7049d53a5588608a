/** Synthetic keys for placement experiments and microbenchmarks. */
package io.shoal.bench.keys;
