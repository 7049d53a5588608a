package io.shoal.bench.report;

import io.shoal.bench.replay.ReplayResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The measurements of a run as named text columns, shared by the table and CSV reports. */
final class Columns {
  record Column(String name, String title, Function<ReplayResult, String> value) {}

  static final List<Column> ALL = List.of(
      new Column("label", "run", r -> r.setup().label()),
      new Column("proxy", "proxy", r -> r.setup().proxy()),
      new Column("trace", "trace", r -> r.setup().trace()),
      new Column("connections", "connections", r -> Integer.toString(r.setup().connections())),
      new Column("keep_alive", "keep-alive", r -> r.setup().keepAlive() ? "yes" : "no"),
      new Column("seconds", "measured seconds", r -> f("%.2f", r.traffic().seconds())),
      new Column("requests", "requests", r -> Long.toString(r.traffic().requests())),
      new Column("requests_per_s", "requests/s", r -> f("%.1f", r.requestsPerSecond())),
      new Column("mbit_per_s", "Mbit/s (bodies)", r -> f("%.2f", r.megabitsPerSecond())),
      new Column("hit_ratio", "hit ratio", r -> ratio(r.hitRatio())),
      new Column("byte_hit_ratio", "byte hit ratio", r -> ratio(r.byteHitRatio())),
      new Column("errors", "errors", r -> Long.toString(r.errorCount())),
      new Column("latency_p50_ms", "latency p50 ms", r -> f("%.3f", r.latency().p50())),
      new Column("latency_p90_ms", "latency p90 ms", r -> f("%.3f", r.latency().p90())),
      new Column("latency_p99_ms", "latency p99 ms", r -> f("%.3f", r.latency().p99())),
      new Column("latency_p999_ms", "latency p99.9 ms", r -> f("%.3f", r.latency().p999())),
      new Column("latency_max_ms", "latency max ms", r -> f("%.3f", r.latency().max())),
      new Column("latency_mean_ms", "latency mean ms", r -> f("%.3f", r.latency().mean())),
      new Column("origin_requests", "origin requests", r -> known(r.servers().originRequests())),
      new Column("origin_urls", "origin URLs (since reset)", r -> known(r.servers().originUrls())),
      new Column("warmup_requests", "warm-up requests", r -> Long.toString(r.traffic().warmupRequests())),
      new Column("skipped", "skipped (not GET)", r -> Long.toString(r.traffic().skipped())),
      new Column("cache_results", "X-Cache results", r -> join(r.breakdown().cacheResults(), Object::toString)),
      new Column("node_shares", "node shares (X-Cache)", r -> join(r.nodeShares(), v -> f("%.1f%%", v * 100))),
      new Column("node_status_requests", "node requests (/status)", r -> join(r.servers().statusRequests(), Object::toString)),
      new Column("errors_by_kind", "errors by kind", r -> join(r.breakdown().errors(), Object::toString)),
      new Column("statuses", "statuses", r -> join(r.breakdown().statuses(), Object::toString)),
      new Column("interrupted", "interrupted", r -> r.interrupted() ? "yes" : "no"));

  private Columns() {}

  static String f(String format, double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, format, v);
  }

  private static String ratio(double v) {
    return f("%.4f", v);
  }

  private static String known(long v) {
    return v < 0 ? "n/a" : Long.toString(v);
  }

  private static <K, V> String join(Map<K, V> m, Function<V, String> value) {
    if (m.isEmpty()) {
      return "-";
    }
    return new java.util.TreeMap<>(m).entrySet().stream()
        .map(e -> e.getKey() + "=" + value.apply(e.getValue()))
        .collect(Collectors.joining(" "));
  }
}
