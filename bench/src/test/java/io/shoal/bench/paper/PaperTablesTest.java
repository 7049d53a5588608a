package io.shoal.bench.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.shoal.bench.paper.PaperRun.Metric;
import io.shoal.bench.replay.ReplayResult;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tables against the paper itself: fed the paper's Table 4 (Surge-100, req/s), the layout is
 * the paper's and the improvement table is its Table 10 (within its rounding).
 */
class PaperTablesTest {
  private static final List<String> STRATEGIES = List.of("round-robin", "md5", "ketama", "carp", "mod-ch", "ht-rr");
  private static final int[] SERVERS = {1, 2, 4, 8, 16};
  /** The paper's Table 4: RR MD5 MIT_CH CARP MOD_CH HT_RR, then the AS- columns. */
  private static final int[][] TABLE_4 = {
      {389, 354, 381, 388, 383, 389, 270, 268, 269, 270, 268, 266},
      {476, 474, 484, 480, 485, 478, 345, 306, 338, 321, 306, 362},
      {471, 477, 482, 481, 482, 482, 618, 470, 486, 481, 484, 568},
      {478, 477, 411, 483, 401, 447, 1170, 678, 614, 644, 694, 912},
      {485, 483, 487, 484, 484, 479, 2147, 815, 760, 845, 802, 1722}};
  /** The paper's Table 10. */
  private static final int[][] TABLE_10 = {
      {-30, -24, -30, -30, -30, -32},
      {-28, -36, -30, -33, -37, -24},
      {31, -2, 1, 0, 1, 18},
      {145, 42, 50, 33, 73, 104},
      {343, 69, 56, 74, 66, 259}};

  @TempDir
  Path dir;

  @Test
  void requestsTableHasThePapersLayout() {
    PaperTables t = new PaperTables(paperRuns());
    PaperTables.Table table = t.metric("surge", Metric.REQUESTS_PER_S);
    assertThat(table.columns()).containsExactly("Server #", "RR", "MD5", "MIT_CH", "CARP", "MOD_CH", "HT_RR",
        "AS-RR", "AS-MD5", "AS-MIT_CH", "AS-CARP", "AS-MOD_CH", "AS-HT_RR");
    for (int i = 0; i < SERVERS.length; i++) {
      List<String> row = table.rows().get(i);
      assertThat(row.get(0)).isEqualTo(Integer.toString(SERVERS[i]));
      for (int c = 0; c < 12; c++) {
        assertThat(row.get(c + 1)).isEqualTo(Integer.toString(TABLE_4[i][c]));
      }
    }
  }

  @Test
  void improvementOfTable4IsTable10() {
    PaperTables.Table table = new PaperTables(paperRuns()).improvement("surge");
    assertThat(table.columns()).containsExactly("Server #", "RR", "MD5", "MIT_CH", "CARP", "MOD_CH", "HT_RR");
    for (int i = 0; i < SERVERS.length; i++) {
      for (int c = 0; c < 6; c++) {
        double ours = Double.parseDouble(table.rows().get(i).get(c + 1));
        assertThat(ours).as("%d servers, %s", SERVERS[i], STRATEGIES.get(c))
            .isCloseTo(TABLE_10[i][c], within(1.0)); // the paper divided unrounded rates
      }
    }
  }

  @Test
  void aMissingRunIsADashAndTheImprovementNeedsBothArchitectures() {
    List<PaperRun> runs = new ArrayList<>(paperRuns());
    runs.removeIf(r -> r.servers() == 2 && r.strategy().equals("md5") && r.arch() == Arch.DISTRIBUTED);
    PaperTables t = new PaperTables(runs);
    assertThat(t.metric("surge", Metric.REQUESTS_PER_S).rows().get(1).get(8)).isEqualTo("-");
    assertThat(t.improvement("surge").rows().get(1).get(2)).isEqualTo("-");
    List<PaperRun> centralOnly = paperRuns().stream().filter(r -> r.arch() == Arch.CENTRALIZED).toList();
    assertThat(new PaperTables(centralOnly).all()).extracting(PaperTables.Table::id)
        .containsExactly("surge-requests_per_s", "surge-mbit_per_s", "runs");
  }

