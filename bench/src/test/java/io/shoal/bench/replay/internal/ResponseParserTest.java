package io.shoal.bench.replay.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The response parser against responses whose framing is known by construction, fed whole and
 * split at every byte position, and a keep-alive stream of all of them cut into random pieces (the
 * property: where the input is split never changes what is parsed).
 */
class ResponseParserTest {
  record Parsed(int status, String xCache, long body, boolean close) {}

  /** A Shoal node's head for a hit, as it sends it. */
  static final String NODE_HIT = "HTTP/1.1 200 OK\r\nCache-Control: max-age=3600\r\nServer: nginx/1.22.1\r\n"
      + "Date: Sat, 21 Nov 2026 12:19:30 GMT\r\nVia: 1.1 limit-node\r\nVary: Save-Data, Accept-Encoding\r\n"
      + "X-Cache: HIT from limit-node\r\nContent-Type: text/html\r\nContent-Length: 1024\r\nAge: 0\r\n\r\n"
      + "x".repeat(1024);

  static List<Object[]> responses() {
    String kb = "x".repeat(1024);
    return List.of(
        new Object[] {NODE_HIT, new Parsed(200, "HIT from limit-node", 1024, false)},
        new Object[] {"HTTP/1.1 200 OK\r\nContent-Length: 1024\r\nX-Cache: HIT from n1\r\n\r\n" + kb,
            new Parsed(200, "HIT from n1", 1024, false)},
        new Object[] {"HTTP/1.1 200 OK\r\ncontent-length:5\r\nx-cache:MISS from a b\r\nConnection: close\r\n\r\nhello",
            new Parsed(200, "MISS from a b", 5, true)},
        new Object[] {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n1A\r\n"
            + "abcdefghijklmnopqrstuvwxyz\r\n0\r\nTrailer: t\r\n\r\n", new Parsed(200, null, 31, false)},
        new Object[] {"HTTP/1.1 200 OK\r\nTRANSFER-ENCODING: gzip, Chunked\r\nX-Cache:  STALE from n2 \r\n\r\n"
            + "2000\r\n" + "y".repeat(0x2000) + "\r\n0\r\n\r\n", new Parsed(200, "STALE from n2", 0x2000, false)},
        new Object[] {"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\nno!",
            new Parsed(404, null, 3, false)},
        new Object[] {"HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\nX-Cache: REVALIDATED from n\r\n\r\n",
            new Parsed(304, "REVALIDATED from n", 0, false)},
        new Object[] {"HTTP/1.1 204 No Content\r\nConnection: Keep-Alive, Close\r\n\r\n", new Parsed(204, null, 0, true)},
        new Object[] {"HTTP/1.0 200 OK\nContent-Length: 2\n\nok", new Parsed(200, null, 2, true)},
        new Object[] {"HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok",
            new Parsed(200, null, 2, false)},
        new Object[] {"HTTP/1.1 200 OK\r\nX-Cache: HIT from first\r\nX-Cache: MISS from second\r\nContent-Length: 0\r\n\r\n",
            new Parsed(200, "HIT from first", 0, false)},
        new Object[] {"HTTP/1.1 200 OK\r\nSet-Cookie: " + "c".repeat(10_000) + "\r\nX-Cache: MISS\r\nContent-Length: 1\r\n\r\n!",
            new Parsed(200, "MISS", 1, false)});
  }

  /** Feeds {@code pieces} as a connection would deliver them, reading on after each response. */
  static List<Parsed> parse(List<byte[]> pieces, boolean eof) {
    List<Parsed> out = new ArrayList<>();
    ResponseParser p = new ResponseParser((s, x, b, c) -> out.add(new Parsed(s, x == null ? null : x.value(), b, c)));
    for (byte[] piece : pieces) {
      ByteBuf in = Unpooled.wrappedBuffer(piece);
      while (in.isReadable()) {
        p.feed(in);
      }
    }
    if (eof) {
      p.eof();
    }
    return out;
  }

