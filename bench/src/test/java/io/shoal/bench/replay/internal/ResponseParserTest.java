package io.shoal.bench.replay.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The response parser against responses whose framing is known by construction, fed whole and
 * split at every byte position (the property: the split never changes what is parsed).
 */
class ResponseParserTest {
  record Parsed(int status, String xCache, long body, boolean close) {}

  static List<Object[]> responses() {
    String kb = "x".repeat(1024);
    return List.of(
        new Object[] {"HTTP/1.1 200 OK\r\nContent-Length: 1024\r\nX-Cache: HIT from n1\r\n\r\n" + kb,
            new Parsed(200, "HIT from n1", 1024, false)},
        new Object[] {"HTTP/1.1 200 OK\r\ncontent-length:5\r\nx-cache:MISS from a b\r\nConnection: close\r\n\r\nhello",
            new Parsed(200, "MISS from a b", 5, true)},
        new Object[] {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n1A\r\n"
            + "abcdefghijklmnopqrstuvwxyz\r\n0\r\nTrailer: t\r\n\r\n", new Parsed(200, null, 31, false)},
        new Object[] {"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\nno!",
            new Parsed(404, null, 3, false)},
        new Object[] {"HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\nX-Cache: REVALIDATED from n\r\n\r\n",
            new Parsed(304, "REVALIDATED from n", 0, false)},
        new Object[] {"HTTP/1.0 200 OK\nContent-Length: 2\n\nok", new Parsed(200, null, 2, true)},
        new Object[] {"HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok",
            new Parsed(200, null, 2, false)},
        new Object[] {"HTTP/1.1 200 OK\r\nX-Cache: HIT from first\r\nX-Cache: MISS from second\r\nContent-Length: 0\r\n\r\n",
            new Parsed(200, "HIT from first", 0, false)});
  }

  private static List<Parsed> parse(byte[] bytes, int split, boolean eof) {
    List<Parsed> out = new ArrayList<>();
    ResponseParser p = new ResponseParser((s, x, b, c) -> out.add(new Parsed(s, x, b, c)));
    ByteBuf first = Unpooled.wrappedBuffer(bytes, 0, split);
    ByteBuf second = Unpooled.wrappedBuffer(bytes, split, bytes.length - split);
    p.feed(first);
    p.feed(second);
    if (eof) {
      p.eof();
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("responses")
  void sameResultWhereverTheInputIsSplit(String response, Parsed expected) {
    byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
    for (int split = 0; split <= bytes.length; split++) {
      assertThat(parse(bytes, split, false)).as("split at %d", split).containsExactly(expected);
    }
  }

  @Test
  void aBodyWithoutLengthEndsWithTheConnection() {
    byte[] bytes = "HTTP/1.1 200 OK\r\nX-Cache: MISS from n\r\n\r\nsome bytes".getBytes(StandardCharsets.ISO_8859_1);
    for (int split = 0; split <= bytes.length; split++) {
      assertThat(parse(bytes, split, false)).isEmpty();
      assertThat(parse(bytes, split, true)).containsExactly(new Parsed(200, "MISS from n", 10, true));
    }
  }

  @Test
  void keepAliveResponsesFollowOneAnother() {
    String one = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc";
    byte[] bytes = (one + one + one).getBytes(StandardCharsets.ISO_8859_1);
    List<Parsed> out = new ArrayList<>();
    ResponseParser p = new ResponseParser((s, x, b, c) -> out.add(new Parsed(s, x, b, c)));
    for (byte b : bytes) {
      p.feed(Unpooled.wrappedBuffer(new byte[] {b}));
    }
    assertThat(out).hasSize(3).allMatch(r -> r.body() == 3);
    assertThat(p.inResponse()).isFalse();
  }

  @Test
  void garbageIsABadResponse() {
    ResponseParser p = new ResponseParser((s, x, b, c) -> { });
    assertThatThrownBy(() -> p.feed(Unpooled.copiedBuffer("SSH-2.0-OpenSSH\r\n", StandardCharsets.US_ASCII)))
        .isInstanceOf(ResponseParser.BadResponse.class).hasMessageContaining("bad status line");
    p.reset();
    assertThatThrownBy(() -> p.feed(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n",
        StandardCharsets.US_ASCII))).hasMessageContaining("bad Content-Length");
    p.reset();
    assertThatThrownBy(() -> p.feed(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        StandardCharsets.US_ASCII))).hasMessageContaining("bad chunk size");
  }
}
