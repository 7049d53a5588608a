package io.shoal.router.internal.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pipelined responses read back in order, whatever the reads cut them into. */
class ResponseReaderTest {
  static final String PIPELINE = "HTTP/1.1 100 Continue\r\n\r\n"
      + "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-Cache: HIT from n2\r\n\r\nhello"
      + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nTrailer: x\r\n\r\n"
      + "HTTP/1.1 304 Not Modified\r\nETag: \"e\"\r\nContent-Length: 99\r\n\r\n"
      + "HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\nseven!!"
      + "HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\n"
      + "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end";

  /** Reads the responses to GET, GET, GET, GET, HEAD, GET, fed {@code step} bytes at a time. */
  static List<String> read(byte[] wire, int step) throws IOException {
    boolean[] head = {false, false, false, false, true, false};
    ResponseReader r = new ResponseReader();
    ByteBuffer in = ByteBuffer.allocate(wire.length).flip();
    List<String> out = new ArrayList<>();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int fed = 0;
    int index = 0;
    boolean headRead = false;
    while (index < head.length) {
      if (!headRead) {
        if (r.head(in, head[index])) {
          if (r.status() >= 200) {
            headRead = true;
            out.add(r.status() + " " + r.names());
          }
          continue;
        }
      } else {
        int n = r.available(in);
        if (n > 0) {
          byte[] b = new byte[n];
          in.get(b);
          body.write(b);
          r.consumed(n);
          continue;
        }
        boolean eof = fed == wire.length;
        if (r.done() || (eof && r.untilClose())) {
          out.add("body " + body.toString(StandardCharsets.ISO_8859_1) + (r.closes() ? " (close)" : ""));
          body.reset();
          headRead = false;
          index++;
          continue;
        }
      }
      if (fed == wire.length) {
        break;
      }
      int n = Math.min(step, wire.length - fed);
      in.limit(in.limit() + n);
      in.put(in.limit() - n, wire, fed, n);
      fed += n;
    }
    return out;
  }

  @Test
  void responsesAreReadInOrderHoweverTheBytesArrive() throws IOException {
    byte[] wire = PIPELINE.getBytes(StandardCharsets.ISO_8859_1);
    List<String> expected = List.of("200 [Content-Length, X-Cache]", "body hello",
        "200 [Transfer-Encoding]", "body abcde",
        "304 [ETag, Content-Length]", "body ",
        "200 [Content-Length]", "body seven!!",
        "200 [Content-Length]", "body ",
        "200 [Connection]", "body until the end (close)");
    for (int step : new int[] {1, 2, 3, 7, 64, wire.length}) {
      assertThat(read(wire, step)).as("fed %d bytes at a time", step).isEqualTo(expected);
    }
  }

  @Test
  void aBrokenHeadOrChunkFails() {
    assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nno colon\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 100))
        .isInstanceOf(IOException.class).hasMessageContaining("bad response field");
    assertThatThrownBy(() -> read("SMTP ready\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 100))
        .isInstanceOf(IOException.class).hasMessageContaining("bad status line");
    assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"
        .getBytes(StandardCharsets.ISO_8859_1), 100)).isInstanceOf(IOException.class).hasMessageContaining("bad chunk size");
    assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n"
        .getBytes(StandardCharsets.ISO_8859_1), 100)).isInstanceOf(IOException.class).hasMessageContaining("Content-Length");
  }
}
