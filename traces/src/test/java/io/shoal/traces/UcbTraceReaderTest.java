package io.shoal.traces;

import static io.shoal.traces.TestFiles.gzip;
import static io.shoal.traces.TestFiles.read;
import static io.shoal.traces.TestFiles.write;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UcbTraceReaderTest {
  /**
   * One record written out by hand from the documented layout: request at 847000000 s +
   * 123456 µs, client 10.1.2.3:1025, server 10.0.0.1:80, client pragmas keep-alive|IMS, server
   * pragmas last-modified, IMS and Expires missing, Last-Modified 846000000, header 250 bytes,
   * data 4096 bytes, then 33 bytes of request line.
   */
  private static final String RECORD = ""
      + "327c31c0" + "0001e240" // client request s, µs
      + "327c31c1" + "00000000" // first response byte s, µs
      + "327c31c2" + "0007a120" // last response byte s, µs
      + "0a010203" + "0401" //     client IP, port
      + "0a000001" + "0050" //     server IP, port
      + "0a" + "08" //             client pragmas, server pragmas
      + "ffffffff" //              client If-Modified-Since (missing)
      + "ffffffff" //              server Expires (missing)
      + "326cef80" //              server Last-Modified
      + "000000fa" + "00001000" // response header length, data length
      + "0021"; //                 request line length (33)

  private static final String LINE = "GET 1f2e3d4c5b6a7988.gif HTTP/1.0";

  @TempDir
  Path dir;

  @Test
  void readsTheDocumentedLayout() {
    byte[] record = concat(HexFormat.of().parseHex(RECORD), LINE.getBytes(US_ASCII));
    assertThat(record).hasSize(60 + 33);
    Path file = write(dir, "UCB-home-IP.gz", gzip(concat(record, record)));
    TraceRequest expected = new TraceRequest(847_000_000_123_456L, "10.1.2.3", "GET",
        "1f2e3d4c5b6a7988.gif", 4096, -1);
    assertThat(read("ucb", file)).containsExactly(expected, expected);
    assertThat(Traces.open("ucb:" + file).fields()).doesNotContain(TraceField.STATUS);
  }

  @Test
  void allOnesMeansMissing() {
    byte[] header = HexFormat.of().parseHex(RECORD);
    ByteBuffer b = ByteBuffer.wrap(header);
    b.putInt(0, -1).putInt(24, -1).putInt(54, -1).putShort(58, (short) 17);
    Path file = write(dir, "missing", concat(header, "POST /cgi-bin/x?y".getBytes(US_ASCII)));
    assertThat(read("ucb", file)).containsExactly(
        new TraceRequest(-1, "", "POST", "/cgi-bin/x?y", -1, -1));
  }

  @Test
  void emptyFileHasNoRequests() {
    assertThat(read("ucb", write(dir, "empty", new byte[0]))).isEmpty();
  }

  @Test
  void truncatedRecordNamesFileAndOffset() {
    byte[] record = concat(HexFormat.of().parseHex(RECORD), LINE.getBytes(US_ASCII));
    Path cutInHeader = write(dir, "cut1", Arrays.copyOf(concat(record, record), 93 + 20));
    assertThatThrownBy(() -> read("ucb", cutInHeader))
        .isInstanceOf(TraceException.class)
        .hasMessage(cutInHeader + ", offset 93: truncated record: the file ends 20 bytes into the"
            + " 60-byte header (expected: a whole record)");
    Path cutInLine = write(dir, "cut2", Arrays.copyOf(record, 70));
    assertThatThrownBy(() -> read("ucb", cutInLine))
        .isInstanceOf(TraceException.class)
        .hasMessage(cutInLine + ", offset 0: truncated record: the file ends 10 bytes into the"
            + " 33-byte request line (after the 60-byte header) (expected: a whole record)");
  }

  @Test
  void garbageIsAnErrorNotARequest() {
    byte[] text = new byte[200];
    Arrays.fill(text, (byte) 'x');
    Path file = write(dir, "text", text);
    // 'xx' as a length is 30840 bytes of request line, more than the file holds.
    assertThatThrownBy(() -> read("ucb", file))
        .isInstanceOf(TraceException.class)
        .hasMessage(file + ", offset 0: client request µs: 2021161080 (expected: < 1000000)");
    byte[] header = HexFormat.of().parseHex(RECORD);
    Path noMethod = write(dir, "nomethod", concat(header, "1f2e3d4c5b6a7988.gif HTTP/1.0xxxx"
        .getBytes(US_ASCII)));
    assertThatThrownBy(() -> read("ucb", noMethod))
        .hasMessage(noMethod + ", offset 0: request line: \"1f2e3d4c5b6a7988.gif HTTP/1.0xxxx\""
            + " (expected: METHOD TARGET [HTTP/x.y])");
    byte[] binary = concat(header, LINE.getBytes(US_ASCII));
    binary[65] = 0;
    Path control = write(dir, "control", binary);
    assertThatThrownBy(() -> read("ucb", control))
        .hasMessage(control + ", offset 0: request line: control byte 0x0 at byte 5 (expected:"
            + " printable text)");
  }

  @Test
  void cannotBeWritten() {
    assertThatThrownBy(() -> Traces.create("ucb:" + dir.resolve("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format ucb cannot be written");
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
