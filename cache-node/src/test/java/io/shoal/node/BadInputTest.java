package io.shoal.node;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input and abuse: each gets the right status and a reason, and afterwards the node still
 * serves and its cached entry is intact.
 */
class BadInputTest {
  static WireMockServer origin;
  static CacheNode node;

  @BeforeAll
  static void start() {
    origin = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    origin.start();
    origin.stubFor(any(urlEqualTo("/cached")).willReturn(aResponse().withHeader("Cache-Control", "max-age=600")
        .withBody("intact")));
    origin.stubFor(any(urlEqualTo("/slow")).willReturn(aResponse().withFixedDelay(4000).withBody("late")));
    origin.stubFor(any(urlEqualTo("/echo")).willReturn(aResponse().withBody("posted")));
    node = TestNodes.start("proxy.max-header-bytes", "4KB", "proxy.max-request-body", "1KB",
        "proxy.request-timeout", "1s", "origin.response-timeout", "1s");
  }

  @AfterAll
  static void stop() {
    node.close();
    origin.stop();
  }

  static String url(String path) {
    return "http://127.0.0.1:" + origin.port() + path;
  }

  /** After every case: the node answers, and the cached entry is what the origin sent. */
  @AfterEach
  void stillServingAndNotCorrupted() throws Exception {
    RawHttp.Response r = RawHttp.exchange(node.proxyAddress(), "GET " + url("/cached") + " HTTP/1.1\r\nHost: x\r\n\r\n");
    assertThat(r.status).isEqualTo(200);
    assertThat(r.body()).isEqualTo("intact");
    assertThat(origin.countRequestsMatching(anyRequestedFor(urlEqualTo("/cached")).build()).getCount()).isEqualTo(1);
  }

