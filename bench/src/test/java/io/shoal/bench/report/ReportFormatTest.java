package io.shoal.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoal.bench.replay.ReplayResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportFormatTest {
  static ReplayResult result(String label, long requests) {
    return new ReplayResult(new ReplayResult.Setup(label, "http://127.0.0.1:3128", "urls:t, \"quoted\"", 63, true),
        new ReplayResult.Traffic(2.0, 5, requests, requests * 1000, 0),
        new ReplayResult.Hits(requests, requests / 2, requests * 400),
        new ReplayResult.Breakdown(Map.of("timeout", 2L, "http 502", 1L), Map.of(200, requests),
            Map.of("HIT", requests / 2, "MISS", requests / 2), Map.of("a", 3 * requests / 4, "b", requests / 4)),
        new ReplayResult.Servers(Map.of(), 50, 40),
        new ReplayResult.Latency(1.5, 2.5, 9.0, 12.0, 20.0, 1.9), false);
  }

  private static String write(ReportFormat f, List<ReplayResult> results) {
    StringWriter s = new StringWriter();
    f.report().write(results, new PrintWriter(s));
    return s.toString();
  }

  @Test
  void csvHasAHeaderAndOneQuotedRowPerRun() {
    String csv = write(ReportFormat.CSV, List.of(result("shoal", 100), result("squid", 80)));
    String[] lines = csv.split("\r\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("label,proxy,trace,connections,").contains(",requests_per_s,", ",hit_ratio,");
    assertThat(lines[1]).startsWith("shoal,http://127.0.0.1:3128,\"urls:t, \"\"quoted\"\"\",63,yes,2.00,100,50.0,0.40,0.5000,");
    assertThat(lines[2]).startsWith("squid,");
  }

  @Test
  void jsonReadsBackWithTheNumbers() throws Exception {
    JsonNode runs = new ObjectMapper().readTree(write(ReportFormat.JSON, List.of(result("shoal", 100))));
    JsonNode r = runs.get(0);
    assertThat(r.get("label").asText()).isEqualTo("shoal");
    assertThat(r.get("requestsPerSecond").asDouble()).isEqualTo(50.0);
    assertThat(r.get("megabitsPerSecond").asDouble()).isEqualTo(0.4);
    assertThat(r.get("hitRatio").asDouble()).isEqualTo(0.5);
    assertThat(r.get("byteHitRatio").asDouble()).isEqualTo(0.4);
    assertThat(r.get("errors").asLong()).isEqualTo(3);
    assertThat(r.get("latencyMillis").get("p999").asDouble()).isEqualTo(12.0);
    assertThat(r.get("nodeShares").get("a").asDouble()).isEqualTo(0.75);
    assertThat(r.get("originRequests").asLong()).isEqualTo(50);
  }

  @Test
  void tablePutsRunsSideBySide() {
    String table = write(ReportFormat.TABLE, List.of(result("shoal", 100), result("squid", 80)));
    assertThat(table).containsPattern("(?m)^run +shoal +squid$")
        .containsPattern("(?m)^requests/s +50\\.0 +40\\.0$")
        .containsPattern("(?m)^node shares \\(X-Cache\\) +a=75\\.0% b=25\\.0% +a=75\\.0% b=25\\.0%$")
        .containsPattern("(?m)^errors by kind +http 502=1 timeout=2");
  }

  @Test
  void unknownFormatNamesTheKnownOnes() {
    assertThat(ReportFormat.named("CSV")).isEqualTo(ReportFormat.CSV);
    assertThatThrownBy(() -> ReportFormat.named("xml"))
        .hasMessage("report format: \"xml\" (expected one of: table, csv, json)");
  }
}
