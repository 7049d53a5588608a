package io.shoal.node;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.shoal.testsupport.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 9111 behaviour seen from a real client, with what the origin saw. Each test uses its own paths. */
class CacheBehaviourTest {
  static WireMockServer origin;
  static CacheNode node;
  static final AtomicInteger SEQ = new AtomicInteger();

  @BeforeAll
  static void start() {
    origin = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(80));
    origin.start();
    node = TestNodes.start("cache.max-object-size", "4KB");
  }

  @AfterAll
  static void stop() {
    node.close();
    origin.stop();
  }

  static String path(String name) {
    return "/" + name + "-" + SEQ.incrementAndGet();
  }

  static String url(String path) {
    return "http://127.0.0.1:" + origin.port() + path;
  }

  static RawHttp.Response request(String method, String path, String... headers) throws Exception {
    StringBuilder b = new StringBuilder(method + " " + url(path) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (String h : headers) {
      b.append(h).append("\r\n");
    }
    b.append("Connection: close\r\n\r\n");
    return RawHttp.exchange(node.proxyAddress(), b.toString());
  }

  static RawHttp.Response get(String path, String... headers) throws Exception {
    return request("GET", path, headers);
  }

  static void stub(String path, ResponseDefinitionBuilder response) {
    origin.stubFor(any(urlEqualTo(path)).willReturn(response));
  }

  static int originSaw(String path) {
    return origin.countRequestsMatching(anyRequestedFor(urlEqualTo(path)).build()).getCount();
  }

  static ResponseDefinitionBuilder ok(String body, String cacheControl) {
    ResponseDefinitionBuilder r = aResponse().withStatus(200).withBody(body);
    return cacheControl == null ? r : r.withHeader("Cache-Control", cacheControl);
  }

  @Test
  void fiftyConcurrentMissesMakeOneOriginRequest() throws Exception {
    String p = path("collapse");
    stub(p, ok("shared", "max-age=60").withFixedDelay(700));
    List<RawHttp.Response> responses = concurrently(50, () -> get(p));
    assertThat(responses).allSatisfy(r -> {
      assertThat(r.status).isEqualTo(200);
      assertThat(r.body()).isEqualTo("shared");
    });
    assertThat(originSaw(p)).isEqualTo(1);
    assertThat(responses.stream().filter(r -> r.header("X-Cache").startsWith("MISS")).count()).isEqualTo(1);
  }

  /**
   * The race a slow origin hides: a request that missed just before the leader stored the response
   * and joins just after the leader finished becomes a leader itself; it must find the stored one.
   */
  @Test
  void concurrentMissesOnAFastOriginStillMakeOneOriginRequestEach() throws Exception {
    for (int i = 0; i < 40; i++) {
      String p = path("fast-collapse-" + i);
      stub(p, ok("fast", "max-age=60"));
      List<RawHttp.Response> responses = concurrently(8, () -> get(p));
      assertThat(responses).allSatisfy(r -> assertThat(r.body()).isEqualTo("fast"));
      assertThat(originSaw(p)).as("origin requests for %s", p).isEqualTo(1);
    }
  }

  @Test
  void notStorableCollapsedMissSendsEveryWaiterToTheOrigin() throws Exception {
    String p = path("nostore");
    stub(p, ok("private", "no-store").withFixedDelay(500));
    List<RawHttp.Response> responses = concurrently(20, () -> get(p));
    assertThat(responses).allSatisfy(r -> assertThat(r.body()).isEqualTo("private"));
    assertThat(originSaw(p)).isEqualTo(20);
  }

  @Test
  void freshnessOrderSMaxAgeThenMaxAgeThenExpires() throws Exception {
    String a = path("smaxage");
    stub(a, ok("a", "max-age=600, s-maxage=0"));
    get(a);
    assertThat(get(a).header("X-Cache")).startsWith("MISS");
    assertThat(originSaw(a)).isEqualTo(2);

    String b = path("expires-past");
    stub(b, ok("b", null).withHeader("Expires", "Thu, 01 Jan 1970 00:00:00 GMT"));
    get(b);
    get(b);
    assertThat(originSaw(b)).isEqualTo(2);

    String c = path("maxage-over-expires");
    stub(c, ok("c", "max-age=600").withHeader("Expires", "Thu, 01 Jan 1970 00:00:00 GMT"));
    get(c);
    assertThat(get(c).header("X-Cache")).startsWith("HIT");
    assertThat(originSaw(c)).isEqualTo(1);
  }

  @Test
  void heuristicFreshnessOnlyWithLastModified() throws Exception {
    String withLm = path("lm");
    stub(withLm, ok("lm", null).withHeader("Last-Modified", "Mon, 01 Jan 2001 00:00:00 GMT"));
    get(withLm);
    assertThat(get(withLm).header("X-Cache")).startsWith("HIT");
    assertThat(originSaw(withLm)).isEqualTo(1);

    String without = path("nolm");
    stub(without, ok("x", null));
    get(without);
    assertThat(get(without).header("X-Cache")).startsWith("MISS");
    assertThat(originSaw(without)).isEqualTo(2);
  }

  @Test
  void ageIsComputedFromTheOriginsAge() throws Exception {
    String p = path("age");
    stub(p, ok("x", "max-age=600").withHeader("Age", "100"));
    get(p);
    RawHttp.Response hit = get(p);
    assertThat(hit.header("X-Cache")).startsWith("HIT");
    assertThat(Long.parseLong(hit.header("Age"))).isBetween(100L, 130L);
  }

  /** 30 concurrent requests for one stale entry: one conditional request reaches the origin, all get the body. */
  @Test
  void concurrentRevalidationsOfOneStaleEntryAreCollapsed() throws Exception {
    String p = path("collapse-revalidation");
    origin.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo(p)).atPriority(1)
        .withHeader("If-None-Match", equalTo("\"r1\""))
        .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"r1\"").withHeader("Cache-Control", "max-age=600")
            .withFixedDelay(700)));
    origin.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo(p)).atPriority(2)
        .willReturn(ok("stale-body", "max-age=0").withHeader("ETag", "\"r1\"")));
    assertThat(get(p).header("X-Cache")).startsWith("MISS");
    List<RawHttp.Response> responses = concurrently(30, () -> get(p));
    assertThat(responses).allSatisfy(r -> {
      assertThat(r.status).isEqualTo(200);
      assertThat(r.body()).isEqualTo("stale-body");
    });
    origin.verify(1, getRequestedFor(urlEqualTo(p)).withHeader("If-None-Match", equalTo("\"r1\"")));
    assertThat(originSaw(p)).isEqualTo(2);
    assertThat(responses.stream().filter(r -> r.header("X-Cache").startsWith("REVALIDATED")).count()).isEqualTo(1);
  }

  @Test
  void staleEntryIsRevalidatedWithItsValidatorsAnd304UpdatesIt() throws Exception {
    String p = path("etag");
    origin.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo(p)).atPriority(1).withHeader("If-None-Match", equalTo("\"v1\""))
        .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"v1\"")
            .withHeader("Cache-Control", "max-age=600").withHeader("X-Updated", "yes")));
    origin.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo(p)).atPriority(2).willReturn(ok("body-v1", "max-age=0")
        .withHeader("ETag", "\"v1\"").withHeader("Last-Modified", "Mon, 01 Jan 2001 00:00:00 GMT")));
    assertThat(get(p).header("X-Cache")).startsWith("MISS");
    RawHttp.Response revalidated = get(p);
    assertThat(revalidated.status).isEqualTo(200);
    assertThat(revalidated.body()).isEqualTo("body-v1");
    assertThat(revalidated.header("X-Cache")).isEqualTo("REVALIDATED from test-node");
    assertThat(revalidated.header("X-Updated")).isEqualTo("yes");
    origin.verify(1, getRequestedFor(urlEqualTo(p)).withHeader("If-None-Match", equalTo("\"v1\""))
        .withHeader("If-Modified-Since", equalTo("Mon, 01 Jan 2001 00:00:00 GMT")));
    RawHttp.Response third = get(p);
    assertThat(third.header("X-Cache")).startsWith("HIT");
    assertThat(third.body()).isEqualTo("body-v1");
    assertThat(originSaw(p)).isEqualTo(2);
  }

  @Test
  void requestDirectives() throws Exception {
    String p = path("reqcc");
    stub(p, ok("x", "max-age=600"));
    get(p);
    assertThat(get(p, "Cache-Control: nothing-to-see-here").header("X-Cache")).startsWith("HIT");
    assertThat(get(p, "Pragma: foo").header("X-Cache")).startsWith("HIT");
    assertThat(originSaw(p)).isEqualTo(1);
    get(p, "Cache-Control: no-cache");
    assertThat(originSaw(p)).isEqualTo(2);
    get(p, "Pragma: no-cache");
    assertThat(originSaw(p)).isEqualTo(3);
    get(p, "Cache-Control: max-age=0");
    assertThat(originSaw(p)).isEqualTo(4);
    get(p, "Cache-Control: min-fresh=1200");
    assertThat(originSaw(p)).isEqualTo(5);
    assertThat(get(p, "Cache-Control: only-if-cached").header("X-Cache")).startsWith("HIT");

    RawHttp.Response notCached = get(path("never"), "Cache-Control: only-if-cached");
    assertThat(notCached.status).isEqualTo(504);
  }

  @Test
  void maxStaleServesAStaleEntryWithoutTheOrigin() throws Exception {
    String p = path("maxstale");
    stub(p, ok("old", "max-age=10").withHeader("Age", "20"));
    get(p);
    RawHttp.Response stale = get(p, "Cache-Control: max-stale=60");
    assertThat(stale.header("X-Cache")).isEqualTo("STALE from test-node");
    assertThat(stale.body()).isEqualTo("old");
    assertThat(originSaw(p)).isEqualTo(1);
    get(p, "Cache-Control: max-stale=5");
    assertThat(originSaw(p)).isEqualTo(2);
  }

  @Test
  void staleWhileRevalidateAnswersAtOnceAndRefreshesInTheBackground() throws Exception {
    String p = path("swr");
    stub(p, ok("swr", "max-age=1, stale-while-revalidate=600").withHeader("Age", "5"));
    get(p);
    RawHttp.Response r = get(p);
    assertThat(r.header("X-Cache")).isEqualTo("STALE from test-node");
    awaitOrigin(p, 2);
  }

  @Test
  void staleIfErrorAndMustRevalidate() throws Exception {
    String sie = path("sie");
    String must = path("must");
    origin.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo(sie)).inScenario(sie).whenScenarioStateIs("Started")
        .willReturn(ok("kept", "max-age=1, stale-if-error=600").withHeader("Age", "5")).willSetStateTo("down"));
    origin.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo(sie)).inScenario(sie).whenScenarioStateIs("down")
        .willReturn(aResponse().withStatus(503)));
    origin.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo(must)).inScenario(must).whenScenarioStateIs("Started")
        .willReturn(ok("kept", "max-age=1, must-revalidate, stale-if-error=600").withHeader("Age", "5"))
        .willSetStateTo("down"));
    origin.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo(must)).inScenario(must).whenScenarioStateIs("down")
        .willReturn(aResponse().withStatus(503)));
    get(sie);
    RawHttp.Response stale = get(sie);
    assertThat(stale.status).isEqualTo(200);
    assertThat(stale.body()).isEqualTo("kept");
    assertThat(stale.header("X-Cache")).isEqualTo("STALE from test-node");
    get(must);
    assertThat(get(must).status).isEqualTo(503);
  }

  @Test
  void mustRevalidateGives504WhenTheOriginIsDown() throws Exception {
    WireMockServer gone = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    gone.start();
    int port = gone.port();
    gone.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/m")).willReturn(ok("m", "max-age=1, must-revalidate").withHeader("Age", "5")));
    gone.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/s")).willReturn(ok("s", "max-age=1, stale-if-error=600").withHeader("Age", "5")));
    gone.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/n")).willReturn(ok("n", "max-age=1").withHeader("Age", "5")));
    String base = "http://127.0.0.1:" + port;
    for (String p : new String[] {"/m", "/s", "/n"}) {
      RawHttp.exchange(node.proxyAddress(), "GET " + base + p + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    }
    gone.stop();
    assertThat(RawHttp.exchange(node.proxyAddress(), "GET " + base + "/m HTTP/1.1\r\nHost: x\r\n\r\n").status)
        .isEqualTo(504);
    RawHttp.Response s = RawHttp.exchange(node.proxyAddress(), "GET " + base + "/s HTTP/1.1\r\nHost: x\r\n\r\n");
    assertThat(s.status).isEqualTo(200);
    assertThat(s.header("X-Cache")).startsWith("STALE");
    RawHttp.Response n = RawHttp.exchange(node.proxyAddress(), "GET " + base + "/n HTTP/1.1\r\nHost: x\r\n\r\n");
    assertThat(n.status).isEqualTo(502);
    assertThat(n.body()).contains("unreachable");
  }

  @Test
  void varyKeepsOneVariantPerSelectingHeader() throws Exception {
    String p = path("vary");
    origin.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo(p)).atPriority(1).withHeader("Accept-Language", equalTo("de"))
        .willReturn(ok("hallo", "max-age=600").withHeader("Vary", "Accept-Language")));
    origin.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo(p)).atPriority(2)
        .willReturn(ok("hello", "max-age=600").withHeader("Vary", "Accept-Language")));
    assertThat(get(p, "Accept-Language: de").body()).isEqualTo("hallo");
    assertThat(get(p, "Accept-Language: en").body()).isEqualTo("hello");
    RawHttp.Response de = get(p, "Accept-Language: de");
    assertThat(de.body()).isEqualTo("hallo");
    assertThat(de.header("X-Cache")).startsWith("HIT");
    assertThat(get(p, "Accept-Language: en").header("X-Cache")).startsWith("HIT");
    assertThat(originSaw(p)).isEqualTo(2);

    String star = path("varystar");
    stub(star, ok("x", "max-age=600").withHeader("Vary", "*"));
    get(star);
    get(star);
    assertThat(originSaw(star)).isEqualTo(2);
  }

  @Test
  void rangeAndHeadAndConditionalsAreServedFromTheStoredResponse() throws Exception {
    String p = path("range");
    stub(p, ok("0123456789", "max-age=600").withHeader("ETag", "\"r1\"")
        .withHeader("Last-Modified", "Mon, 01 Jan 2001 00:00:00 GMT"));
    get(p);
    RawHttp.Response part = get(p, "Range: bytes=2-4");
    assertThat(part.status).isEqualTo(206);
    assertThat(part.body()).isEqualTo("234");
    assertThat(part.header("Content-Range")).isEqualTo("bytes 2-4/10");
    assertThat(get(p, "Range: bytes=-3").body()).isEqualTo("789");
    RawHttp.Response bad = get(p, "Range: bytes=20-");
    assertThat(bad.status).isEqualTo(416);
    assertThat(bad.header("Content-Range")).isEqualTo("bytes */10");
    assertThat(get(p, "Range: bytes=2-4", "If-Range: \"other\"").status).isEqualTo(200);
    RawHttp.Response head = request("HEAD", p);
    assertThat(head.status).isEqualTo(200);
    assertThat(head.header("Content-Length")).isEqualTo("10");
    assertThat(head.header("X-Cache")).startsWith("HIT");
    RawHttp.Response inm = get(p, "If-None-Match: W/\"r1\"");
    assertThat(inm.status).isEqualTo(304);
    assertThat(inm.header("ETag")).isEqualTo("\"r1\"");
    assertThat(get(p, "If-Modified-Since: Tue, 01 Jan 2030 00:00:00 GMT").status).isEqualTo(304);
    assertThat(get(p, "If-Modified-Since: Mon, 01 Jan 1990 00:00:00 GMT").status).isEqualTo(200);
    assertThat(originSaw(p)).isEqualTo(1);
  }

  @Test
  void unsafeMethodInvalidatesAndIsForwardedWithItsBody() throws Exception {
    String p = path("unsafe");
    origin.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo(p)).willReturn(ok("v", "max-age=600")));
    origin.stubFor(post(urlEqualTo(p)).willReturn(aResponse().withStatus(201).withBody("created")));
    get(p);
    assertThat(get(p).header("X-Cache")).startsWith("HIT");
    RawHttp.Response posted = RawHttp.exchange(node.proxyAddress(), "POST " + url(p) + " HTTP/1.1\r\n"
        + "Host: x\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello");
    assertThat(posted.status).isEqualTo(201);
    assertThat(posted.body()).isEqualTo("created");
    origin.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo(p))
        .withRequestBody(equalTo("hello")));
    assertThat(get(p).header("X-Cache")).startsWith("MISS");
  }

  @Test
  void storabilityRules() throws Exception {
    String priv = path("private");
    stub(priv, ok("p", "private, max-age=600"));
    String cookie = path("cookie");
    stub(cookie, ok("c", "max-age=600").withHeader("Set-Cookie", "id=1"));
    String auth = path("auth");
    stub(auth, ok("a", "max-age=600"));
    String authPublic = path("authpublic");
    stub(authPublic, ok("a", "public, max-age=600"));
    String big = path("big");
    stub(big, ok("x".repeat(5000), "max-age=600"));
    for (int i = 0; i < 2; i++) {
      get(priv);
      get(cookie);
      get(auth, "Authorization: Basic Zm9vOmJhcg==");
      get(authPublic, "Authorization: Basic Zm9vOmJhcg==");
      assertThat(get(big).body()).hasSize(5000);
    }
    assertThat(originSaw(priv)).isEqualTo(2);
    assertThat(originSaw(cookie)).isEqualTo(2);
    assertThat(originSaw(auth)).isEqualTo(2);
    assertThat(originSaw(authPublic)).isEqualTo(1);
    assertThat(originSaw(big)).isEqualTo(2);
  }

  private static void awaitOrigin(String p, int count) {
    await("the origin to see " + count + " requests for " + p, Duration.ofSeconds(20), () -> originSaw(p) >= count);
    assertThat(originSaw(p)).isEqualTo(count);
  }

  interface Call {
    RawHttp.Response call() throws Exception;
  }

  static List<RawHttp.Response> concurrently(int n, Call call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<RawHttp.Response>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(() -> {
          go.await();
          return call.call();
        }));
      }
      go.countDown();
      List<RawHttp.Response> out = new ArrayList<>();
      for (Future<RawHttp.Response> f : futures) {
        out.add(f.get(60, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
