package io.shoal.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.shoal.cli.Shoal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code shoal cluster} in process: two real node processes and the L4 front on free ports, used
 * as {@code curl -x} would use them against a real origin, then stopped with everything it started.
 */
class ClusterCommandTest {
  private static final Pattern ROW = Pattern.compile("(?m)^  (node-\\d+) +cache +127\\.0\\.0\\.1:(\\d+) .* (\\d+)$");
  private static final Pattern FRONT = Pattern.compile("(?m)^  front +l4 +127\\.0\\.0\\.1:(\\d+) ");

  @Test
  void nodesOnOneMachineShareItsCoresForTheirIoThreads() {
    assertThat(ClusterLaunch.ioThreadsPerNode(2, 1)).isEqualTo(2);
    assertThat(ClusterLaunch.ioThreadsPerNode(2, 4)).isEqualTo(1);
    assertThat(ClusterLaunch.ioThreadsPerNode(16, 4)).isEqualTo(4);
    assertThat(ClusterLaunch.ioThreadsPerNode(16, 5)).isEqualTo(3);
  }

  /** SIGKILL on {@code shoal cluster} runs no shutdown hook: its nodes must still not outlive it. */
  @Test
  void nodesEndWhenTheClusterProcessIsKilled() throws Exception {
    java.nio.file.Path log = java.nio.file.Files.createTempFile("shoal-cluster", ".out");
    Process launcher = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "io.shoal.cli.Shoal",
        "cluster", "--nodes", "1", "--base-port", "0", "--name", "orphan-" + System.nanoTime(), "--cache-size", "16MB",
        "--java-opts", "-Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1", "--set", "cluster.join-timeout=1s")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ProcessHandle node = null;
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!java.nio.file.Files.readString(log).contains("Ctrl-C stops the cluster")) {
        assertThat(launcher.isAlive()).as("shoal cluster running: %s", java.nio.file.Files.readString(log)).isTrue();
        assertThat(System.nanoTime()).as("cluster started").isLessThan(deadline);
        Thread.sleep(50);
      }
      Matcher row = ROW.matcher(java.nio.file.Files.readString(log));
      assertThat(row.find()).isTrue();
      node = ProcessHandle.of(Long.parseLong(row.group(3))).orElseThrow();
      launcher.destroyForcibly().waitFor();
      assertThat(node.onExit().get(30, TimeUnit.SECONDS).isAlive()).as("the node ended with its parent").isFalse();
    } finally {
      launcher.destroyForcibly();
      if (node != null) {
        node.destroyForcibly();
      }
      java.nio.file.Files.deleteIfExists(log);
    }
  }

  @Test
  void startsAWholeClusterWithItsFrontAndStopsIt() throws Exception {
    HttpServer origin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    AtomicInteger originRequests = new AtomicInteger();
    origin.createContext("/", exchange -> {
      originRequests.incrementAndGet();
      byte[] body = ("object " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Cache-Control", "max-age=600");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    origin.start();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int[] code = {-1};
    Thread cluster = new Thread(() -> code[0] = Shoal.run(new PrintWriter(out, true), new PrintWriter(err, true),
        "cluster", "--nodes", "2", "--front", "--front-port", "0", "--base-port", "0", "--name", "cli-" + System.nanoTime(),
        "--cache-size", "16MB", "--java-opts", "-Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1",
        "--set", "proxy.allowed-destinations=127.0.0.0/8", "--set", "cluster.join-timeout=1s",
        "--set", "shutdown.timeout=2s"), "shoal-cluster-under-test");
    cluster.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!out.toString().contains("Ctrl-C stops the cluster")) {
        assertThat(cluster.isAlive()).as("shoal cluster running; out: %s err: %s", out, err).isTrue();
        assertThat(System.nanoTime()).as("cluster started; out: %s err: %s", out, err).isLessThan(deadline);
        Thread.sleep(50);
      }
      String table = out.toString();
      List<Integer> proxies = new ArrayList<>();
      List<Long> pids = new ArrayList<>();
      Matcher row = ROW.matcher(table);
      while (row.find()) {
        proxies.add(Integer.parseInt(row.group(2)));
        pids.add(Long.parseLong(row.group(3)));
      }
      assertThat(proxies).as(table).hasSize(2);
      Matcher front = FRONT.matcher(table);
      assertThat(front.find()).as(table).isTrue();
      proxies.add(Integer.parseInt(front.group(1)));

      Set<String> owners = new HashSet<>();
      for (int i = 0; i < 8; i++) {
        URI target = URI.create("http://127.0.0.1:" + origin.getAddress().getPort() + "/o" + i);
        String owner = null;
        for (int port : proxies) {
          HttpResponse<String> r = curl(port).send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
          assertThat(r.statusCode()).isEqualTo(200);
          assertThat(r.body()).isEqualTo("object /o" + i);
          String from = r.headers().firstValue("X-Cache").orElseThrow().replaceFirst(".* from ", "");
          owner = owner == null ? from : owner;
          assertThat(from).as("every entry point answers from the owner").isEqualTo(owner);
        }
        owners.add(owner);
      }
      assertThat(originRequests).as("each URL fetched once in the cluster").hasValue(8);
      assertThat(owners).isSubsetOf("node-1", "node-2");

      cluster.interrupt();
      cluster.join(TimeUnit.SECONDS.toMillis(60));
      assertThat(cluster.isAlive()).isFalse();
      assertThat(code[0]).isEqualTo(Shoal.OK);
      assertThat(out.toString()).contains("shoal cluster: stopped");
      for (long pid : pids) {
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("node process %d gone", pid).isFalse();
      }
    } finally {
      cluster.interrupt();
      cluster.join(TimeUnit.SECONDS.toMillis(60));
      origin.stop(0);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--nodes 0|--nodes: 0 (expected: 1-64)",
      "--strategy nope|cluster.strategy: \"nope\"",
      "--set cluster.heartbeat=1m|cluster.heartbeat: \"1m\" (expected: below cluster.failure-timeout",
  })
  void badArgumentsExit2NamingThem(String args, String message) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Shoal.run(new PrintWriter(out, true), new PrintWriter(err, true), ("cluster " + args).split(" "));
    assertThat(code).isEqualTo(Shoal.USAGE);
    assertThat(err.toString()).contains(message);
  }

  private static HttpClient curl(int port) {
    return HttpClient.newBuilder().proxy(ProxySelector.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)))
        .connectTimeout(Duration.ofSeconds(10)).build();
  }
}
