package io.shoal.bench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.shoal.bench.replay.ReplayResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A JSON array with one object per run; unknown numbers are {@code null}. */
final class JsonReport implements Report {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public void write(List<ReplayResult> results, PrintWriter out) {
    List<Map<String, Object>> runs = new ArrayList<>();
    for (ReplayResult r : results) {
      runs.add(object(r));
    }
    try {
      out.println(JSON.writeValueAsString(runs));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
    out.flush();
  }

  private static Map<String, Object> object(ReplayResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("label", r.label());
    m.put("proxy", r.proxy());
    m.put("trace", r.trace());
    m.put("connections", r.connections());
    m.put("keepAlive", r.keepAlive());
    m.put("seconds", num(r.seconds()));
    m.put("requests", r.requests());
    m.put("requestsPerSecond", num(r.requestsPerSecond()));
    m.put("megabitsPerSecond", num(r.megabitsPerSecond()));
    m.put("bodyBytes", r.bodyBytes());
    m.put("hits", r.hits());
    m.put("hitRatio", num(r.hitRatio()));
    m.put("byteHitRatio", num(r.byteHitRatio()));
    m.put("errors", r.errorCount());
    m.put("errorsByKind", new TreeMap<>(r.errors()));
    Map<String, Object> latency = new LinkedHashMap<>();
    latency.put("p50", num(r.latency().p50()));
    latency.put("p90", num(r.latency().p90()));
    latency.put("p99", num(r.latency().p99()));
    latency.put("p999", num(r.latency().p999()));
    latency.put("max", num(r.latency().max()));
    latency.put("mean", num(r.latency().mean()));
    m.put("latencyMillis", latency);
    m.put("statuses", new TreeMap<>(r.statuses()));
    m.put("cacheResults", new TreeMap<>(r.cacheResults()));
    m.put("nodes", new TreeMap<>(r.nodes()));
    m.put("nodeShares", r.nodeShares());
    m.put("nodeStatusRequests", new TreeMap<>(r.statusRequests()));
    m.put("originRequests", r.originRequests() < 0 ? null : r.originRequests());
    m.put("originUrls", r.originUrls() < 0 ? null : r.originUrls());
    m.put("warmupRequests", r.warmupRequests());
    m.put("skipped", r.skipped());
    m.put("interrupted", r.interrupted());
    return m;
  }

  private static Double num(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
  }
}
