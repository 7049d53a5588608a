package io.shoal.bench.replay;

import java.util.Map;
import java.util.Objects;

/**
 * The measurements of one replay, over the measured period (after the warm-up). Rates count
 * successful responses (status below 400); body bytes are what the responses carried. Ratios are
 * {@code NaN} when unknown (no {@code X-Cache}, no responses).
 *
 * @param label the run's name, e.g. "shoal" or "squid"
 * @param proxy the proxy URI
 * @param trace the trace spec
 * @param connections concurrent connections (virtual users)
 * @param keepAlive whether connections were reused
 * @param seconds the measured period
 * @param warmupRequests requests completed during the warm-up (not measured)
 * @param requests successful responses in the measured period
 * @param bodyBytes their body bytes
 * @param hits responses with {@code X-Cache: HIT} or {@code STALE}
 * @param tagged responses with an {@code X-Cache} header at all
 * @param hitBytes body bytes of the hits
 * @param errors requests without a successful response, by kind ("http 502", "timeout", ...)
 * @param statuses responses by status
 * @param cacheResults responses by the first word of {@code X-Cache}
 * @param nodes responses by the node named in {@code X-Cache: ... from NODE}
 * @param statusRequests requests counted by each node's {@code /status} during the run, by node
 * @param originRequests requests the benchmark origin answered during the run, or -1 if unknown
 * @param originUrls distinct URLs the origin has been asked for since it started or was last
 *     reset (not only during this run), or -1 if unknown
 * @param latency latency percentiles in milliseconds
 * @param skipped trace requests not replayed (methods other than GET)
 * @param interrupted whether the run was stopped before its end
 */
public record ReplayResult(String label, String proxy, String trace, int connections,
    boolean keepAlive, double seconds, long warmupRequests, long requests, long bodyBytes,
    long hits, long tagged, long hitBytes, Map<String, Long> errors, Map<Integer, Long> statuses,
    Map<String, Long> cacheResults, Map<String, Long> nodes, Map<String, Long> statusRequests,
    long originRequests, long originUrls, Latency latency, long skipped, boolean interrupted) {

  public ReplayResult {
    Objects.requireNonNull(label, "label");
    errors = Map.copyOf(errors);
    statuses = Map.copyOf(statuses);
    cacheResults = Map.copyOf(cacheResults);
    nodes = Map.copyOf(nodes);
    statusRequests = Map.copyOf(statusRequests);
    Objects.requireNonNull(latency, "latency");
  }

  /** Latency percentiles and extremes, in milliseconds ({@code NaN} with no responses). */
  public record Latency(double p50, double p90, double p99, double p999, double max, double mean) {}

  public double requestsPerSecond() {
    return seconds > 0 ? requests / seconds : Double.NaN;
  }

  public double megabitsPerSecond() {
    return seconds > 0 ? bodyBytes * 8 / seconds / 1e6 : Double.NaN;
  }

  /** Hits over responses that carried {@code X-Cache}. */
  public double hitRatio() {
    return tagged > 0 ? (double) hits / tagged : Double.NaN;
  }

  /** Hit body bytes over all body bytes (of responses with {@code X-Cache}). */
  public double byteHitRatio() {
    return tagged > 0 && bodyBytes > 0 ? (double) hitBytes / bodyBytes : Double.NaN;
  }

  public long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Each node's share of the responses that named a node. */
  public Map<String, Double> nodeShares() {
    long sum = nodes.values().stream().mapToLong(Long::longValue).sum();
    Map<String, Double> shares = new java.util.TreeMap<>();
    nodes.forEach((n, c) -> shares.put(n, (double) c / sum));
    return shares;
  }
}
