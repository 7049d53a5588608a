package io.shoal.bench.replay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.Fault;
import io.shoal.traces.TraceRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The replay client against real servers that frame responses every way it must read: WireMock
 * sending chunked or Content-Length bodies, a 304 without a body, no {@code X-Cache}, with and
 * without keep-alive, then broken answers (503, a reset, a close before any response, bytes that
 * are not HTTP) counted as errors by kind. Every count is known from the trace.
 */
class ReplayThroughWireMockTest {
  /** No origin listens here: the client only names it in its requests (and finds no stats there). */
  private static final URI ORIGIN = URI.create("http://127.0.0.1:1");

  static Stream<Arguments> framings() {
    return Stream.of(Options.ChunkedEncodingPolicy.ALWAYS, Options.ChunkedEncodingPolicy.NEVER)
        .flatMap(c -> Stream.of(Arguments.of(c, true), Arguments.of(c, false)));
  }

  /** Ids 1-4 in turn, {@code n} times each (id 3's size is 0: its URL answers 304). */
  private static List<TraceRequest> trace(int n, int... ids) {
    long[] sizes = {0, 1000, 3000, 0, 5, 1, 1, 1, 1};
    return IntStream.range(0, n * ids.length).mapToObj(i -> ids[i % ids.length])
        .map(id -> TraceRequest.of(Integer.toString(id), sizes[id])).toList();
  }

  private static ReplayResult replay(int port, List<TraceRequest> trace, boolean keepAlive) {
    return Replay.builder().proxy(URI.create("http://127.0.0.1:" + port)).origin(ORIGIN)
        .requests("test", trace::stream).connections(4).keepAlive(keepAlive).build().run();
  }

  @ParameterizedTest(name = "{0} chunked, keepAlive={1}")
  @MethodSource("framings")
  void everyBodyByteAndEveryXCacheCounted(Options.ChunkedEncodingPolicy chunked, boolean keepAlive) {
    WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
        .useChunkedTransferEncoding(chunked));
    server.start();
    try {
      server.stubFor(get(urlPathEqualTo("/o/1000/1.html")).willReturn(aResponse().withStatus(200)
          .withHeader("X-Cache", "HIT from wm").withBody("a".repeat(1000))));
      server.stubFor(get(urlPathEqualTo("/o/3000/2.html")).willReturn(aResponse().withStatus(200)
          .withHeader("X-Cache", "MISS from wm").withBody("b".repeat(3000))));
      server.stubFor(get(urlPathEqualTo("/o/0/3.html")).willReturn(aResponse().withStatus(304)
          .withHeader("X-Cache", "HIT from wm2")));
      server.stubFor(get(urlPathEqualTo("/o/5/4.html")).willReturn(aResponse().withStatus(200).withBody("12345")));

      ReplayResult r = replay(server.port(), trace(50, 1, 2, 3, 4), keepAlive);

      assertThat(r.breakdown().errors()).isEmpty();
      assertThat(r.traffic().requests()).isEqualTo(200);
      assertThat(r.breakdown().statuses()).containsOnly(Map.entry(200, 150L), Map.entry(304, 50L));
      assertThat(r.traffic().bodyBytes()).isEqualTo(50 * (1000 + 3000 + 5));
      assertThat(r.hits().tagged()).isEqualTo(150);
      assertThat(r.hits().count()).isEqualTo(100);
      assertThat(r.hits().bytes()).isEqualTo(50 * 1000);
      assertThat(r.breakdown().cacheResults()).containsOnly(Map.entry("HIT", 100L), Map.entry("MISS", 50L));
      assertThat(r.breakdown().nodes()).containsOnly(Map.entry("wm", 100L), Map.entry("wm2", 50L));
      assertThat(r.servers().originRequests()).isEqualTo(-1);
      assertThat(server.getAllServeEvents()).hasSize(200);
    } finally {
      server.stop();
    }
  }

  @Test
  void brokenAnswersAreErrorsByKind() {
    WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    try {
      server.stubFor(get(urlPathEqualTo("/o/1/5.html")).willReturn(aResponse().withStatus(503)));
      server.stubFor(get(urlPathEqualTo("/o/1/6.html")).willReturn(aResponse()
          .withFault(Fault.CONNECTION_RESET_BY_PEER)));
      server.stubFor(get(urlPathEqualTo("/o/1/7.html")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
      server.stubFor(get(urlPathEqualTo("/o/1/8.html")).willReturn(aResponse().withStatus(200).withBody("!")));

      ReplayResult r = replay(server.port(), trace(10, 5, 6, 7, 8), true);

      assertThat(r.breakdown().errors()).containsOnly(Map.entry("http 503", 10L), Map.entry("connection reset", 10L),
          Map.entry("closed before the response ended", 10L));
      assertThat(r.traffic().requests()).isEqualTo(10);
      assertThat(r.traffic().bodyBytes()).isEqualTo(10);
    } finally {
      server.stop();
    }
  }

  @Test
  void bytesThatAreNotHttpAreABadResponse() throws IOException {
    try (ServerSocket ssh = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread server = new Thread(() -> answerEveryConnection(ssh, "SSH-2.0-OpenSSH_9.2\r\n"));
      server.setDaemon(true);
      server.start();

      ReplayResult r = replay(ssh.getLocalPort(), trace(3, 8), true);

      assertThat(r.breakdown().errors()).containsOnly(Map.entry("bad response", 3L));
      assertThat(r.traffic().requests()).isZero();
    }
  }

  private static void answerEveryConnection(ServerSocket server, String answer) {
    while (!server.isClosed()) {
      try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
        in.read(new byte[4096]);
        out.write(answer.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        in.read(); // until the client closes
      } catch (IOException e) {
        // the next connection, or the server was closed
      }
    }
  }
}
