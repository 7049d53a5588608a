package io.shoal.node;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ForwardProxyTest {
  static WireMockServer origin;
  static CacheNode node;
  static HttpClient client;

  @BeforeAll
  static void start() {
    origin = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    origin.start();
    node = TestNodes.start();
    client = HttpClient.newBuilder().proxy(ProxySelector.of(node.proxyAddress())).build();
  }

  @AfterAll
  static void stop() {
    node.close();
    origin.stop();
  }

  @BeforeEach
  void reset() {
    origin.resetAll();
  }

  String url(String path) {
    return "http://127.0.0.1:" + origin.port() + path;
  }

  @Test
  void secondRequestIsAHitAndTheOriginSeesOne() throws Exception {
    origin.stubFor(get("/a.jpg").willReturn(aResponse().withStatus(200)
        .withHeader("Cache-Control", "max-age=60").withHeader("Content-Type", "image/jpeg").withBody("jpeg!")));
    HttpResponse<String> first = client.send(HttpRequest.newBuilder(URI.create(url("/a.jpg"))).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> second = client.send(HttpRequest.newBuilder(URI.create(url("/a.jpg"))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).isEqualTo("jpeg!");
    assertThat(first.headers().firstValue("X-Cache")).hasValue("MISS from test-node");
    assertThat(second.body()).isEqualTo("jpeg!");
    assertThat(second.headers().firstValue("X-Cache")).hasValue("HIT from test-node");
    assertThat(second.headers().firstValue("Age")).isPresent();
    assertThat(second.headers().firstValue("Via").orElseThrow()).endsWith("1.1 test-node");
    origin.verify(1, getRequestedFor(urlEqualTo("/a.jpg")));
  }

  @Test
  void hopByHopHeadersAreRemovedBothWaysAndViaIsAdded() throws Exception {
    origin.stubFor(get("/hop").willReturn(aResponse().withStatus(200)
        .withHeader("Connection", "X-Secret").withHeader("X-Secret", "origin-only")
        .withHeader("Keep-Alive", "timeout=5").withHeader("X-Kept", "yes").withBody("x")));
    RawHttp.Response r = RawHttp.exchange(node.proxyAddress(), "GET " + url("/hop") + " HTTP/1.1\r\n"
        + "Host: 127.0.0.1\r\nConnection: close, X-Client-Secret\r\nX-Client-Secret: client-only\r\n"
        + "Proxy-Authorization: Basic Zm9vOmJhcg==\r\nTE: trailers\r\nX-Forwarded: me\r\n\r\n");
    assertThat(r.status).isEqualTo(200);
    assertThat(r.header("X-Secret")).isNull();
    assertThat(r.header("Keep-Alive")).isNull();
    assertThat(r.header("X-Kept")).isEqualTo("yes");
    var seen = origin.getAllServeEvents().get(0).getRequest();
    assertThat(seen.containsHeader("X-Client-Secret")).isFalse();
    assertThat(seen.containsHeader("Proxy-Authorization")).isFalse();
    assertThat(seen.containsHeader("TE")).isFalse();
    assertThat(seen.getHeader("X-Forwarded")).isEqualTo("me");
    assertThat(seen.getHeader("Via")).isEqualTo("1.1 test-node");
    assertThat(seen.getHeader("X-Forwarded-For")).isEqualTo("127.0.0.1");
  }

  @Test
  void keepAlivePipelinedRequestsAndHttp10Clients() throws Exception {
    origin.stubFor(get("/p1").willReturn(aResponse().withHeader("Cache-Control", "max-age=60").withBody("one")));
    origin.stubFor(get("/p2").willReturn(aResponse().withHeader("Cache-Control", "max-age=60").withBody("two")));
    try (RawHttp c = new RawHttp(node.proxyAddress())) {
      c.send("GET " + url("/p1") + " HTTP/1.1\r\nHost: x\r\n\r\nGET " + url("/p2")
          + " HTTP/1.1\r\nHost: x\r\n\r\nGET " + url("/p1") + " HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(c.read(false).body()).isEqualTo("one");
      assertThat(c.read(false).body()).isEqualTo("two");
      RawHttp.Response third = c.read(false);
      assertThat(third.body()).isEqualTo("one");
      assertThat(third.header("X-Cache")).startsWith("HIT");
    }
    RawHttp.Response old = RawHttp.exchange(node.proxyAddress(), "GET " + url("/p2") + " HTTP/1.0\r\n\r\n");
    assertThat(old.statusLine).startsWith("HTTP/1.0 200");
    assertThat(old.body()).isEqualTo("two");
  }
}