  @Test
  void printedTableIsAligned() {
    StringWriter s = new StringWriter();
    PaperTables.print(new PaperTables(paperRuns()).improvement("surge"), new PrintWriter(s));
    List<String> lines = s.toString().lines().toList();
    assertThat(lines.get(1)).isEqualTo("Server #   RR  MD5  MIT_CH  CARP  MOD_CH  HT_RR");
    assertThat(lines.get(6)).startsWith("16        343");
  }

  @Test
  void reportWritesCsvThroughTheRegistryAndPngCharts() throws Exception {
    List<Path> files = PaperReport.write(paperRuns(), dir);
    assertThat(files).extracting(p -> p.getFileName().toString()).contains("tables.txt", "tables.csv", "runs.csv",
        "runs.json", "surge-requests_per_s.png", "surge-mbit_per_s.png");
    List<String> csv = Files.readAllLines(dir.resolve("runs.csv"), StandardCharsets.UTF_8);
    assertThat(csv).hasSize(1 + 60);
    String[] header = csv.get(0).split(",");
    assertThat(header).startsWith("trace_name", "servers", "arch", "strategy", "column", "storage_entries",
        "storage_bytes", "duplication", "duplication_basis", "load_balance", "front_link_bytes", "client_bytes", "bound_by",
        "ceiling_per_s", "label", "proxy");
    for (String line : csv.subList(1, csv.size())) {
      assertThat(line.split(",", -1)).hasSameSizeAs(header);
    }
    assertThat(csv.get(1)).startsWith("surge,1,centralized,round-robin,RR,100,1000,1.0000,keys,1.0000,-1,-1,-,n/a,"
        + "surge/centralized/round-robin/1,");
    BufferedImage png = ImageIO.read(dir.resolve("surge-requests_per_s.png").toFile());
    assertThat(png.getWidth()).isEqualTo(900);
    assertThat(Files.readString(dir.resolve("tables.csv"))).startsWith("table,row,column,value\r\n")
        .contains("surge-improvement,16,RR,343\r\n");
  }

  @Test
  void loadBalanceIsTheBusiestNodeOverTheMean() {
    PaperRun r = run("round-robin", Arch.DISTRIBUTED, 4, 100, Map.of("node-1", 10L, "node-2", 30L, "node-3", 20L, "node-4", 20L));
    assertThat(r.loadBalance()).isCloseTo(1.5, within(1e-9));
  }

  private static List<PaperRun> paperRuns() {
    List<PaperRun> runs = new ArrayList<>();
    for (int i = 0; i < SERVERS.length; i++) {
      for (int a = 0; a < 2; a++) {
        for (int s = 0; s < 6; s++) {
          runs.add(run(STRATEGIES.get(s), a == 0 ? Arch.CENTRALIZED : Arch.DISTRIBUTED, SERVERS[i], TABLE_4[i][a * 6 + s],
              even(SERVERS[i])));
        }
      }
    }
    return runs;
  }

  private static Map<String, Long> even(int servers) {
    Map<String, Long> m = new java.util.HashMap<>();
    for (int i = 1; i <= servers; i++) {
      m.put("node-" + i, 5L);
    }
    return m;
  }

  /** A run of one second with {@code rate} requests of 10 KB. */
  private static PaperRun run(String strategy, Arch arch, int servers, int rate, Map<String, Long> nodeRequests) {
    ReplayResult r = new ReplayResult(new ReplayResult.Setup("surge/" + arch.id() + "/" + strategy + "/" + servers,
        "http://127.0.0.1:1", "webcachesim:surge.tr", 63 * servers, false),
        new ReplayResult.Traffic(1.0, 0, rate, rate * 10_000L, 0),
        new ReplayResult.Hits(rate, rate / 2, rate / 2 * 10_000L),
        new ReplayResult.Breakdown(Map.of(), Map.of(200, (long) rate), Map.of("HIT", (long) rate / 2), Map.of()),
        new ReplayResult.Servers(nodeRequests, 100, 100),
        new ReplayResult.Latency(1, 2, 3, 4, 5, 1.5), false);
    return new PaperRun("surge", arch, strategy, servers, r, new Storage(100, 1000, 1.0, "keys"));
  }
}
