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

class ClfTraceReaderTest {
  /** 2000-10-10T13:55:36-07:00, the example of Apache's documentation. */
  private static final long APACHE_EXAMPLE = 971_211_336_000_000L;

  @TempDir
  Path dir;

  @Test
  void readsApachesExample() {
    Path file = write(dir, "access_log", "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700]"
        + " \"GET /apache_pb.gif HTTP/1.0\" 200 2326\n");
    assertThat(read("clf", file)).containsExactly(
        new TraceRequest(APACHE_EXAMPLE, "127.0.0.1", "GET", "/apache_pb.gif", 2326, 200));
  }

  @Test
  void readsCombinedLinesAndTheOddCases() {
    Path file = write(dir, "access_log", ""
        + "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200"
        + " 2326 \"http://www.example.com/start.html\" \"Mozilla/4.08 [en] (Win98; I ;Nav)\"\n"
        + "::1 - - [01/Jan/2024:00:00:00 +0000] \"-\" 400 0 \"-\" \"-\"\n"
        + "10.0.0.2 - - [29/Feb/2024:23:59:59 +0100] \"HEAD /a?q=\\\"x\\\" HTTP/1.1\" 304 -"
        + " \"-\" \"curl/8 \\\"quoted\\\"\" extra fields\n"
        + "10.0.0.3 - - [29/Feb/2024:23:59:59 +0100] \"GET http://proxy.example/ HTTP/2.0\" -"
        + " 17 \"-\" \"-\"\n");
    assertThat(read("combined", file)).containsExactly(
        new TraceRequest(APACHE_EXAMPLE, "127.0.0.1", "GET", "/apache_pb.gif", 2326, 200),
        new TraceRequest(1_709_247_599_000_000L, "10.0.0.2", "HEAD", "/a?q=\\\"x\\\"", 0, 304),
        new TraceRequest(1_709_247_599_000_000L, "10.0.0.3", "GET", "http://proxy.example/", 17,
            -1));
    assertThat(read("clf", file)).hasSize(3);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "clf|h - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200|"
          + "line 1: bytes: missing (expected: an integer >= 0 or -)",
      "clf|h - - 10/Oct/2000:13:55:36 \"GET / HTTP/1.0\" 200 1|"
          + "line 1: time: \"10/Oct/2000:13:55:36\" (expected: a field in [])",
      "clf|h - - [10/Okt/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 1|"
          + "line 1: time: \"10/Okt/2000:13:55:36 -0700\" (expected: dd/MMM/yyyy:HH:mm:ss +hhmm)",
      "clf|h - - [30/Feb/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 1|"
          + "line 1: time: \"30/Feb/2000:13:55:36 -0700\" (expected: dd/MMM/yyyy:HH:mm:ss +hhmm)",
      "clf|h - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0 200 1|"
          + "line 1: request: \"\\\"GET / HTTP/1.0 200 1\" (expected: a field in \"\" (unterminated))",
      "clf|h - - [10/Oct/2000:13:55:36 -0700] \"\\x16\\x03\\x01\" 400 1|"
          + "line 1: request: \"\\\\x16\\\\x03\\\\x01\" (expected: METHOD TARGET HTTP/x.y or -)",
      "clf|h - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 42 1|"
          + "line 1: status: 42 (expected: 100..999 or -)",
      "combined|h - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 1|"
          + "line 1: referer: missing (expected: a field in \"\")",
  })
  void badLines(String format, String text, String message) {
    Path file = write(dir, "bad.log", text);
    assertReadFails(format, file, message);
  }

  @Test
  void timesDoNotDependOnTheDefaultLocale() {
    // Surefire runs with a Turkish default locale, where "i" upper-cases to a dotted capital I.
    Path file = write(dir, "access_log",
        "h - - [01/Jun/2021:00:00:00 +0000] \"GET /i HTTP/1.1\" 200 1\n");
    assertThat(read("clf", file).get(0).timeMicros()).isEqualTo(1_622_505_600_000_000L);
  }

  @Test
  void writerRoundTrips() {
    Path out = dir.resolve("out.log");
    TraceRequest full = new TraceRequest(APACHE_EXAMPLE, "127.0.0.1", "GET", "/apache_pb.gif",
        2326, 200);
    for (String format : new String[] {"clf", "combined"}) {
      try (TraceWriter writer = Traces.create(format + ":" + out)) {
        writer.write(full);
        writer.write(TraceRequest.of("7", 3));
      }
      assertThat(read(format, out)).containsExactly(full,
          new TraceRequest(2_000_000, "", "GET", "/7", 3, -1));
    }
  }
}
