package io.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.distiller.DistillSettings;
import io.shoal.distiller.Distiller;
import io.shoal.distiller.Input;
import io.shoal.distiller.Result;
import io.shoal.distiller.fixture.SyntheticImages;
import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The distiller wired into a real node (reverse proxy on loopback) in front of a small Undertow
 * origin serving JPEGs drawn with Java2D and text: out of the box, Save-Data clients get the
 * {@code save-data} profile and everyone else the original bytes.
 */
@Timeout(60)
class DistillNodeTest {
  static final byte[] PHOTO = jpeg(1600, 1200, 92);
  static final byte[] TEXT = text();
  static final Map<String, AtomicInteger> SEEN = new ConcurrentHashMap<>();
  static Undertow origin;
  static String originUrl;
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void startOrigin() {
    origin = Undertow.builder().addHttpListener(0, "127.0.0.1", exchange -> {
      String path = exchange.getRequestPath();
      SEEN.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "max-age=600");
      exchange.getResponseHeaders().put(Headers.ETAG, "\"v1\"");
      if (path.endsWith(".txt")) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(TEXT));
      } else if (path.startsWith("/corrupt")) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "image/jpeg");
        exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(Arrays.copyOf(PHOTO, PHOTO.length / 3)));
      } else {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "image/jpeg");
        exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(PHOTO));
      }
    }).build();
    origin.start();
    originUrl = "http://127.0.0.1:"
        + ((InetSocketAddress) origin.getListenerInfo().get(0).getAddress()).getPort();
  }

  @AfterAll
  static void stopOrigin() {
    origin.stop();
  }

  @Test
  void saveDataClientGetsASmallerJpegAndAPlainClientTheOriginalBytes() throws Exception {
    try (CacheNode node = node()) {
      HttpResponse<byte[]> small = get(node, "/a.jpg", "Save-Data", "on");
      assertThat(small.statusCode()).isEqualTo(200);
      assertThat(small.body().length).isLessThan(PHOTO.length / 2);
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(small.body()));
      assertThat(Math.max(img.getWidth(), img.getHeight())).isEqualTo(1280);
      assertThat(img.getWidth() * 3).isEqualTo(img.getHeight() * 4);
      assertThat(small.headers().firstValue("ETag")).hasValue("\"v1-save-data\"");
      assertThat(small.headers().firstValue("Vary").orElse("")).contains("Save-Data");
      assertThat(small.headers().firstValue("X-Cache").orElse("")).startsWith("MISS");

      HttpResponse<byte[]> again = get(node, "/a.jpg", "Save-Data", "on");
      assertThat(again.body()).isEqualTo(small.body());
      assertThat(again.headers().firstValue("X-Cache").orElse("")).startsWith("HIT");

      HttpResponse<byte[]> plain = get(node, "/a.jpg");
      assertThat(plain.body()).isEqualTo(PHOTO);
      assertThat(plain.headers().firstValue("ETag")).hasValue("\"v1\"");
      assertThat(plain.headers().firstValue("Vary").orElse("")).contains("Save-Data");
      assertThat(plain.headers().firstValue("X-Cache").orElse("")).startsWith("HIT");

      HttpResponse<byte[]> conditional = get(node, "/a.jpg", "Save-Data", "on", "If-None-Match", "\"v1-save-data\"");
      assertThat(conditional.statusCode()).isEqualTo(304);
      assertThat(get(node, "/a.jpg", "If-None-Match", "\"v1-save-data\"").statusCode()).isEqualTo(200);
      assertThat(SEEN.get("/a.jpg").get()).isEqualTo(1);
      assertThat(metrics(node)).contains("shoal_distiller_distilled_total{distiller=\"jpeg\",profile=\"save-data\"} 1.0");
    }
  }

  @Test
  void originalCachedFirstIsDistilledFromTheCacheAndStillServedToPlainClients() throws Exception {
    try (CacheNode node = node()) {
      assertThat(get(node, "/b.jpg").body()).isEqualTo(PHOTO);
      HttpResponse<byte[]> small = get(node, "/b.jpg", "Save-Data", "on");
      assertThat(small.body().length).isLessThan(PHOTO.length / 2);
      assertThat(ImageIO.read(new ByteArrayInputStream(small.body()))).isNotNull();
      assertThat(get(node, "/b.jpg", "Save-Data", "on").headers().firstValue("X-Cache").orElse("")).startsWith("HIT");
      assertThat(get(node, "/b.jpg").body()).isEqualTo(PHOTO);
      assertThat(SEEN.get("/b.jpg").get()).isEqualTo(1);
    }
  }

  @Test
  void storeOriginalFalseKeepsOnlyTheVariantAndPlainClientsStillGetTheOriginal() throws Exception {
    try (CacheNode node = node("distill.store-original", "false")) {
      assertThat(get(node, "/c.jpg", "Save-Data", "on").body().length).isLessThan(PHOTO.length / 2);
      assertThat(get(node, "/c.jpg", "Save-Data", "on").headers().firstValue("X-Cache").orElse("")).startsWith("HIT");
      assertThat(get(node, "/c.jpg").body()).isEqualTo(PHOTO);
    }
  }

  @Test
  void textIsGzippedOnlyForSaveDataClientsThatAcceptGzip() throws Exception {
    try (CacheNode node = node()) {
      HttpResponse<byte[]> gz = get(node, "/t.txt", "Save-Data", "on", "Accept-Encoding", "gzip");
      assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
      assertThat(new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes()).isEqualTo(TEXT);
      assertThat(gz.headers().firstValue("Vary").orElse("")).contains("Save-Data").contains("Accept-Encoding");
      assertThat(gz.headers().firstValue("ETag")).hasValue("\"v1-save-data-gzip\"");

      HttpResponse<byte[]> noGzip = get(node, "/t.txt", "Save-Data", "on");
      assertThat(noGzip.headers().firstValue("Content-Encoding")).isEmpty();
      assertThat(noGzip.body()).isEqualTo(TEXT);
      HttpResponse<byte[]> plain = get(node, "/t.txt", "Accept-Encoding", "gzip");
      assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
      assertThat(plain.body()).isEqualTo(TEXT);
      assertThat(plain.headers().firstValue("Vary").orElse("")).contains("Accept-Encoding");
      HttpResponse<byte[]> gzAgain = get(node, "/t.txt", "Save-Data", "on", "Accept-Encoding", "gzip");
      assertThat(gzAgain.headers().firstValue("X-Cache").orElse("")).startsWith("HIT");
      assertThat(gzAgain.body()).isEqualTo(gz.body());
      assertThat(SEEN.get("/t.txt").get()).isEqualTo(1);
    }
  }

  @Test
  void corruptJpegIsServedUnchangedCountedAndTheNodeKeepsServing() throws Exception {
    try (CacheNode node = node()) {
      HttpResponse<byte[]> r = get(node, "/corrupt.jpg", "Save-Data", "on");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo(Arrays.copyOf(PHOTO, PHOTO.length / 3));
      assertThat(r.headers().firstValue("ETag")).hasValue("\"v1\"");
      assertThat(metrics(node)).contains("shoal_distiller_skipped_total{distiller=\"jpeg\",reason=\"corrupt\"} 1.0");
      assertThat(get(node, "/d.jpg", "Save-Data", "on").body().length).isLessThan(PHOTO.length / 2);
    }
  }

  @Test
  void whenThePoolIsFullTheOriginalIsServedAtOnceAndCounted() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Distiller held = new Distiller() {
      @Override
      public String name() {
        return "jpeg";
      }

      @Override
      public boolean handles(String mediaType) {
        return Distiller.jpeg().handles(mediaType);
      }

      @Override
      public Result distill(Input input) throws IOException {
        entered.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return Distiller.jpeg().distill(input);
      }
    };
    try (CacheNode node = CacheNode.start(config("distill.threads", "1", "distill.queue", "1",
        "distill.timeout", "60s"), List.of(held))) {
      CompletableFuture<HttpResponse<byte[]>> first = getAsync(node, "/p1.jpg");
      entered.await();
      CompletableFuture<HttpResponse<byte[]>> second = getAsync(node, "/p2.jpg");
      while (!metrics(node).contains("shoal_distiller_queued 1.0")) {
        Thread.sleep(20); // until the second waits in the queue; bounded by the class timeout
      }
      HttpResponse<byte[]> overloaded = get(node, "/p3.jpg", "Save-Data", "on");
      assertThat(overloaded.statusCode()).isEqualTo(200);
      assertThat(overloaded.body()).isEqualTo(PHOTO);
      assertThat(overloaded.headers().firstValue("ETag")).hasValue("\"v1\"");
      assertThat(metrics(node)).contains("shoal_distiller_skipped_total{distiller=\"jpeg\",reason=\"overloaded\"} 1.0");
      release.countDown();
      assertThat(first.get().body().length).isLessThan(PHOTO.length / 2);
      assertThat(second.get().body().length).isLessThan(PHOTO.length / 2);
    }
  }

  @Test
  void aProfileFromTheConfigFileIsSelectedByTheClientHeader(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = dir.resolve("shoal.yaml");
    java.nio.file.Files.writeString(file, "distill:\n  client-header: X-Shoal-Profile\n  profiles:\n"
        + "    mobile:\n      quality: 40\n      max-dimension: 800\n      distillers: [jpeg, gzip]\n");
    Map<String, String> overrides = new java.util.LinkedHashMap<>();
    for (String[] kv : new String[][] {{"node.id", "test-node"}, {"proxy.host", "127.0.0.1"}, {"proxy.port", "0"},
        {"admin.port", "0"}, {"proxy.allowed-destinations", "127.0.0.0/8"}, {"shutdown.timeout", "2s"},
        {"proxy.reverse-origin", originUrl}}) {
      overrides.put(kv[0], kv[1]);
    }
    try (CacheNode node = CacheNode.start(NodeConfig.load(file, overrides))) {
      HttpResponse<byte[]> mobile = get(node, "/m.jpg", "X-Shoal-Profile", "mobile");
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(mobile.body()));
      assertThat(Math.max(img.getWidth(), img.getHeight())).isEqualTo(800);
      assertThat(mobile.headers().firstValue("Vary").orElse("")).contains("X-Shoal-Profile");
      assertThat(get(node, "/m.jpg", "X-Shoal-Profile", "none", "Save-Data", "on").body()).isEqualTo(PHOTO);
      assertThat(SEEN.get("/m.jpg").get()).isEqualTo(1);
    }
  }

  @Test
  void badDistillSettingsAreRefusedNamingTheSetting() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> config("distill.profiles.mobile.quality", "101"))
        .hasMessageContaining("distill.profiles").hasMessageContaining("mobile.quality: \"101\"");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> config("distill.profiles.mobile.distillers", "jpeg,webp"))
        .hasMessageContaining("distiller: \"webp\" (expected one of: jpeg, png, gif, gzip)");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> config("distill.default-profile", "tiny"))
        .hasMessageStartingWith("distill.default-profile: \"tiny\" (expected: save-data or a profile");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> config("distill.max-pixels", "0"))
        .hasMessageStartingWith("distill.max-pixels: \"0\" (expected: an integer > 0)");
    assertThat(config("distill.profiles.mobile.quality", "30").get(DistillSettings.PROFILES).get("mobile").quality())
        .isEqualTo(30);
  }

  @Test
  void huffmanIsAProfileSettingAndABadValueIsRefusedNamingSettingProfileAndChoices() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> config("distill.profiles.mobile.huffman", "fast"))
        .hasMessageStartingWith("distill.profiles: ")
        .hasMessageEndingWith(": mobile.huffman: \"fast\" (expected: standard or optimized)");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> config("distill.profiles.mobile.huffman", "true"))
        .hasMessageEndingWith(": mobile.huffman: \"true\" (expected: standard or optimized)");
    Map<String, io.shoal.distiller.Profile> profiles = config("distill.profiles.mobile.huffman", "optimized",
        "distill.profiles.lite.quality", "60").get(DistillSettings.PROFILES);
    assertThat(profiles.get("mobile").huffman()).isEqualTo(io.shoal.distiller.Profile.Huffman.OPTIMIZED);
    assertThat(profiles.get("lite").huffman()).isEqualTo(io.shoal.distiller.Profile.Huffman.STANDARD);
  }

  private static CacheNode node(String... settings) {
    return CacheNode.start(config(settings));
  }

  private static NodeConfig config(String... settings) {
    return configFor(originUrl, settings);
  }

  /** A node on loopback, reverse proxy for {@code origin}, with {@code settings} (name, value, ...). */
  static NodeConfig configFor(String origin, String... settings) {
    Map<String, String> m = new java.util.LinkedHashMap<>(Map.of("node.id", "test-node", "proxy.host", "127.0.0.1",
        "proxy.port", "0", "admin.port", "0", "proxy.allowed-destinations", "127.0.0.0/8",
        "shutdown.timeout", "2s", "proxy.reverse-origin", origin));
    for (int i = 0; i < settings.length; i += 2) {
      m.put(settings[i], settings[i + 1]);
    }
    return NodeConfig.of(m);
  }

  static HttpRequest request(CacheNode node, String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.proxyAddress().getPort() + path));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return b.build();
  }

  static HttpResponse<byte[]> get(CacheNode node, String path, String... headers) throws Exception {
    return CLIENT.send(request(node, path, headers), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static CompletableFuture<HttpResponse<byte[]>> getAsync(CacheNode node, String path) {
    return CLIENT.sendAsync(request(node, path, "Save-Data", "on"), HttpResponse.BodyHandlers.ofByteArray());
  }

  static String metrics(CacheNode node) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.adminAddress().getPort() + "/metrics"))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  /** A photo-like JPEG (the distiller's synthetic images, as noisy as the ones these tests were written on). */
  static byte[] jpeg(int width, int height, int quality) {
    return SyntheticImages.jpeg(SyntheticImages.photo(width, height, 42, 60, 10), quality);
  }

  private static byte[] text() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      b.append("line ").append(i).append(": the quick brown fox jumps over the lazy dog\n");
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }
}
