package io.shoal.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.bench.origin.ObjectUrls;
import io.shoal.cli.Shoal;
import io.shoal.traces.TraceRequest;
import io.shoal.traces.Traces;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shoal bench paper} for real: node processes, the L4 front, a switch node and the
 * benchmark origin on loopback, a tiny version of the experiment, bad input and Ctrl-C.
 */
class BenchPaperCommandTest {
  private static final String NODE_JVM = "-Xms32m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto";
  private static final int REQUESTS = 300;

  @TempDir
  Path dir;

  /** 2 strategies x 1, 2 servers x both architectures on the BU trace: tables, CSV, PNG, sane ratios. */
  @Test
  void tinyExperimentWritesThePapersTablesCsvAndCharts() throws Exception {
    Path out = dir.resolve("results");
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int code = Shoal.run(new PrintWriter(stdout, true), new PrintWriter(stderr, true), "bench", "paper",
        "--traces", "bu", "--nodes", "1,2", "--strategies", "ketama,round-robin", "--arch", "centralized,distributed",
        "--requests", Integer.toString(REQUESTS), "--connections", "4", "--cache-size", "32MB",
        "--java-opts", NODE_JVM, "--out", out.toString());
    assertThat(code).as("stdout: %s\nstderr: %s", stdout, stderr).isEqualTo(Shoal.OK);

    String tables = stdout.toString();
    assertThat(tables).contains("bu: requests/s (paper: Req/sec, Tables 4-9)\nServer #")
        .contains("bu: Mbit/s (bodies)").contains("bu: improvement of requests/s")
        .containsPattern("(?m)^CPU-bound: .* 16 PCs \\(--testbed netns gives each host its own link and CPU budget\\)\\.$");
    String reqs = tables.substring(tables.indexOf("bu: requests/s"));
    List<String> header = cells(reqs.lines().skip(1).findFirst().orElseThrow());
    assertThat(header).containsExactly("Server", "#", "MIT_CH", "RR", "AS-MIT_CH", "AS-RR");
    List<String> row1 = cells(reqs.lines().skip(2).findFirst().orElseThrow());
    List<String> row2 = cells(reqs.lines().skip(3).findFirst().orElseThrow());
    assertThat(row1).hasSize(5).first().isEqualTo("1");
    assertThat(row2).hasSize(5).first().isEqualTo("2");
    for (String cell : concat(row1.subList(1, 5), row2.subList(1, 5))) {
      assertThat(Double.parseDouble(cell)).as("req/s cell").isPositive();
    }

    List<String> csv = Files.readAllLines(out.resolve("runs.csv"), StandardCharsets.UTF_8);
    assertThat(csv).hasSize(1 + 8);
    List<String> columns = Arrays.asList(csv.get(0).split(","));
    assertThat(columns).startsWith("trace_name", "servers", "arch", "strategy", "column")
        .contains("duplication", "load_balance", "requests_per_s", "mbit_per_s", "hit_ratio", "byte_hit_ratio",
            "origin_requests", "origin_urls", "latency_p99_ms");
    long distinct = distinctObjects(BenchPaperCommand.BU, REQUESTS);
    for (String line : csv.subList(1, csv.size())) {
      String[] v = line.split(",", -1);
      assertThat(v).hasSize(columns.size());
      String run = v[0] + "/" + v[1] + "/" + v[2] + "/" + v[3];
      long requests = Long.parseLong(v[columns.indexOf("requests")]);
      long originUrls = Long.parseLong(v[columns.indexOf("origin_urls")]);
      long originRequests = Long.parseLong(v[columns.indexOf("origin_requests")]);
      double hit = Double.parseDouble(v[columns.indexOf("hit_ratio")]);
      double dup = Double.parseDouble(v[columns.indexOf("duplication")]);
      assertThat(requests).as(run).isEqualTo(REQUESTS);
      assertThat(Long.parseLong(v[columns.indexOf("errors")])).as(run).isZero();
      assertThat(originUrls).as("%s: the origin saw each object of the trace prefix", run).isEqualTo(distinct);
      assertThat(originRequests).as(run).isGreaterThanOrEqualTo(originUrls);
      assertThat(hit).as("%s: every object misses once at least", run)
          .isBetween(0.0, 1.0 - (double) distinct / REQUESTS + 5e-5); // the CSV rounds to 4 places
      assertThat(v[columns.indexOf("duplication_basis")]).as(run).isEqualTo("keys");
      assertThat(Double.parseDouble(v[columns.indexOf("load_balance")])).as(run).isGreaterThanOrEqualTo(1.0);
      if (v[3].equals("ketama")) {
        assertThat(dup).as("%s: ketama stores each object once in the cluster", run).isEqualTo(1.0);
        assertThat(Long.parseLong(v[columns.indexOf("storage_entries")])).as(run).isEqualTo(distinct);
      } else {
        assertThat(dup).as(run).isBetween(1.0, Double.parseDouble(v[1]));
      }
    }

    List<String> cells = Files.readAllLines(out.resolve("tables.csv"), StandardCharsets.UTF_8);
    assertThat(cells.get(0)).isEqualTo("table,row,column,value");
    assertThat(cells).filteredOn(l -> l.startsWith("bu-requests_per_s,")).hasSize(8);
    assertThat(cells).filteredOn(l -> l.startsWith("bu-mbit_per_s,")).hasSize(8);
    assertThat(cells).filteredOn(l -> l.startsWith("bu-improvement,")).hasSize(4);
    for (String chart : List.of("bu-requests_per_s.png", "bu-mbit_per_s.png")) {
      BufferedImage png = ImageIO.read(out.resolve(chart).toFile());
      assertThat(png).as(chart).isNotNull();
      assertThat(png.getWidth()).isEqualTo(900);
      assertThat(png.getHeight()).isEqualTo(560);
    }
    String log = Files.readString(out.resolve("run.log"));
    assertThat(log).contains("machine: " + Runtime.getRuntime().availableProcessors() + " cores")
        .contains("java: ").contains("parameter requests per run = 300").contains("parameter node java opts = " + NODE_JVM)
        .contains("CPU-bound");
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count())
        .as("every node process stopped").isZero();
  }

  @Test
  void unknownTraceFormatIsAUsageError() {
    Result r = run("--traces", "nosuch:trace.tr");
    assertThat(r.code).isEqualTo(Shoal.USAGE);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err).contains("shoal bench paper: ").contains("nosuch");
  }

  @Test
  void aTraceThatIsNotThereIsOneLineAndExit1() {
    Path missing = dir.resolve("no-such-trace.tr");
    Result r = run("--traces", "webcachesim:" + missing);
    assertThat(r.code).isEqualTo(Shoal.FAILURE);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err).contains("no-such-trace.tr");
  }

  @Test
  void aBadTraceLineIsOneLineNamingItAndExit1() throws Exception {
    Path bad = dir.resolve("bad.tr");
    Files.writeString(bad, "1 2 x\n");
    Result r = run("--traces", "webcachesim:" + bad);
    assertThat(r.code).isEqualTo(Shoal.FAILURE);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err).contains("bad.tr, line 1: size");
  }

  @Test
  void unknownStrategyOrArchIsAUsageError() {
    assertThat(run("--traces", "bu", "--strategies", "nope").code).isEqualTo(Shoal.USAGE);
    Result arch = run("--traces", "bu", "--arch", "star");
    assertThat(arch.code).isEqualTo(Shoal.USAGE);
    assertThat(arch.err).contains("arch: \"star\" (expected: one of centralized, distributed)");
  }

  @Test
  void netnsOptionsAreCheckedBeforeAnythingIsBuilt() {
    Result link = run("--traces", "bu", "--link", "10mbit");
    assertThat(link.code).isEqualTo(Shoal.USAGE);
    assertThat(link.err).contains("--link: needs --testbed netns (the loopback testbed shapes nothing)");
    Result kind = run("--traces", "bu", "--testbed", "docker");
    assertThat(kind.code).isEqualTo(Shoal.USAGE);
    assertThat(kind.err).contains("--testbed: \"docker\" (expected: loopback or netns)");
    Result zero = run("--traces", "bu", "--testbed", "netns", "--link", "0");
    assertThat(zero.code).isEqualTo(Shoal.USAGE);
    assertThat(zero.err).contains("--link: 0 (expected: a rate above 0, such as 20mbit)");
    Result cpu = run("--traces", "bu", "--testbed", "netns", "--host-cpu", "64");
    assertThat(cpu.code).isEqualTo(Shoal.USAGE);
    assertThat(cpu.err).contains("--host-cpu: 64.0 (expected: a fraction of a core from 0.01 to "
        + Runtime.getRuntime().availableProcessors() + ", this machine's cores)");
    Result rate = run("--traces", "bu", "--testbed", "netns", "--link", "fast");
    assertThat(rate.code).isEqualTo(Shoal.USAGE);
    assertThat(rate.err).contains("--link").contains("fast");
    assertThat(dir.resolve("bad").resolve("testbed")).doesNotExist();
  }

  @Test
  void eachNetnsNodeFileIsWhatANodeOnItsOwnMachineChecks() throws Exception {
    String yaml = NetnsConfig.node("n2", "10.81.1.2", List.of("10.81.1.1:7800", "10.81.1.2:7800"), "paper-1-1",
        "ketama", false, 64L << 20, Map.of("cache.max-object-size", "8MB"));
    Path file = Files.writeString(dir.resolve("n2.yaml"), yaml);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Shoal.run(new PrintWriter(out, true), new PrintWriter(err, true), "node", "--check", "--config",
        file.toString());
    assertThat(code).as("%s%s", out, err).isZero();
    assertThat(out.toString()).contains("transport 10.81.1.2:7800").contains("peers 10.81.1.1:7800, 10.81.1.2:7800")
        .contains("strategy ketama");
    assertThat(NetnsTestbed.nodeStrategy("round-robin", io.shoal.bench.paper.Arch.DISTRIBUTED)).isEqualTo("local");
    assertThat(NetnsTestbed.nodeStrategy("round-robin", io.shoal.bench.paper.Arch.CENTRALIZED)).isEqualTo("round-robin");
  }

  @Test
  void originPortTakenIsOneLineAndExit1() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Result r = run("--traces", "bu", "--origin-port", Integer.toString(taken.getLocalPort()));
      assertThat(r.code).isEqualTo(Shoal.FAILURE);
      assertThat(r.errLines()).hasSize(1);
      assertThat(r.err).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
    }
  }

  @Test
  void aNodeThatFailsToStartIsOneLineAndExit1AndNothingIsLeftRunning() {
    Result r = run("--traces", "bu", "--java-opts", "-XX:+NoSuchShoalFlag");
    assertThat(r.code).isEqualTo(Shoal.FAILURE);
    assertThat(r.errLines()).as(r.err).hasSize(1);
    assertThat(r.err).contains("bu, 1 server, ketama, centralized: node node-1 exited with 1 before it was ready");
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count()).isZero();
  }

  /** Ctrl-C on a real process: the replay stops, the cluster goes, the partial tables are printed. */
  @Test
  void sigintTearsDownEveryProcessAndPrintsPartialResults() throws Exception {
    int originPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      originPort = s.getLocalPort();
    }
    Path out = dir.resolve("results");
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "io.shoal.cli.Shoal",
        "bench", "paper", "--traces", "bu", "--nodes", "1", "--strategies", "ketama", "--duration", "10m",
        "--connections", "2", "--cache-size", "32MB", "--java-opts", NODE_JVM,
        "--origin-port", Integer.toString(originPort), "--out", out.toString());
    Path stdout = dir.resolve("out.txt");
    Path stderr = dir.resolve("err.txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (originRequests(originPort) < 20) {
        assertThat(p.isAlive()).as("bench paper running; err: %s", Files.readString(stderr)).isTrue();
        assertThat(System.nanoTime()).as("the first run sent requests").isLessThan(deadline);
        Thread.sleep(100);
      }
      List<Long> pids = pids(Files.readString(out.resolve("run.log")));
      assertThat(pids).as("the switch and the node").hasSize(2);
      int exitCode = CtrlC.send(p);
      assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("the process ended after SIGINT").isTrue();
      assertThat(Files.readString(stderr)).contains("shoal bench paper: interrupted; partial results below");
      String tables = Files.readString(stdout, StandardCharsets.UTF_8);
      assertThat(tables).contains("bu: requests/s").containsPattern("(?m)^Server # +MIT_CH$")
          .containsPattern("(?m)^1 +\\d+$").containsPattern("(?m)^bu +1 +MIT_CH .* yes$")
          .contains("partial results (1 runs) in");
      assertThat(p.exitValue()).isEqualTo(exitCode);
      for (long pid : pids) {
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("process %d gone", pid).isFalse();
      }
      assertThat(out.resolve("runs.csv")).exists();
      assertThat(out.resolve("bu-requests_per_s.png")).exists();
    } finally {
      p.destroyForcibly();
    }
  }

  private record Result(int code, String out, String err) {
    List<String> errLines() {
      return err.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  private Result run(String... args) {
    List<String> all = new ArrayList<>(List.of("bench", "paper", "--nodes", "1", "--strategies", "ketama",
        "--arch", "centralized", "--requests", "10", "--out", dir.resolve("bad").toString()));
    List<String> given = List.of(args);
    for (int i = 0; i < given.size(); i += 2) {
      int at = all.indexOf(given.get(i));
      if (at >= 0) {
        all.set(at + 1, given.get(i + 1));
      } else {
        all.addAll(List.of(given.get(i), given.get(i + 1)));
      }
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Shoal.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
    String errors = err.toString().lines().filter(l -> !l.matches("^(shoal bench paper: \\d+ runs into|\\[).*"))
        .reduce("", (a, b) -> a + b + "\n");
    return new Result(code, out.toString(), errors);
  }

  /** Distinct objects (URLs the replay asks for) among the first {@code n} GETs of a trace: the oracle. */
  private static long distinctObjects(String spec, int n) {
    Set<String> urls = new HashSet<>();
    try (Stream<TraceRequest> rs = Traces.open(spec).requests()) {
      rs.filter(r -> r.method().equals("GET")).limit(n)
          .forEach(r -> urls.add(ObjectUrls.path(r.key(), r.hasSize() ? r.size() : 8192, 0)));
    }
    return urls.size();
  }

  private static long originRequests(int port) {
    try {
      HttpResponse<String> r = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_origin/stats")).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      Matcher m = Pattern.compile("\"requests\"\\s*:\\s*(\\d+)").matcher(r.body());
      return m.find() ? Long.parseLong(m.group(1)) : 0;
    } catch (Exception e) {
      return 0;
    }
  }

  private static List<Long> pids(String runLog) {
    Matcher m = Pattern.compile("pids \\[([0-9, ]+)]").matcher(runLog);
    List<Long> out = new ArrayList<>();
    if (m.find()) {
      for (String s : m.group(1).split(",\\s*")) {
        out.add(Long.parseLong(s));
      }
    }
    return out;
  }

  private static List<String> cells(String line) {
    return List.of(line.strip().split("\\s+"));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
