package io.shoal.traces;

import static io.shoal.traces.TestFiles.assertReadFails;
import static io.shoal.traces.TestFiles.read;
import static io.shoal.traces.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlsTraceReaderTest {
  @TempDir
  Path dir;

  @Test
  void readsUrlsWithOptionalSizes() {
    Path file = write(dir, "u.txt", "# a comment\n"
        + "http://www.squid-cache.org/ 1234\n"
        + "\n"
        + "  /images/\u00e7i\u011fdem.png\n"
        + "https://example.com/a?b=c\t0\r\n");
    assertThat(read("urls", file)).containsExactly(
        TraceRequest.of("http://www.squid-cache.org/", 1234),
        TraceRequest.of("/images/\u00e7i\u011fdem.png", -1),
        TraceRequest.of("https://example.com/a?b=c", 0));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "www.example.com/|line 1: url: \"www.example.com/\" (expected: scheme://... or /path)",
      "http://a/ 12 34|line 1: unexpected \"34\" (expected: end of line after URL [size])",
      "http://a/ big|line 1: size: \"big\" (expected: an integer >= 0)",
      "/a\\n1://x|line 2: url: \"1://x\" (expected: scheme://... or /path)",
  })
  void badLines(String text, String message) {
    Path file = write(dir, "bad.txt", text.replace("\\n", "\n"));
    assertReadFails("urls", file, message);
  }

  @Test
  void controlBytesAndBadUtf8AreErrors() {
    Path nul = write(dir, "nul", new byte[] {'/', 'a', 0, 'b', '\n'});
    assertThatThrownBy(() -> read("urls", nul))
        .hasMessage(nul + ", line 1: url: control byte 0x00 at column 3 (expected: printable text)");
    Path latin1 = write(dir, "latin1", new byte[] {'/', (byte) 0xe7, '\n'});
    assertThatThrownBy(() -> read("urls", latin1))
        .hasMessage(latin1 + ", line 1: url: \"/\\xe7\" (expected: UTF-8 text)");
  }

  @Test
  void writerRoundTrips() {
    Path out = dir.resolve("out.txt.gz");
    try (TraceWriter writer = Traces.create("urls:" + out)) {
      writer.write(TraceRequest.of("http://a/x", 5));
      writer.write(TraceRequest.of("17", -1));
    }
    assertThat(read("urls", out)).containsExactly(
        TraceRequest.of("http://a/x", 5), TraceRequest.of("/17", -1));
  }

  @Test
  void writerRefusesKeysWithSpaces() {
    Path out = dir.resolve("out.txt");
    TraceWriter writer = Traces.create("urls:" + out);
    assertThatThrownBy(() -> writer.write(TraceRequest.of("/a b", 1)))
        .hasMessage(out + ": request 1: url: \"/a b\" (expected: no spaces, quotes or control"
            + " characters in this format)");
    writer.close();
  }
}
