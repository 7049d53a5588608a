package io.shoal.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import io.shoal.hashing.CacheKey;
import io.shoal.hashing.Member;
import io.shoal.hashing.Strategies;
import io.shoal.hashing.Strategy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.Scriptable;

/** Evaluates the generated PAC in Rhino and compares it with the Java strategies on 10,000 URLs. */
class ProxyAutoConfigTest {

  /** Five peers with unequal weights (1, 2, 1, 1.5, 1). */
  static ClusterView view() {
    StaticMembership m = Membership.fixed().self("cache-1").secret("pac-test-secret-16").peer("cache-1", "10.0.0.1:3128", 1)
        .peer("cache-2", "10.0.0.2:3128", 2).peer("cache-3", "10.0.0.3:3128", 1).peer("cache-4", "10.0.0.4:3128", 1.5)
        .peer("node-5", "[::1]:3128", 1).build();
    return m.current();
  }

  /** Seven peers of equal weight 2 (not 1: equal, not unit, weights take the equal-weights paths). */
  static ClusterView equalView() {
    StaticMembership.Builder b = Membership.fixed().self("cache-1").secret("pac-test-secret-16");
    for (int i = 1; i <= 7; i++) {
      b.peer("cache-" + i, "10.0.1." + i + ":3128", 2);
    }
    b.peer("node-8", "10.0.1.8:8080", 2);
    return b.build().current();
  }

  static String url(int i) {
    if (i % 4 == 0) {
      return urlOfLength(i, 9 + (i / 4) % 292); // key lengths 9 (the shortest: http://h/) to 300
    }
    String[] hosts = {"example.com", "images.example.org", "a.b.c.example.net:8080", "xn--bcher-kva.example", "h"};
    return "http://" + hosts[i % hosts.length] + "/dir" + (i % 97) + "/object-" + i + (i % 3 == 0 ? "?q=" + i + "&r=%C3%A9" : "")
        + (i % 11 == 0 ? "/%E2%82%AC-" : "");
  }

