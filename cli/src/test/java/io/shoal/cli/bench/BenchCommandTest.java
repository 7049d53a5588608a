package io.shoal.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoal.cli.Shoal;
import io.shoal.node.CacheNode;
import io.shoal.node.NodeConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shoal bench} in process (and once as a real process, for Ctrl-C): a replay through a real
 * node, and every kind of bad input as one line and exit code 1 or 2.
 */
class BenchCommandTest {
  private static CacheNode node;
  private static String proxy;
  private static String status;

  @TempDir
  Path dir;

  @BeforeAll
  static void startNode() {
    node = CacheNode.start(NodeConfig.of(Map.of("node.id", "bench-cli-node", "proxy.host", "127.0.0.1",
        "proxy.port", "0", "admin.port", "0", "proxy.allowed-destinations", "127.0.0.0/8",
        "cache.size", "64MB")));
    proxy = "http://127.0.0.1:" + node.proxyAddress().getPort();
    status = "http://127.0.0.1:" + node.adminAddress().getPort() + "/status";
  }

  @AfterAll
  static void stopNode() {
    node.close();
  }

  record Run(int code, String out, String err) {}

  private static Run shoal(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Shoal.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path urls(String name, int requests, int objects) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      lines.add("/cli/" + i % objects + ".html " + (100 + i % objects));
    }
    return Files.write(dir.resolve(name), lines);
  }

  @Test
  void replaysThroughANodeAndReportsJson() throws Exception {
    Path trace = urls("t.urls", 300, 30);
    Path file = dir.resolve("report.json");
    Run r = shoal("bench", "replay", "--proxy", proxy, "--trace", "urls:" + trace, "--connections", "4",
        "--keep-alive", "--status", status, "--format", "json", "--output", file.toString(), "--label", "cli");
    assertThat(r.code()).as(r.err()).isEqualTo(Shoal.OK);
    JsonNode run = new ObjectMapper().readTree(r.out()).get(0);
    assertThat(run.get("label").asText()).isEqualTo("cli");
    assertThat(run.get("requests").asLong()).isEqualTo(300);
    assertThat(run.get("errors").asLong()).isZero();
    assertThat(run.get("originRequests").asLong()).isEqualTo(30);
    assertThat(run.get("hitRatio").asDouble()).isEqualTo(0.9);
    assertThat(run.get("nodeShares").get("bench-cli-node").asDouble()).isEqualTo(1.0);
    assertThat(run.get("nodeStatusRequests").get("bench-cli-node").asLong()).isEqualTo(300);
    assertThat(new ObjectMapper().readTree(file.toFile()).get(0).get("requests").asLong()).isEqualTo(300);
  }

  @Test
  void tableIsTheDefaultAndRequestsLimitsTheRun() throws Exception {
    Path trace = urls("t2.urls", 500, 10);
    Run r = shoal("bench", "replay", "--proxy", proxy, "--trace", "urls:" + trace, "--connections", "2",
        "--requests", "50");
    assertThat(r.code()).as(r.err()).isEqualTo(Shoal.OK);
    assertThat(r.out()).containsPattern("(?m)^requests +50$").containsPattern("(?m)^keep-alive +no$")
        .containsPattern("(?m)^interrupted +no$");
  }

  @Test
  void unknownTraceFormatIsAUsageError() {
    Run r = shoal("bench", "replay", "--proxy", proxy, "--trace", "nope:x.tr");
    assertThat(r.code()).isEqualTo(Shoal.USAGE);
    assertThat(r.err()).startsWith("shoal bench replay: trace: \"nope:x.tr\": trace format: \"nope\" (expected one of: ")
        .hasLineCount(1);
  }

  @Test
  void missingTraceFileIsOneLineExit1() {
    Run r = shoal("bench", "replay", "--proxy", proxy, "--trace", "urls:" + dir.resolve("missing.urls"));
    assertThat(r.code()).isEqualTo(Shoal.FAILURE);
    assertThat(r.err()).contains("missing.urls").contains("no such file").hasLineCount(1);
  }

  @Test
  void unreadableTraceLineIsOneLineExit1NamingTheLine() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.tr"), "1 10 100\n2 11 x\n");
    Run r = shoal("bench", "replay", "--proxy", proxy, "--trace", "webcachesim:" + bad, "--connections", "1");
    assertThat(r.code()).isEqualTo(Shoal.FAILURE);
    assertThat(r.err()).contains("bad.tr, line 2").hasLineCount(1);
  }

  @Test
  void unreachableProxyIsOneLineExit1() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Run r = shoal("bench", "replay", "--proxy", "http://127.0.0.1:" + port,
        "--trace", "webcachesim:classpath:bu-1998-webcachesim.tr.gz");
    assertThat(r.code()).isEqualTo(Shoal.FAILURE);
    assertThat(r.err()).isEqualTo("shoal bench replay: cannot connect to proxy http://127.0.0.1:" + port
        + ": Connection refused\n");
  }

  @Test
  void takenOriginPortIsOneLineExit1() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      Run replay = shoal("bench", "replay", "--proxy", proxy, "--trace", "webcachesim:classpath:bu-1998-webcachesim.tr.gz",
          "--origin-port", Integer.toString(port));
      assertThat(replay.code()).isEqualTo(Shoal.FAILURE);
      assertThat(replay.err()).isEqualTo("shoal bench replay: cannot listen on 127.0.0.1:" + port
          + ": Address already in use\n");
      Run origin = shoal("bench", "origin", "--port", Integer.toString(port));
      assertThat(origin.code()).isEqualTo(Shoal.FAILURE);
      assertThat(origin.err()).isEqualTo("shoal bench origin: cannot listen on 127.0.0.1:" + port
          + ": Address already in use\n");
    }
  }

  @Test
  void badOptionValuesAreUsageErrorsNamingThem() {
    String bu = "webcachesim:classpath:bu-1998-webcachesim.tr.gz";
    assertThat(shoal("bench", "replay", "--proxy", proxy, "--trace", bu, "--connections", "0").err())
        .startsWith("shoal bench replay: connections: 0 (expected: > 0)");
    assertThat(shoal("bench", "replay", "--proxy", proxy, "--trace", bu, "--duration", "soon").err())
        .startsWith("shoal bench replay: --duration: \"soon\" (expected: a duration > 0 such as 500ms, 30s, 5m, 1h or 1d)");
    assertThat(shoal("bench", "replay", "--proxy", "ftp://x", "--trace", bu).err())
        .startsWith("shoal bench replay: --proxy: \"ftp://x\" (expected: http://HOST:PORT)");
    assertThat(shoal("bench", "replay", "--proxy", proxy, "--trace", bu, "--format", "xml").code())
        .isEqualTo(Shoal.USAGE);
    assertThat(shoal("bench", "origin", "--bandwidth", "fast").err())
        .startsWith("shoal bench origin: --bandwidth: \"fast\" (expected: a rate such as 10mbit");
  }

  @Test
  void originServesUntilInterrupted() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Thread t = new Thread(() -> Shoal.run(new PrintWriter(out, true), new PrintWriter(err, true),
        "bench", "origin", "--port", "0", "--max-age", "60s"), "bench-origin-under-test");
    t.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!out.toString().contains("stats at")) {
      assertThat(System.nanoTime()).as("origin started; err: %s", err).isLessThan(deadline);
      Thread.sleep(20);
    }
    String base = out.toString().replaceFirst("(?s)^shoal bench origin: (http://\\S+) .*", "$1");
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(base + "/o/12/a.txt")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.body()).hasSize(12);
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("max-age=60");
    t.interrupt();
    t.join(30_000);
    assertThat(t.isAlive()).isFalse();
    assertThat(out.toString()).contains("shoal bench origin: stopped");
  }

  /** Ctrl-C on a real process: the replay stops, prints partial results, and the process ends. */
  @Test
  void sigintPrintsPartialResultsAndEnds() throws Exception {
    int originPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      originPort = s.getLocalPort();
    }
    long before = requests();
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "io.shoal.cli.Shoal",
        "bench", "replay", "--proxy", proxy, "--trace", "webcachesim:classpath:bu-1998-webcachesim.tr.gz",
        "--connections", "4", "--keep-alive", "--origin-latency", "20ms", "--origin-port",
        Integer.toString(originPort), "--label", "sigint");
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (requests() - before < 20) {
        assertThat(p.isAlive()).as("replay running; err: %s", Files.readString(err)).isTrue();
        assertThat(System.nanoTime()).as("replay sent requests").isLessThan(deadline);
        Thread.sleep(50);
      }
      int exitCode = CtrlC.send(p);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the process ended after SIGINT").isTrue();
      String stdout = Files.readString(out, StandardCharsets.UTF_8);
      assertThat(Files.readString(err)).contains("shoal bench replay: interrupted; partial results below");
      assertThat(stdout).containsPattern("(?m)^run +sigint$").containsPattern("(?m)^interrupted +yes$");
      long measured = Long.parseLong(stdout.replaceFirst("(?s).*\nrequests +(\\d+)\n.*", "$1"));
      assertThat(measured).isPositive().isLessThan(66_987);
      assertThat(p.exitValue()).isEqualTo(exitCode);
      try (Socket s = new Socket()) {
        boolean listening;
        try {
          s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), originPort), 2_000);
          listening = true;
        } catch (IOException e) {
          listening = false;
        }
        assertThat(listening).as("the embedded origin is gone").isFalse();
      }
    } finally {
      p.destroyForcibly();
    }
  }

  private static long requests() throws Exception {
    String json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(status)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    return new ObjectMapper().readTree(json).get("requests").get("total").asLong();
  }

  @Test
  void benchAloneIsAUsageError() {
    Run r = shoal("bench");
    assertThat(r.code()).isEqualTo(Shoal.USAGE);
    assertThat(r.err()).startsWith("shoal bench: missing a command (origin, replay or paper)");
  }

}
