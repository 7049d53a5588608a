/**
 * The replay client: a closed-loop load generator that sends a trace's requests through any HTTP
 * forward proxy to the benchmark origin and measures rate, throughput, hit ratios, latency
 * percentiles, errors and per-node shares.
 *
 * <p>{@link io.shoal.bench.replay.Replay} runs one replay; {@link
 * io.shoal.bench.replay.ReplayResult} is what it measured.
 */
package io.shoal.bench.replay;