  /** A normalized URL of exactly {@code bytes} UTF-8 bytes, with 1- to 4-byte characters. */
  static String urlOfLength(int i, int bytes) {
    String[] pieces = {"a", "\u00e9", "\u20ac", "\ud834\udd1e", "%E2%82%AC", "-", "/", "?q=", Integer.toString(i)};
    StringBuilder b = new StringBuilder(i % 8 == 0 ? "https://www.example.com/" : "http://h/");
    if (b.length() > bytes) {
      b = new StringBuilder("http://h/");
    }
    Random random = new Random(i);
    int length = b.length();
    while (length < bytes) {
      String piece = pieces[random.nextInt(pieces.length)];
      int n = piece.getBytes(StandardCharsets.UTF_8).length;
      if (length + n > bytes) {
        piece = "z";
        n = 1;
      }
      b.append(piece);
      length += n;
    }
    String url = b.toString();
    assertThat(url.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
    return url;
  }

  static Stream<Arguments> computed() {
    return Stream.of(
        Arguments.of("md5", false), Arguments.of("ketama", false), Arguments.of("carp", false),
        Arguments.of("rendezvous", false), Arguments.of("rendezvous", true), Arguments.of("jump", true),
        Arguments.of("maglev", false), Arguments.of("maglev", true), Arguments.of("maglev(size=251)", false));
  }

  @ParameterizedTest(name = "{0}, equal weights: {1}")
  @MethodSource("computed")
  void thePacPicksTheSameCandidateOrderAsTheRouterFor10kUrls(String spec, boolean equalWeights) {
    ClusterView view = equalWeights ? equalView() : view();
    assertThat(view.view().uniformWeights()).isEqualTo(equalWeights);
    String pac = ProxyAutoConfig.generate(view, spec);
    assertThat(pac).contains("strategy: '" + spec.replaceAll("\\(.*", "") + "'");
    Strategy strategy = Strategies.create(spec);
    Pac js = new Pac(pac);
    try {
      int owners = 0;
      for (int i = 0; i < 10_000; i++) {
        String url = url(i);
        List<String> expected = new ArrayList<>();
        for (Member m : strategy.candidates(CacheKey.of(url), view.view())) {
          expected.add("PROXY " + view.peer(m.id()).authority());
        }
        owners += expected.get(0).equals("PROXY " + view.peers().get(0).authority()) ? 1 : 0;
        assertThat(js.find(url)).as("%s %s", spec, url).isEqualTo(String.join("; ", expected));
      }
      assertThat(owners).as("the first peer owns some but not all URLs").isBetween(100, 9_900);
    } finally {
      js.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"md5", "ketama", "carp", "rendezvous", "maglev"})
  void drainingNodesAreLeftOutOfTheComputedOrder(String spec) {
    ClusterView full = view();
    ClusterView draining = full.withDraining("cache-2", true);
    Pac all = new Pac(ProxyAutoConfig.generate(full, spec));
    Pac some = new Pac(ProxyAutoConfig.generate(draining, spec));
    try {
      int changed = 0;
      for (int i = 0; i < 200; i++) {
        String url = url(i);
        String expected = all.find(url).replace("PROXY 10.0.0.2:3128; ", "").replace("; PROXY 10.0.0.2:3128", "");
        changed += expected.equals(all.find(url)) ? 0 : 1;
        assertThat(some.find(url)).as(url).isEqualTo(expected);
      }
      assertThat(changed).isEqualTo(200);
    } finally {
      all.close();
      some.close();
    }
  }

  /** The JavaScript FarmHash Fingerprint64 is Guava's on every length 0..300 (all four code paths). */
  @Test
  void fingerprint64InJavaScriptIsGuavasForEveryLengthUpTo300() {
    Pac js = new Pac(ProxyAutoConfig.generate(equalView(), "rendezvous"));
    try {
      Random random = new Random(4);
      for (int length = 0; length <= 300; length++) {
        for (int sample = 0; sample < 4; sample++) {
          byte[] data = new byte[length];
          if (sample == 1) {
            java.util.Arrays.fill(data, (byte) 0xff);
          } else if (sample > 1) {
            random.nextBytes(data);
          }
          StringBuilder array = new StringBuilder("[");
          for (int k = 0; k < length; k++) {
            array.append(k == 0 ? "" : ",").append(data[k] & 0xff);
          }
          String got = js.eval("String(shoalFingerprint64(" + array + "]))");
          long expected = Hashing.farmHashFingerprint64().hashBytes(data).asLong();
          assertThat(got).as("length %d sample %d", length, sample).isEqualTo(Long.toUnsignedString(expected));
        }
      }
      assertThat(js.eval("String(shoalFingerprint64(shoalUtf8('http://example.com/\u00e9\u20ac\ud834\udd1e')))"))
          .isEqualTo(Long.toUnsignedString(Hashing.farmHashFingerprint64()
              .hashString("http://example.com/\u00e9\u20ac\ud834\udd1e", StandardCharsets.UTF_8).asLong()));
      for (long k : new long[] {0, 1, -1, Long.MIN_VALUE, 0x123456789abcdefL, random.nextLong(), random.nextLong()}) {
        assertThat(js.eval("String(shoalMix64(BigInt('" + Long.toUnsignedString(k) + "')))"))
            .isEqualTo(Long.toUnsignedString(mix64(k)));
      }
    } finally {
      js.close();
    }
  }

  @Test
  void equalScoresKeepViewOrder() {
    Pac js = new Pac(ProxyAutoConfig.generate(view(), "rendezvous"));
    try {
      assertThat(js.eval("shoalByScore([1, 2, 2, 1, 3]).join()")).isEqualTo("4,1,2,0,3");
    } finally {
      js.close();
    }
  }

  /** An engine without BigInt (Rhino at JavaScript 1.8) still runs the script: MD5 placement, listed nodes for the rest. */
  @ParameterizedTest
  @ValueSource(strings = {"md5", "rendezvous", "jump", "maglev"})
  void withoutBigIntTheScriptStillParsesAndFallsBackToTheList(String spec) {
    ClusterView view = equalView();
    Pac js = new Pac(ProxyAutoConfig.generate(view, spec), Context.VERSION_1_8);
    try {
      assertThat(js.eval("typeof BigInt")).isEqualTo("undefined");
      String url = "http://example.com/a.jpg";
      String expected = spec.equals("md5")
          ? String.join("; ", Strategies.create("md5").candidates(CacheKey.of(url), view.view()).stream()
              .map(m -> "PROXY " + view.peer(m.id()).authority()).toList())
          : String.join("; ", view.peers().stream().map(p -> "PROXY " + p.authority()).toList());
      assertThat(js.find(url)).isEqualTo(expected);
    } finally {
      js.close();
    }
  }

  /** MurmurHash3's fmix64, written out here so the test does not read it from the code under test. */
  private static long mix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  @ParameterizedTest
  @ValueSource(strings = {"multi-probe", "ht-rr", "jump", "maglev(size=5)", "no-such-strategy(1"})
  void otherStrategiesListEveryNodeAndDrainingNodesAreLeftOut(String spec) {
    // jump refuses unequal weights; a maglev table must be larger than the view (5 peers)
    ClusterView view = view().withDraining("cache-2", true);
    String pac = ProxyAutoConfig.generate(view, spec);
    assertThat(pac).contains("strategy: 'list'");
    Pac js = new Pac(pac);
    try {
      assertThat(js.find("http://EXAMPLE.com:80/a#frag"))
          .isEqualTo("PROXY 10.0.0.1:3128; PROXY 10.0.0.3:3128; PROXY 10.0.0.4:3128; PROXY [::1]:3128");
      assertThat(js.find("ftp://example.com/")).isEqualTo("DIRECT");
    } finally {
      js.close();
    }
  }

  /** The PAC in Rhino (interpreted, ES6: BigInt included). */
  private static final class Pac {
    private final Context cx = Context.enter();
    private final Scriptable scope;
    private final Function find;

    Pac(String script) {
      this(script, Context.VERSION_ES6);
    }

    Pac(String script, int languageVersion) {
      cx.setLanguageVersion(languageVersion);
      cx.setOptimizationLevel(-1);
      scope = cx.initStandardObjects();
      cx.evaluateString(scope, script, "proxy.pac", 1, null);
      find = (Function) scope.get("FindProxyForURL", scope);
    }

    String find(String url) {
      return (String) find.call(cx, scope, scope, new Object[] {url, "ignored"});
    }

    String eval(String expression) {
      return (String) cx.evaluateString(scope, expression, "eval", 1, null);
    }

    void close() {
      Context.exit();
    }
  }
}
