/**
 * The trace API: one lazy stream of {@link io.shoal.traces.TraceRequest}s from any workload
 * format (Squid, CLF, UCB, webcachesim, Surge, URL lists), opened by {@code FORMAT:PATH}
 * through {@link io.shoal.traces.Traces} and the {@link io.shoal.traces.TraceFormat} registry.
 *
 * <pre>{@code
 * try (Stream<TraceRequest> requests = Traces.open("webcachesim:bu.tr.gz").requests()) {
 *   requests.forEach(r -> replay(r.key(), r.size()));
 * }
 * }</pre>
 */
package io.shoal.traces;