  private static List<Parsed> parse(byte[] bytes, int split, boolean eof) {
    return parse(List.of(java.util.Arrays.copyOfRange(bytes, 0, split),
        java.util.Arrays.copyOfRange(bytes, split, bytes.length)), eof);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @ParameterizedTest
  @MethodSource("responses")
  void sameResultWhereverTheInputIsSplit(String response, Parsed expected) {
    byte[] bytes = bytes(response);
    for (int split = 0; split <= bytes.length; split++) {
      assertThat(parse(bytes, split, false)).as("split at %d", split).containsExactly(expected);
    }
  }

  @Test
  void aKeepAliveStreamCutAnywhereGivesEveryResponseInOrder() {
    StringBuilder stream = new StringBuilder();
    List<Parsed> expected = new ArrayList<>();
    for (Object[] r : responses()) {
      Parsed p = (Parsed) r[1];
      if (!p.close()) {
        stream.append(r[0]);
        expected.add(p);
      }
    }
    byte[] bytes = bytes(stream.toString());
    Random random = new Random(42);
    for (int round = 0; round < 300; round++) {
      List<byte[]> pieces = new ArrayList<>();
      for (int at = 0; at < bytes.length; ) {
        int n = Math.min(bytes.length - at, 1 + random.nextInt(round % 3 == 0 ? 8 : 3000));
        pieces.add(java.util.Arrays.copyOfRange(bytes, at, at + n));
        at += n;
      }
      assertThat(parse(pieces, false)).as("round %d, %d pieces", round, pieces.size()).isEqualTo(expected);
    }
  }

  @Test
  void feedReturnsAfterEachResponseLeavingTheRestUnread() {
    String one = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc";
    ByteBuf in = Unpooled.wrappedBuffer(bytes(one + one));
    List<Parsed> out = new ArrayList<>();
    ResponseParser p = new ResponseParser((s, x, b, c) -> out.add(new Parsed(s, null, b, c)));
    assertThat(p.feed(in)).isTrue();
    assertThat(out).hasSize(1);
    assertThat(in.readableBytes()).isEqualTo(one.length());
    assertThat(p.feed(in)).isTrue();
    assertThat(in.isReadable()).isFalse();
    assertThat(p.feed(Unpooled.wrappedBuffer(bytes("HTTP/1.1 200 OK\r\n")))).isFalse();
    assertThat(p.inResponse()).isTrue();
  }

  @Test
  void aBodyWithoutLengthEndsWithTheConnection() {
    byte[] bytes = bytes("HTTP/1.1 200 OK\r\nX-Cache: MISS from n\r\n\r\nsome bytes");
    for (int split = 0; split <= bytes.length; split++) {
      assertThat(parse(bytes, split, false)).isEmpty();
      assertThat(parse(bytes, split, true)).containsExactly(new Parsed(200, "MISS from n", 10, true));
    }
  }

  @Test
  void keepAliveResponsesFollowOneAnother() {
    String one = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc";
    byte[] bytes = bytes(one + one + one);
    List<byte[]> single = new ArrayList<>();
    for (byte b : bytes) {
      single.add(new byte[] {b});
    }
    assertThat(parse(single, false)).hasSize(3).allMatch(r -> r.body() == 3);
  }

  @Test
  void repeatedXCacheValuesAreOneInstanceSplitOnce() {
    List<XCache> seen = new ArrayList<>();
    ResponseParser p = new ResponseParser((s, x, b, c) -> seen.add(x));
    for (String v : List.of("HIT from n1", "MISS from n1", "HIT from n1", "STALE", "HIT from n1")) {
      p.feed(Unpooled.wrappedBuffer(bytes("HTTP/1.1 200 OK\r\nX-Cache: " + v + "\r\nContent-Length: 0\r\n\r\n")));
    }
    assertThat(seen.get(0)).isSameAs(seen.get(2)).isSameAs(seen.get(4));
    assertThat(seen.get(0).result()).isEqualTo("HIT");
    assertThat(seen.get(0).node()).isEqualTo("n1");
    assertThat(seen.get(0).hit()).isTrue();
    assertThat(seen.get(1).hit()).isFalse();
    assertThat(seen.get(3).hit()).isTrue();
    assertThat(seen.get(3).node()).isNull();
  }

  @Test
  void garbageIsABadResponse() {
    ResponseParser p = new ResponseParser((s, x, b, c) -> { });
    assertThatThrownBy(() -> p.feed(Unpooled.copiedBuffer("SSH-2.0-OpenSSH\r\n", StandardCharsets.US_ASCII)))
        .isInstanceOf(ResponseParser.BadResponse.class).hasMessage("bad status line: \"SSH-2.0-OpenSSH\"");
    p.reset();
    assertThatThrownBy(() -> p.feed(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n",
        StandardCharsets.US_ASCII))).hasMessage("bad Content-Length: \"Content-Length: x\"");
    p.reset();
    assertThatThrownBy(() -> p.feed(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        StandardCharsets.US_ASCII))).hasMessage("bad chunk size: \"zz\"");
    p.reset();
    assertThatThrownBy(() -> p.feed(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nno colon\r\n\r\n",
        StandardCharsets.US_ASCII))).hasMessage("bad header line: \"no colon\"");
    p.reset();
    assertThatThrownBy(() -> p.feed(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "2\r\nabc\r\n", StandardCharsets.US_ASCII))).hasMessage("chunk data longer than its size");
  }

  @Test
  void aHeaderLineOver64KbIsRefused() {
    ResponseParser p = new ResponseParser((s, x, b, c) -> { });
    ByteBuf in = Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nX-Big: " + "b".repeat(70_000), StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> {
      while (in.isReadable()) {
        p.feed(in);
      }
    }).isInstanceOf(ResponseParser.BadResponse.class).hasMessage("a header line longer than 65536 bytes");
  }
}
