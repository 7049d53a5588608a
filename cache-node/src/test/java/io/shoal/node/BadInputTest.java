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

  /** A CSV value's escapes ({@code \r}, {@code \n}, {@code \t}, {@code \x20}) as the bytes they name. */
  static String unescape(String csv) {
    return csv.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t").replace("\\x20", " ");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "garbage request line|NONSENSE\\r\\n\\r\\n",
      "header without colon|GET http://127.0.0.1/ HTTP/1.1\\r\\nHost x\\r\\n\\r\\n",
      "unknown version|GET http://127.0.0.1/ HTTP/9.9\\r\\nHost: x\\r\\n\\r\\n",
  })
  void malformedRequestsGet400(String name, String raw) throws Exception {
    RawHttp.Response r = send(unescape(raw));
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
        + unescape(headers) + "\r\n\r\n0\r\n\r\n");
    assertThat(r.status).isEqualTo(400);
  }

  /** obs-fold (RFC 9112 §5.2) is refused below Undertow's parser, which would unfold it; nothing reaches the origin. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "folded value (SP)|X-Folded: a\\r\\n  b\\r\\n",
      "folded value (HT)|X-Folded: a\\r\\n\\tb\\r\\n",
      "whitespace line after the request line|\\x20X-Sneaky: 1\\r\\n",
      "bare LF fold|X-Folded: a\\n b\\n",
  })
  void obsFoldGets400AndTheConnectionIsClosed(String name, String headers) throws Exception {
    origin.stubFor(any(urlEqualTo("/fold")).willReturn(aResponse().withBody("f")));
    String raw = "GET " + url("/fold") + " HTTP/1.1\r\n" + unescape(headers) + "Host: x\r\n\r\n";
    try (RawHttp c = new RawHttp(node.proxyAddress())) {
      c.send(raw);
      RawHttp.Response r = c.read(false);
      assertThat(r.statusLine).isEqualTo("HTTP/1.1 400 Bad Request");
      assertThat(r.header("Connection")).isEqualTo("close");
      assertThat(r.body()).contains("obs-fold");
      assertThat(c.closedByServer()).isTrue();
    }
    assertThat(origin.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo("/fold")))).isEmpty();
  }

  /** A fold in a pipelined second request: the first is answered in full, then 400. */
  @Test
  void obsFoldAfterAPipelinedRequestAnswersTheFirstThenRefuses() throws Exception {
    try (RawHttp c = new RawHttp(node.proxyAddress())) {
      c.send("GET " + url("/cached") + " HTTP/1.1\r\nHost: x\r\n\r\n"
          + "GET " + url("/cached") + " HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n 2\r\n\r\n");
      RawHttp.Response first = c.read(false);
      assertThat(first.status).isEqualTo(200);
      assertThat(first.body()).isEqualTo("intact");
      RawHttp.Response second = c.read(false);
      assertThat(second.statusLine).isEqualTo("HTTP/1.1 400 Bad Request");
      assertThat(c.closedByServer()).isTrue();
    }
  }

  /**
   * A request pipelined behind one that takes a second (the origin is slow: 504) waits its turn:
   * the reads the node leaves registered while it serves the first (HeadGuard's lazy suspension)
   * are taken off when the second arrives, so the I/O threads do not spin on the ready socket.
   */
  @Test
  void aRequestPipelinedBehindASlowOneWaitsWithoutSpinning() throws Exception {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    java.util.function.LongSupplier ioCpu = () -> java.util.Arrays.stream(threads.dumpAllThreads(false, false))
        .filter(t -> t.getThreadName().contains("I/O"))
        .mapToLong(t -> Math.max(0, threads.getThreadCpuTime(t.getThreadId()))).sum();
    try (RawHttp c = new RawHttp(node.proxyAddress())) {
      long before = ioCpu.getAsLong();
      c.send("GET " + url("/slow") + " HTTP/1.1\r\nHost: x\r\n\r\n");
      Thread.sleep(200);
      c.send("GET " + url("/cached") + " HTTP/1.1\r\nHost: x\r\n\r\n");
      RawHttp.Response first = c.read(false);
      long spent = ioCpu.getAsLong() - before;
      assertThat(first.status).isEqualTo(504);
      RawHttp.Response second = c.read(false);
      assertThat(second.status).isEqualTo(200);
      assertThat(second.body()).isEqualTo("intact");
      assertThat(spent).as("CPU ns of the I/O threads while the second request waited ~0.8 s").isLessThan(300_000_000L);
    }
  }

  /** CRLF + SP inside bodies (declared length and chunked) is data, not a fold: no false 400. */
  @Test
  void foldLikeBytesInBodiesAreNotFolds() throws Exception {
    String body = "x\r\n y\r\n\tz";
    try (RawHttp c = new RawHttp(node.proxyAddress())) {
      c.send("POST " + url("/echo") + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length() + "\r\n\r\n" + body
          + "POST " + url("/echo") + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
          + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n"
          + "GET " + url("/cached") + " HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(c.read(false).status).isEqualTo(200);
      assertThat(c.read(false).status).isEqualTo(200);
      RawHttp.Response third = c.read(false);
      assertThat(third.status).isEqualTo(200);
      assertThat(third.body()).isEqualTo("intact");
    }
  }

  /** Slowloris: a head not finished within proxy.request-timeout (1s here) gets 408, then the connection is closed. */
  @Test
  void slowClientGets408AndIsDisconnected() throws Exception {
    try (RawHttp c = new RawHttp(node.proxyAddress())) {
      c.send("GET " + url("/cached") + " HTTP/1.1\r\nHost: x\r\n");
      RawHttp.Response r = c.read(false);
      assertThat(r).as("a response before the close").isNotNull();
      assertThat(r.statusLine).isEqualTo("HTTP/1.1 408 Request Timeout");
      assertThat(r.header("Connection")).isEqualTo("close");
      assertThat(c.closedByServer()).isTrue();
    }
  }

  /** A keep-alive connection that is merely idle between requests is not a slow client. */
  @Test
  void idleKeepAliveBetweenRequestsIsNot408() throws Exception {
    try (RawHttp c = new RawHttp(node.proxyAddress())) {
      c.send("GET " + url("/cached") + " HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(c.read(false).status).isEqualTo(200);
      Thread.sleep(1500);
      c.send("GET " + url("/cached") + " HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(c.read(false).status).isEqualTo(200);
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
