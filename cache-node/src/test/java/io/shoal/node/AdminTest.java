package io.shoal.node;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin listener, the access log and graceful shutdown. */
class AdminTest {
  static WireMockServer origin;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    origin = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    origin.start();
    origin.stubFor(any(urlEqualTo("/o")).willReturn(aResponse().withHeader("Cache-Control", "max-age=600")
        .withHeader("Content-Type", "text/plain").withBody("object")));
    origin.stubFor(any(urlEqualTo("/slow")).willReturn(aResponse().withFixedDelay(1500).withBody("finished")));
  }

  @AfterAll
  static void stop() {
    origin.stop();
  }

  static String url(String p) {
    return "http://127.0.0.1:" + origin.port() + p;
  }

  static RawHttp.Response get(java.net.InetSocketAddress at, String target, String... headers) throws Exception {
    return RawHttp.exchange(at, "GET " + target + " HTTP/1.1\r\nHost: x\r\n" + String.join("", headers.length == 0
        ? List.of() : List.of(String.join("\r\n", headers) + "\r\n")) + "\r\n");
  }

  @Test
  void healthStatusMetricsAndPurge() throws Exception {
    try (CacheNode node = TestNodes.start("admin.token", "s3cret")) {
      int before = origin.countRequestsMatching(anyRequestedFor(urlEqualTo("/o")).build()).getCount();
      get(node.proxyAddress(), url("/o"));
      get(node.proxyAddress(), url("/o"));
      assertThat(get(node.adminAddress(), "/health").body()).isEqualTo("ok\n");

      JsonNode status = new ObjectMapper().readTree(get(node.adminAddress(), "/status").body());
      assertThat(status.get("nodeId").asText()).isEqualTo("test-node");
      assertThat(status.at("/cache/entries").asLong()).isEqualTo(1);
      assertThat(status.at("/cache/bytes").asLong()).isGreaterThan(6);
      assertThat(status.at("/cache/hitRatio").asDouble()).isEqualTo(0.5);
      assertThat(status.at("/requests/total").asLong()).isEqualTo(2);

      String metrics = get(node.adminAddress(), "/metrics").body();
      assertThat(metrics).contains("shoal_requests_total{result=\"HIT\"} 1.0")
          .contains("shoal_requests_total{result=\"MISS\"} 1.0")
          .contains("shoal_origin_latency_seconds_count")
          .contains("shoal_cache_bytes")
          .contains("cache_evictions_total{cache=\"shoal.cache\"}")
          .contains("shoal_requests_in_flight");

      String purge = "PURGE /purge?url=" + java.net.URLEncoder.encode(url("/o"), "UTF-8") + " HTTP/1.1\r\nHost: x\r\n";
      assertThat(RawHttp.exchange(node.adminAddress(), purge + "\r\n").status).isEqualTo(401);
      assertThat(RawHttp.exchange(node.adminAddress(), purge + "Authorization: Bearer wrong\r\n\r\n").status).isEqualTo(401);
      RawHttp.Response purged = RawHttp.exchange(node.adminAddress(), purge + "Authorization: Bearer s3cret\r\n\r\n");
      assertThat(purged.status).isEqualTo(200);
      assertThat(purged.body()).contains("\"purged\":1");
      assertThat(RawHttp.exchange(node.adminAddress(), purge + "Authorization: Bearer s3cret\r\n\r\n").status).isEqualTo(404);
      assertThat(get(node.proxyAddress(), url("/o")).header("X-Cache")).startsWith("MISS");
      assertThat(origin.countRequestsMatching(anyRequestedFor(urlEqualTo("/o")).build()).getCount() - before).isEqualTo(2);
    }
  }

  @Test
  void purgeIsDisabledWithoutAToken() throws Exception {
    try (CacheNode node = TestNodes.start()) {
      RawHttp.Response r = RawHttp.exchange(node.adminAddress(), "POST /purge?url=http://x/ HTTP/1.1\r\nHost: x\r\n"
          + "Authorization: Bearer \r\nContent-Length: 0\r\n\r\n");
      assertThat(r.status).isEqualTo(403);
    }
  }

  @Test
  void accessLogIsSquidNativeAndRotates() throws Exception {
    Path log = dir.resolve("access.log");
    try (CacheNode node = TestNodes.start("log.access-file", log.toString(), "log.max-bytes", "200", "log.keep", "2")) {
      get(node.proxyAddress(), url("/o"));
      get(node.proxyAddress(), url("/o"));
      get(node.proxyAddress(), "ftp://x/");
    }
    List<String> lines = new java.util.ArrayList<>();
    for (Path p : List.of(dir.resolve("access.log.2"), dir.resolve("access.log.1"), log)) {
      if (Files.exists(p)) {
        lines.addAll(Files.readAllLines(p));
      }
    }
    assertThat(lines).hasSize(3);
    assertThat(Files.exists(dir.resolve("access.log.1"))).as(lines.toString()).isTrue();
    String pattern = "^\\d+\\.\\d{3} +\\d+ 127\\.0\\.0\\.1 %s %s %s %s - %s %s$";
    // A line is written when its response is done, so lines of requests on different connections
    // may land in either order: each of the three patterns must match one line.
    assertThat(lines)
        .anySatisfy(l -> assertThat(l).matches(String.format(pattern, "TCP_MISS/200", 6, "GET",
            java.util.regex.Pattern.quote(url("/o")), "HIER_DIRECT/127\\.0\\.0\\.1", "text/plain")))
        .anySatisfy(l -> assertThat(l).matches(String.format(pattern, "TCP_HIT/200", 6, "GET",
            java.util.regex.Pattern.quote(url("/o")), "HIER_NONE/-", "text/plain")))
        .anySatisfy(l -> assertThat(l).matches(String.format(pattern, "TCP_MISS/400", "\\d+", "GET",
            "ftp://x/", "HIER_NONE/-", "text/plain")));
  }

  @Test
  void gracefulShutdownFinishesInFlightRequests() throws Exception {
    CacheNode node = TestNodes.start("shutdown.timeout", "20s");
    CompletableFuture<RawHttp.Response> slow = CompletableFuture.supplyAsync(() -> {
      try {
        return get(node.proxyAddress(), url("/slow"));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (origin.countRequestsMatching(anyRequestedFor(urlEqualTo("/slow")).build()).getCount() == 0
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    node.close();
    RawHttp.Response r = slow.get(30, TimeUnit.SECONDS);
    assertThat(r.status).isEqualTo(200);
    assertThat(r.body()).isEqualTo("finished");
    assertThat(catching(() -> get(node.proxyAddress(), url("/o")))).isInstanceOf(java.io.IOException.class);
  }

  static Throwable catching(Callable c) {
    try {
      c.call();
      return null;
    } catch (Throwable t) {
      return t;
    }
  }

  interface Callable {
    Object call() throws Exception;
  }
}
