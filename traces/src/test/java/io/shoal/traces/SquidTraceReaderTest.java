package io.shoal.traces;

import static io.shoal.traces.TestFiles.assertReadFails;
import static io.shoal.traces.TestFiles.read;
import static io.shoal.traces.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SquidTraceReaderTest {
  @TempDir
  Path dir;

  @Test
  void readsNativeAccessLogLines() {
    Path file = write(dir, "access.log",
        "1066036250.603     38 192.168.0.1 TCP_MISS/200 1234 GET http://example.com/ -"
            + " DIRECT/192.0.2.1 text/html\n"
            + "1066036251.5 0 - TCP_DENIED/000 0 CONNECT example.com:443 - HIER_NONE/- -\n"
            + "\n"
            + "1066036252 7 ::1 TCP_HIT/304 310 HEAD http://a/b?c alice NONE/- image/png"
            + " [Host: a] [HTTP/1.1 304]\n");
    assertThat(read("squid", file)).containsExactly(
        new TraceRequest(1_066_036_250_603_000L, "192.168.0.1", "GET", "http://example.com/",
            1234, 200),
        new TraceRequest(1_066_036_251_500_000L, "", "CONNECT", "example.com:443", 0, -1),
        new TraceRequest(1_066_036_252_000_000L, "::1", "HEAD", "http://a/b?c", 310, 304));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1066036250.603 38 10.0.0.1 TCP_MISS/200 1234 GET http://a/ - DIRECT/b|"
          + "line 1: type: missing (expected: a field)",
      "1066036250,603 38 10.0.0.1 TCP_MISS/200 1234 GET http://a/ - DIRECT/b c|"
          + "line 1: time: \"1066036250,603\" (expected: seconds like 1066036250.603)",
      "1066036250.603 38 10.0.0.1 TCP_MISS 1234 GET http://a/ - DIRECT/b c|"
          + "line 1: code/status: \"TCP_MISS\" (expected: CODE/NNN like TCP_MISS/200)",
      "1066036250.603 38 10.0.0.1 TCP_MISS/20x 1234 GET http://a/ - DIRECT/b c|"
          + "line 1: code/status: \"TCP_MISS/20x\" (expected: CODE/NNN like TCP_MISS/200)",
      "1066036250.603 38 10.0.0.1 TCP_MISS/042 1234 GET http://a/ - DIRECT/b c|"
          + "line 1: code/status: \"TCP_MISS/042\" (expected: a status of 000 or 100..999)",
      "1066036250.603 38 10.0.0.1 TCP_MISS/200 -5 GET http://a/ - DIRECT/b c|"
          + "line 1: bytes: \"-5\" (expected: an integer >= 0)",
      "1066036250.603 38 10.0.0.1 TCP_MISS/200 5 G{T http://a/ - DIRECT/b c|"
          + "line 1: method: \"G{T\" (expected: an HTTP method like GET)",
  })
  void badLines(String text, String message) {
    Path file = write(dir, "bad.log", text);
    assertReadFails("squid", file, message);
  }

  @Test
  void writerRoundTripsWhatTheFormatCarries() {
    Path out = dir.resolve("out.log");
    TraceRequest full = new TraceRequest(1_066_036_250_603_000L, "10.1.2.3", "POST",
        "http://a/x", 99, 404);
    try (TraceWriter writer = Traces.create("squid:" + out)) {
      writer.write(full);
      writer.write(TraceRequest.of("42", 7));
    }
    assertThat(read("squid", out)).containsExactly(full,
        new TraceRequest(2_000_000, "", "GET", "/42", 7, -1));
  }
}
