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
    m.put("label", r.setup().label());
    m.put("proxy", r.setup().proxy());
    m.put("trace", r.setup().trace());
    m.put("connections", r.setup().connections());
    m.put("keepAlive", r.setup().keepAlive());
    m.put("seconds", num(r.traffic().seconds()));
    m.put("requests", r.traffic().requests());
    m.put("requestsPerSecond", num(r.requestsPerSecond()));
    m.put("megabitsPerSecond", num(r.megabitsPerSecond()));
    m.put("bodyBytes", r.traffic().bodyBytes());
    m.put("hits", r.hits().count());
    m.put("hitRatio", num(r.hitRatio()));
    m.put("byteHitRatio", num(r.byteHitRatio()));
    m.put("errors", r.errorCount());
    m.put("errorsByKind", new TreeMap<>(r.breakdown().errors()));
    Map<String, Object> latency = new LinkedHashMap<>();
    latency.put("p50", num(r.latency().p50()));
    latency.put("p90", num(r.latency().p90()));
    latency.put("p99", num(r.latency().p99()));
    latency.put("p999", num(r.latency().p999()));
    latency.put("max", num(r.latency().max()));
    latency.put("mean", num(r.latency().mean()));
    m.put("latencyMillis", latency);
    m.put("statuses", new TreeMap<>(r.breakdown().statuses()));
    m.put("cacheResults", new TreeMap<>(r.breakdown().cacheResults()));
    m.put("nodes", new TreeMap<>(r.breakdown().nodes()));
    m.put("nodeShares", r.nodeShares());
    m.put("nodeStatusRequests", new TreeMap<>(r.servers().statusRequests()));
    m.put("originRequests", r.servers().originRequests() < 0 ? null : r.servers().originRequests());
    m.put("originUrls", r.servers().originUrls() < 0 ? null : r.servers().originUrls());
    m.put("warmupRequests", r.traffic().warmupRequests());
    m.put("skipped", r.traffic().skipped());
    m.put("interrupted", r.interrupted());
    return m;
  }

  private static Double num(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
  }
}
