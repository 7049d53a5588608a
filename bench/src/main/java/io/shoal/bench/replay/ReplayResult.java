package io.shoal.bench.replay;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The measurements of one replay, over the measured period (after the warm-up). Rates count
 * successful responses (status below 400); body bytes are what the responses carried. Ratios are
 * {@code NaN} when unknown (no {@code X-Cache}, no responses).
 *
 * @param setup what was replayed through what
 * @param traffic how long and how much was measured
 * @param hits what {@code X-Cache} said of the responses
 * @param breakdown responses and errors by kind
 * @param servers what the nodes and the origin counted themselves
 * @param latency latency percentiles in milliseconds
 * @param interrupted whether the run was stopped before its end
 */
public record ReplayResult(Setup setup, Traffic traffic, Hits hits, Breakdown breakdown, Servers servers,
    Latency latency, boolean interrupted) {

  public ReplayResult {
    Objects.requireNonNull(setup, "setup");
    Objects.requireNonNull(traffic, "traffic");
    Objects.requireNonNull(hits, "hits");
    Objects.requireNonNull(breakdown, "breakdown");
    Objects.requireNonNull(servers, "servers");
    Objects.requireNonNull(latency, "latency");
  }

  /**
   * What was replayed through what.
   *
   * @param label the run's name, e.g. "shoal" or "squid"
   * @param proxy the proxy URI
   * @param trace the trace spec
   * @param connections concurrent connections (virtual users)
   * @param keepAlive whether connections were reused
   */
  public record Setup(String label, String proxy, String trace, int connections, boolean keepAlive) {
    public Setup {
      Objects.requireNonNull(label, "label");
    }
  }

  /**
   * How long and how much was measured.
   *
   * @param seconds the measured period
   * @param warmupRequests requests completed during the warm-up (not measured)
   * @param requests successful responses in the measured period
   * @param bodyBytes their body bytes
   * @param skipped trace requests not replayed (methods other than GET)
   */
  public record Traffic(double seconds, long warmupRequests, long requests, long bodyBytes, long skipped) {}

  /**
   * What {@code X-Cache} said of the successful responses.
   *
   * @param tagged responses with an {@code X-Cache} header at all
   * @param count responses with {@code X-Cache: HIT} or {@code STALE}
   * @param bytes body bytes of those hits
   */
  public record Hits(long tagged, long count, long bytes) {}

  /**
   * Responses and errors by kind.
   *
   * @param errors requests without a successful response, by kind ("http 502", "timeout", ...)
   * @param statuses responses by status
   * @param cacheResults responses by the first word of {@code X-Cache}
   * @param nodes responses by the node named in {@code X-Cache: ... from NODE}
   */
  public record Breakdown(Map<String, Long> errors, Map<Integer, Long> statuses, Map<String, Long> cacheResults,
      Map<String, Long> nodes) {
    public Breakdown {
      errors = Map.copyOf(errors);
      statuses = Map.copyOf(statuses);
      cacheResults = Map.copyOf(cacheResults);
      nodes = Map.copyOf(nodes);
    }
  }

  /**
   * What the servers counted themselves during the run.
   *
   * @param statusRequests requests counted by each node's {@code /status} during the run, by node
   * @param originRequests requests the benchmark origin answered during the run, or -1 if unknown
   * @param originUrls distinct URLs the origin has been asked for since it started or was last
   *     reset (not only during this run), or -1 if unknown
   */
  public record Servers(Map<String, Long> statusRequests, long originRequests, long originUrls) {
    public Servers {
      statusRequests = Map.copyOf(statusRequests);
    }
  }

  /** Latency percentiles and extremes, in milliseconds ({@code NaN} with no responses). */
  public record Latency(double p50, double p90, double p99, double p999, double max, double mean) {}

  public double requestsPerSecond() {
    return traffic.seconds() > 0 ? traffic.requests() / traffic.seconds() : Double.NaN;
  }

  public double megabitsPerSecond() {
    return traffic.seconds() > 0 ? traffic.bodyBytes() * 8 / traffic.seconds() / 1e6 : Double.NaN;
  }

  /** Hits over responses that carried {@code X-Cache}. */
  public double hitRatio() {
    return hits.tagged() > 0 ? (double) hits.count() / hits.tagged() : Double.NaN;
  }

  /** Hit body bytes over all body bytes (of responses with {@code X-Cache}). */
  public double byteHitRatio() {
    return hits.tagged() > 0 && traffic.bodyBytes() > 0 ? (double) hits.bytes() / traffic.bodyBytes() : Double.NaN;
  }

  public long errorCount() {
    return breakdown.errors().values().stream().mapToLong(Long::longValue).sum();
  }

  /** Each node's share of the responses that named a node. */
  public Map<String, Double> nodeShares() {
    long sum = breakdown.nodes().values().stream().mapToLong(Long::longValue).sum();
    Map<String, Double> shares = new TreeMap<>();
    breakdown.nodes().forEach((n, c) -> shares.put(n, (double) c / sum));
    return shares;
  }
}
