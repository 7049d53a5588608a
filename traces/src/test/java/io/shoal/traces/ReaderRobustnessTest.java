package io.shoal.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same robustness properties for every single-file format: a valid record reads, an empty
 * file has no requests, garbage and a record cut short fail with the file and position, and a
 * huge line fails rather than buffering without bound.
 */
class ReaderRobustnessTest {
  @TempDir
  Path dir;

  /**
   * Each format with one valid record and that record cut short (its last field missing, or
   * its last byte for ucb).
   */
  static Stream<Arguments> formats() {
    byte[] ucb = HexFormat.of().parseHex("327c31c00001e240327c31c100000000327c31c20007a120"
        + "0a01020304010a00000100500a08ffffffffffffffff326cef80000000fa000010000021");
    byte[] ucbRecord = concat(ucb, "GET 1f2e3d4c5b6a7988.gif HTTP/1.0".getBytes(StandardCharsets.US_ASCII));
    return Stream.of(
        Arguments.of("squid", text("1066036250.603 38 10.0.0.1 TCP_MISS/200 1234 GET http://a/ -"
            + " DIRECT/b text/html\n"), text("1066036250.603 38 10.0.0.1 TCP_MISS/200 1234 GET"
            + " http://a/ - DIRECT/b\n")),
        Arguments.of("clf", text("h - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 5\n"),
            text("h - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200\n")),
        Arguments.of("combined", text("h - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 5"
            + " \"-\" \"curl\"\n"), text("h - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\""
            + " 200 5 \"-\"\n")),
        Arguments.of("webcachesim", text("1 0 68\n"), text("1 0\n")),
        // Any prefix of a URL is a URL: a cut urls line is undetectable, so a malformed one.
        Arguments.of("urls", text("http://a/ 5\n"), text("http://a/ 5 \"\n")),
        Arguments.of("weighted", text("3 10 /a\n"), text("3 10\n")),
        Arguments.of("ucb", ucbRecord, Arrays.copyOf(ucbRecord, ucbRecord.length - 1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void validRecordReads(String format, byte[] valid, byte[] cut) {
    assertThat(TestFiles.read(format, TestFiles.write(dir, "valid", valid))).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void emptyFileHasNoRequests(String format, byte[] valid, byte[] cut) {
    assertThat(TestFiles.read(format, TestFiles.write(dir, "empty", new byte[0]))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void recordCutShortFailsWithItsPosition(String format, byte[] valid, byte[] cut) {
    Path file = TestFiles.write(dir, "cut", concat(valid, cut));
    assertThatThrownBy(() -> TestFiles.read(format, file))
        .isInstanceOf(TraceException.class)
        .hasMessageStartingWith(file + (format.equals("ucb") ? ", offset 93: " : ", line 2: "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void garbageFailsWithItsPosition(String format, byte[] valid, byte[] cut) {
    byte[] garbage = new byte[4096];
    new java.util.Random(format.hashCode()).nextBytes(garbage);
    Path file = TestFiles.write(dir, "garbage", concat(valid, garbage));
    assertThatThrownBy(() -> TestFiles.read(format, file))
        .isInstanceOf(TraceException.class)
        .hasMessageStartingWith(file + ", ");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void hugeLineFails(String format, byte[] valid, byte[] cut) {
    if (format.equals("ucb")) {
      return; // Binary: a record is at most 60 + 65535 bytes, by its layout.
    }
    byte[] huge = new byte[(1 << 20) + 10];
    Arrays.fill(huge, (byte) 'a');
    Path file = TestFiles.write(dir, "huge", concat(valid, huge));
    assertThatThrownBy(() -> TestFiles.read(format, file))
        .isInstanceOf(TraceException.class)
        .hasMessage(file + ", line 2: longer than 1048576 bytes (expected: one request per line)");
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
