package io.shoal.node;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Distilled variants against a WireMock origin, through a real node: concurrent misses for one
 * variant fetch and distill once; a stale variant is revalidated with the original's validators.
 * Each test uses its own path and its own node (so the distiller's counters start at zero).
 */
@Timeout(60)
class DistillOriginTest {
  static final byte[] PORTRAIT = DistillNodeTest.jpeg(1200, 1600, 92);
  static final String LAST_MODIFIED = "Mon, 02 Mar 2026 10:00:00 GMT";
  static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static WireMockServer origin;

  @BeforeAll
  static void start() {
    origin = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(80));
    origin.start();
  }

  @AfterAll
  static void stop() {
    origin.stop();
  }

  @Test
  void concurrentMissesForOneVariantFetchAndDistillOnceAndAllGetTheSameBody() throws Exception {
    origin.stubFor(get(urlEqualTo("/burst.jpg"))
        .willReturn(jpeg(DistillNodeTest.PHOTO, "\"b1\"", "max-age=600").withFixedDelay(1000)));
    try (CacheNode node = node()) {
      List<CompletableFuture<HttpResponse<byte[]>>> pending = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        pending.add(CLIENT.sendAsync(DistillNodeTest.request(node, "/burst.jpg", "Save-Data", "on"),
            HttpResponse.BodyHandlers.ofByteArray()));
      }
      List<byte[]> bodies = new ArrayList<>();
      for (CompletableFuture<HttpResponse<byte[]>> p : pending) {
        HttpResponse<byte[]> r = p.get();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("ETag")).hasValue("\"b1-save-data\"");
        bodies.add(r.body());
      }
      assertThat(originSaw("/burst.jpg")).isEqualTo(1);
      assertThat(distilled(node)).isEqualTo(1);
      assertThat(bodies.get(0).length).isLessThan(DistillNodeTest.PHOTO.length / 2);
      assertThat(bodies).allSatisfy(b -> assertThat(b).isEqualTo(bodies.get(0)));
    }
  }

  @Test
  void staleVariantAnswered304IsRefreshedFromThe304WithoutDistillingAgain() throws Exception {
    String p = "/fresh-again.jpg";
    origin.stubFor(get(urlEqualTo(p)).atPriority(1).withHeader("If-None-Match", equalTo("\"r1\""))
        .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"r1\"")
            .withHeader("Cache-Control", "max-age=600").withHeader("Age", "0")));
    origin.stubFor(get(urlEqualTo(p)).atPriority(2)
        .willReturn(jpeg(DistillNodeTest.PHOTO, "\"r1\"", "max-age=1").withHeader("Age", "5")));
    try (CacheNode node = node()) {
      HttpResponse<byte[]> first = saveData(node, p);
      assertThat(first.headers().firstValue("ETag")).hasValue("\"r1-save-data\"");
      assertThat(distilled(node)).isEqualTo(1);

      HttpResponse<byte[]> stale = saveData(node, p);
      assertThat(stale.statusCode()).isEqualTo(200);
      assertThat(stale.headers().firstValue("X-Cache").orElse("")).startsWith("REVALIDATED");
      assertThat(stale.body()).isEqualTo(first.body());
      assertThat(stale.headers().firstValue("ETag")).hasValue("\"r1-save-data\"");
      assertThat(stale.headers().firstValue("Content-Type")).hasValue("image/jpeg");
      assertThat(stale.headers().firstValue("Cache-Control")).hasValue("max-age=600");
      assertThat(Long.parseLong(stale.headers().firstValue("Age").orElse("-1"))).isBetween(0L, 4L);
      origin.verify(1, getRequestedFor(urlEqualTo(p)).withHeader("If-None-Match", equalTo("\"r1\""))
          .withHeader("If-Modified-Since", equalTo(LAST_MODIFIED)));
      assertThat(distilled(node)).isEqualTo(1);

      HttpResponse<byte[]> hit = saveData(node, p);
      assertThat(hit.headers().firstValue("X-Cache").orElse("")).startsWith("HIT");
      assertThat(hit.body()).isEqualTo(first.body());
      assertThat(originSaw(p)).isEqualTo(2);
    }
  }

  @Test
  void staleVariantAnswered200IsReplacedByTheNewContentDistilled() throws Exception {
    String p = "/changed.jpg";
    origin.stubFor(get(urlEqualTo(p)).atPriority(1).withHeader("If-None-Match", equalTo("\"a1\""))
        .willReturn(jpeg(PORTRAIT, "\"b1\"", "max-age=600")));
    origin.stubFor(get(urlEqualTo(p)).atPriority(2)
        .willReturn(jpeg(DistillNodeTest.PHOTO, "\"a1\"", "max-age=1").withHeader("Age", "5")));
    try (CacheNode node = node()) {
      HttpResponse<byte[]> first = saveData(node, p);
      assertThat(decode(first).getWidth()).isEqualTo(1280);

      HttpResponse<byte[]> changed = saveData(node, p);
      assertThat(changed.headers().firstValue("X-Cache").orElse("")).startsWith("MISS");
      assertThat(changed.headers().firstValue("ETag")).hasValue("\"b1-save-data\"");
      BufferedImage img = decode(changed);
      assertThat(img.getWidth()).isEqualTo(960);
      assertThat(img.getHeight()).isEqualTo(1280);
      origin.verify(1, getRequestedFor(urlEqualTo(p)).withHeader("If-None-Match", equalTo("\"a1\"")));
      assertThat(distilled(node)).isEqualTo(2);

      HttpResponse<byte[]> hit = saveData(node, p);
      assertThat(hit.headers().firstValue("X-Cache").orElse("")).startsWith("HIT");
      assertThat(hit.body()).isEqualTo(changed.body());
      assertThat(DistillNodeTest.get(node, p).body()).isEqualTo(PORTRAIT);
      assertThat(originSaw(p)).isEqualTo(2);
    }
  }

  private static CacheNode node() {
    return CacheNode.start(DistillNodeTest.configFor("http://127.0.0.1:" + origin.port()));
  }

  private static ResponseDefinitionBuilder jpeg(byte[] body, String etag, String cacheControl) {
    return aResponse().withStatus(200).withHeader("Content-Type", "image/jpeg").withHeader("ETag", etag)
        .withHeader("Last-Modified", LAST_MODIFIED).withHeader("Cache-Control", cacheControl).withBody(body);
  }

  private static HttpResponse<byte[]> saveData(CacheNode node, String path) throws Exception {
    return CLIENT.send(DistillNodeTest.request(node, path, "Save-Data", "on"), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static BufferedImage decode(HttpResponse<byte[]> r) throws Exception {
    return ImageIO.read(new ByteArrayInputStream(r.body()));
  }

  private static int originSaw(String path) {
    return origin.countRequestsMatching(anyRequestedFor(urlEqualTo(path)).build()).getCount();
  }

  /** The node's count of JPEGs distilled with the save-data profile. */
  private static int distilled(CacheNode node) throws Exception {
    String line = "shoal_distiller_distilled_total{distiller=\"jpeg\",profile=\"save-data\"} ";
    for (String l : DistillNodeTest.metrics(node).split("\n")) {
      if (l.startsWith(line)) {
        return (int) Double.parseDouble(l.substring(line.length()).strip());
      }
    }
    return 0;
  }
}