  static RawHttp.Response send(String raw) throws Exception {
    return RawHttp.exchange(node.proxyAddress(), raw);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "garbage request line|NONSENSE\\r\\n\\r\\n",
      "header without colon|GET http://127.0.0.1/ HTTP/1.1\\r\\nHost x\\r\\n\\r\\n",
      "unknown version|GET http://127.0.0.1/ HTTP/9.9\\r\\nHost: x\\r\\n\\r\\n",
  })
  void malformedRequestsGet400(String name, String raw) throws Exception {
    RawHttp.Response r = send(raw.replace("\\r\\n", "\r\n"));
    assertThat(r.status).isEqualTo(400);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unsupported scheme|GET ftp://127.0.0.1/x HTTP/1.1|unsupported scheme \"ftp\"",
      "user info|GET http://me@127.0.0.1/x HTTP/1.1|user info is not allowed",
      "bad port|GET http://127.0.0.1:99999/x HTTP/1.1|bad port 99999",
      "bad percent|GET http://127.0.0.1/%zz HTTP/1.1|bad percent-encoding",
      "origin form without reverse origin|GET /x HTTP/1.1|no proxy.reverse-origin",
  })
  void badTargetsGet400WithTheReason(String name, String line, String reason) throws Exception {
    RawHttp.Response r = send(line + "\r\nHost: 127.0.0.1\r\n\r\n");
    assertThat(r.status).isEqualTo(400);
    assertThat(r.body()).startsWith("400 Bad Request: ").contains(reason);
  }

  @Test
  void headerSectionOverTheLimitGets431() throws Exception {
    RawHttp.Response r = send("GET " + url("/cached") + " HTTP/1.1\r\nHost: x\r\nX-Big: "
        + "a".repeat(6000) + "\r\n\r\n");
    assertThat(r.status).isEqualTo(431);
    assertThat(r.body()).contains("over the limit of 4096");
  }

  @Test
  void bodyOverTheLimitGets413DeclaredOrChunked() throws Exception {
    RawHttp.Response declared = send("POST " + url("/echo") + " HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n");
    assertThat(declared.status).isEqualTo(413);
    String chunk = "a".repeat(800);
    RawHttp.Response chunked = send("POST " + url("/echo") + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n" + Integer.toHexString(chunk.length()) + "\r\n"
        + chunk + "\r\n0\r\n\r\n");
    assertThat(chunked.status).isEqualTo(413);
    RawHttp.Response small = send("POST " + url("/echo") + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok");
    assertThat(small.status).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "CL and TE|Content-Length: 4\\r\\nTransfer-Encoding: chunked",
      "two CL|Content-Length: 4\\r\\nContent-Length: 5",
      "CL list|Content-Length: 4, 5",
      "TE not chunked|Transfer-Encoding: gzip",
  })
  void ambiguousFramingGets400(String name, String headers) throws Exception {
    RawHttp.Response r = send("POST " + url("/echo") + " HTTP/1.1\r\nHost: x\r\n"
        + headers.replace("\\r\\n", "\r\n") + "\r\n\r\n0\r\n\r\n");
    assertThat(r.status).isEqualTo(400);
  }

  /**
   * Undertow unfolds obs-fold into spaces (the alternative RFC 9112 §5.2 allows) before any
   * handler sees the request, so the node cannot answer 400; what matters for smuggling is that
   * no line break reaches the origin.
   */
  @Test
  void obsFoldIsUnfoldedNeverForwarded() throws Exception {
    origin.stubFor(any(urlEqualTo("/fold")).willReturn(aResponse().withBody("f")));
    RawHttp.Response r = send("GET " + url("/fold") + " HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n  b\r\n"
        + "X-After: c\r\n\r\n");
    assertThat(r.status).isIn(200, 400);
    if (r.status == 200) {
      var seen = origin.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo("/fold")));
      assertThat(seen).hasSize(1);
      assertThat(seen.get(0).getHeader("X-Folded")).doesNotContain("\r").doesNotContain("\n").startsWith("a");
      assertThat(seen.get(0).getHeader("X-After")).isEqualTo("c");
    }
  }

  /** Slowloris: a head not finished within proxy.request-timeout (1s here) loses its connection. */
  @Test
  void slowClientIsDisconnected() throws Exception {
    try (RawHttp c = new RawHttp(node.proxyAddress())) {
      c.send("GET " + url("/cached") + " HTTP/1.1\r\nHost: x\r\n");
      long start = System.nanoTime();
      RawHttp.Response r = c.read(false);
      assertThat(r == null || r.status == 408).as("no response, or 408").isTrue();
      assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(15));
    }
  }

  @Test
  void connectToAPortNotAllowedGets403() throws Exception {
    RawHttp.Response r = send("CONNECT 127.0.0.1:25 HTTP/1.1\r\nHost: 127.0.0.1:25\r\n\r\n");
    assertThat(r.status).isEqualTo(403);
    assertThat(r.body()).contains("port 25 is not allowed");
  }

  @Test
  void loopGets508() throws Exception {
    RawHttp.Response r = send("GET " + url("/cached") + " HTTP/1.1\r\nHost: x\r\nVia: 1.1 other, 1.1 test-node\r\n\r\n");
    assertThat(r.status).isEqualTo(508);
  }

  @Test
  void unreachableOriginGets502AndSlowOriginGets504() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    RawHttp.Response unreachable = send("GET http://127.0.0.1:" + closed + "/x HTTP/1.1\r\nHost: x\r\n\r\n");
    assertThat(unreachable.status).isEqualTo(502);
    assertThat(unreachable.body()).contains("unreachable");
    RawHttp.Response slow = send("GET " + url("/slow") + " HTTP/1.1\r\nHost: x\r\n\r\n");
    assertThat(slow.status).isEqualTo(504);
    assertThat(slow.body()).contains("timed out");
  }

  @Test
  void ssrfAndClientAccessListGet403() throws Exception {
    try (CacheNode strict = CacheNode.start(NodeConfig.of(java.util.Map.of("node.id", "strict",
        "proxy.host", "127.0.0.1", "proxy.port", "0", "admin.port", "0")))) {
      RawHttp.Response r = RawHttp.exchange(strict.proxyAddress(), "GET " + url("/cached") + " HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(r.status).isEqualTo(403);
      assertThat(r.body()).contains("loopback");
      RawHttp.Response tunnel = RawHttp.exchange(strict.proxyAddress(), "CONNECT 127.0.0.1:443 HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(tunnel.status).isEqualTo(403);
    }
    try (CacheNode closedNode = TestNodes.start("node.id", "acl", "proxy.client-acl", "10.0.0.0/8")) {
      RawHttp.Response r = RawHttp.exchange(closedNode.proxyAddress(), "GET " + url("/cached") + " HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(r.status).isEqualTo(403);
      assertThat(r.body()).contains("not in proxy.client-acl");
    }
  }
}
