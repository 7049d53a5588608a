package io.shoal.bench.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The benchmark origin over real HTTP on loopback. */
class BenchOriginTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
  private static BenchOrigin origin;

  @BeforeAll
  static void start() {
    origin = BenchOrigin.builder().maxAge(Duration.ofSeconds(600)).defaultSize(333)
        .sizes(Map.of("from-trace.html", 4321L)).start();
  }

  @AfterAll
  static void stop() {
    origin.close();
  }

  private static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(origin.uri(path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 1024, 100_000, 1_048_576, 3_000_001})
  void textBodiesHaveExactlyTheSizeInTheUrlAndAreDeterministic(long size) throws Exception {
    String path = ObjectUrls.path("77", size, 0);
    HttpResponse<byte[]> a = get(path);
    HttpResponse<byte[]> b = get(path);
    assertThat(a.statusCode()).isEqualTo(200);
    assertThat(a.body()).hasSize((int) size).isEqualTo(b.body());
    assertThat(a.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(a.headers().firstValue("Cache-Control")).hasValue("max-age=600");
    assertThat(a.headers().firstValue("ETag")).isPresent().isEqualTo(b.headers().firstValue("ETag"));
    assertThat(a.headers().firstValue("Last-Modified")).hasValue("Sat, 01 Jan 2000 00:00:00 GMT");
    if (size > 100) {
      assertThat(get(ObjectUrls.path("78", size, 0)).body()).as("another object, other bytes")
          .isNotEqualTo(a.body());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2_000, 30_000, 250_000})
  void imageUrlsAreRealJpegsOfTheRequestedSize(int size) throws Exception {
    HttpResponse<byte[]> r = get("/o/" + size + "/photos/cat.jpg");
    assertThat(r.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(r.body()).hasSize(size);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
    assertThat(img).as("decodes as an image").isNotNull();
    assertThat(img.getWidth() * img.getHeight()).isGreaterThan(size / 20);
    assertThat(get("/o/" + size + "/photos/cat.jpg").body()).isEqualTo(r.body());
  }

  @Test
  void contentTypeFollowsTheExtension() throws Exception {
    assertThat(get("/o/10/a/b.css").headers().firstValue("Content-Type")).hasValue("text/css");
    assertThat(get("/o/10/a/b.txt;q=1f").headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(get("/o/10/a/b").headers().firstValue("Content-Type")).hasValue("application/octet-stream");
  }

  @Test
  void sizeFromQueryThenTraceThenDefault() throws Exception {
    assertThat(get("/anything?size=1234").body()).hasSize(1234);
    assertThat(get("/from-trace.html").body()).hasSize(4321);
    assertThat(get("/unknown.html").body()).hasSize(333);
  }

  @Test
  void conditionalRequestsGet304() throws Exception {
    String path = ObjectUrls.path("9", 5000, 0);
    String etag = get(path).headers().firstValue("ETag").orElseThrow();
    long before = origin.stats().notModified();
    HttpResponse<byte[]> inm = get(path, "If-None-Match", etag);
    assertThat(inm.statusCode()).isEqualTo(304);
    assertThat(inm.body()).isEmpty();
    assertThat(get(path, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    assertThat(get(path, "If-Modified-Since", "Sun, 02 Jan 2000 00:00:00 GMT").statusCode()).isEqualTo(304);
    assertThat(get(path, "If-Modified-Since", "Fri, 31 Dec 1999 00:00:00 GMT").statusCode()).isEqualTo(200);
    assertThat(origin.stats().notModified() - before).isEqualTo(2);
  }

  @Test
  void countsRequestsPerUrlAndServesThemAsJson() throws Exception {
    try (BenchOrigin o = BenchOrigin.builder().start()) {
      HttpClient c = HTTP;
      for (int i = 0; i < 3; i++) {
        c.send(HttpRequest.newBuilder(o.uri("/o/10/x.html")).build(), HttpResponse.BodyHandlers.discarding());
      }
      c.send(HttpRequest.newBuilder(o.uri("/o/20/y.html")).build(), HttpResponse.BodyHandlers.discarding());
      assertThat(o.stats().requests()).isEqualTo(4);
      assertThat(o.stats().bodyBytes()).isEqualTo(50);
      assertThat(o.stats().byUrl()).containsExactlyInAnyOrderEntriesOf(Map.of("/o/10/x.html", 3L, "/o/20/y.html", 1L));
      String json = c.send(HttpRequest.newBuilder(o.uri("/_origin/stats?urls=1")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(json).contains("\"requests\":4", "\"urls\":2", "\"/o/10/x.html\":3");
      c.send(HttpRequest.newBuilder(o.uri("/_origin/reset")).POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.discarding());
      assertThat(o.stats().requests()).isZero();
      assertThat(o.stats().urls()).isZero();
    }
  }

  @Test
  void noStoreLatencyAndBandwidthStillDeliverTheWholeBody() throws Exception {
    try (BenchOrigin o = BenchOrigin.builder().maxAge(null).latency(Duration.ofMillis(20))
        .bandwidth(400_000).start()) {
      HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(o.uri("/o/50000/slow.html")).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
      assertThat(r.body()).isEqualTo(get("/o/50000/slow.html").body());
    }
  }

  @Test
  void aTakenPortIsOneClearMessage() {
    int taken = origin.address().getPort();
    assertThatThrownBy(() -> BenchOrigin.builder().port(taken).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("cannot listen on 127.0.0.1:" + taken + ": Address already in use");
  }

  @Test
  void builderRefusesBadValuesNamingThem() {
    assertThatThrownBy(() -> BenchOrigin.builder().port(70000)).hasMessage("port: 70000 (expected: 0-65535)");
    assertThatThrownBy(() -> BenchOrigin.builder().bandwidth(-1)).hasMessageStartingWith("bandwidth: -1 (expected: >= 0");
    assertThatThrownBy(() -> BenchOrigin.builder().ioThreads(0)).hasMessage("ioThreads: 0 (expected: > 0)");
  }

  @Test
  void absoluteFormRequestsAsAProxyWouldSendThem() throws Exception {
    URI u = origin.uri();
    try (java.net.Socket s = new java.net.Socket(u.getHost(), u.getPort())) {
      s.getOutputStream().write(("GET " + u + "/o/5/abs.html HTTP/1.1\r\nHost: " + u.getAuthority()
          + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String response = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
      assertThat(response).startsWith("HTTP/1.1 200").contains("Content-Length: 5");
    }
  }
}
