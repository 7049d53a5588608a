package io.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.shoal.base.config.Config;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * The node's parsers fed anything: the HTTP request head over a real socket (any bytes get a
 * status line or a closed connection, and the node still answers a good request afterwards) and
 * the config file (any YAML is loaded or refused with an IllegalArgumentException). Under plain
 * {@code mvn verify} only the seeds in {@code ParsersFuzzTestInputs/} run; to fuzz,
 * {@code JAZZER_FUZZ=1 mvn -pl cache-node -am test -Dtest=ParsersFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ParsersFuzzTest {
  private static CacheNode node;

  private static synchronized InetSocketAddress proxy() {
    if (node == null) {
      node = TestNodes.start("proxy.request-timeout", "2s", "origin.connect-timeout", "1s",
          "origin.response-timeout", "2s", "proxy.allowed-destinations", "");
    }
    return node.proxyAddress();
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
      node = null;
    }
  }

  @FuzzTest(maxDuration = "60s")
  void anyRequestBytesGetAStatusOrAClose(byte[] input) throws Exception {
    try (var allowed = com.code_intelligence.jazzer.api.BugDetectors.allowNetworkConnections()) {
      exchangeThenCheck(input == null ? new byte[0] : input);
    }
  }

  private static void exchangeThenCheck(byte[] input) throws Exception {
    try (RawHttp c = new RawHttp(proxy())) {
      c.socket().setSoTimeout(4_000);
      c.send(input);
      c.socket().shutdownOutput();
      try {
        RawHttp.Response r = c.read(false);
        if (r != null) {
          assertThat(r.status).isBetween(100, 599);
        }
      } catch (java.io.IOException | RuntimeException e) {
        // a reset or a response our tiny client cannot parse: the node's side is checked below
      }
    }
    RawHttp.Response ok = RawHttp.exchange(proxy(), "GET http://127.0.0.1/ HTTP/1.1\r\nHost: x\r\n\r\n");
    assertThat(ok.status).isEqualTo(403);
  }

  @FuzzTest(maxDuration = "30s")
  void anyConfigIsLoadedOrRefusedByName(FuzzedDataProvider data) {
    String yaml = data.consumeRemainingAsString();
    try {
      Config.load(NodeConfig.SCHEMA, new StringReader(yaml), "fuzz", Map.of());
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @FuzzTest(maxDuration = "30s")
  void cacheControlRangesAndDatesNeverThrow(FuzzedDataProvider data) {
    String a = data.consumeString(200);
    long length = data.consumeLong(0, 1L << 40);
    String b = data.consumeRemainingAsString();
    io.shoal.node.internal.http.CacheControl cc = io.shoal.node.internal.http.CacheControl.parse(List.of(a, b));
    assertThat(cc.seconds("max-age", 0)).isGreaterThanOrEqualTo(-1);
    long[] r = io.shoal.node.internal.cache.Ranges.resolve(a, length);
    if (r.length == 2) {
      assertThat(r[0]).isBetween(0L, r[1]);
      assertThat(r[1]).isLessThan(length);
    }
    io.shoal.node.internal.http.HttpDates.parse(b);
    assertThat(b.getBytes(StandardCharsets.UTF_8)).isNotNull();
  }
}
