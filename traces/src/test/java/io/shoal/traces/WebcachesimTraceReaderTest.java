package io.shoal.traces;

import static io.shoal.traces.TestFiles.assertReadFails;
import static io.shoal.traces.TestFiles.gzip;
import static io.shoal.traces.TestFiles.read;
import static io.shoal.traces.TestFiles.write;
import static io.shoal.traces.TestFiles.xz;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebcachesimTraceReaderTest {
  @TempDir
  Path dir;

  @Test
  void readsTimeIdSizeLines() {
    Path file = write(dir, "t.tr", new byte[] {
        '1', ' ', '0', ' ', '6', '8', '\n',
        '2', '\t', '1', ' ', ' ', '7', '4', '5', '4', '\r', '\n',
        '\n',
        '3', ' ', '0', '0', '7', ' ', '0'});
    assertThat(read("webcachesim", file)).containsExactly(
        new TraceRequest(1_000_000, "", "GET", "0", 68, -1),
        new TraceRequest(2_000_000, "", "GET", "1", 7454, -1),
        new TraceRequest(3_000_000, "", "GET", "7", 0, -1));
    assertThat(Traces.open("webcachesim:" + file).fields())
        .containsExactlyInAnyOrder(TraceField.TIME, TraceField.KEY, TraceField.SIZE);
  }

  @Test
  void sniffsGzipAndXzWhateverTheName() {
    byte[] text = "1 5 10\n2 6 20\n".getBytes(US_ASCII);
    List<TraceRequest> plain = read("webcachesim", write(dir, "plain", text));
    assertThat(plain).hasSize(2);
    assertThat(read("webcachesim", write(dir, "gz.txt", gzip(text)))).isEqualTo(plain);
    assertThat(read("webcachesim", write(dir, "xz.gz", xz(text)))).isEqualTo(plain);
  }

  @Test
  void emptyFileHasNoRequests() {
    assertThat(read("webcachesim", write(dir, "empty", new byte[0]))).isEmpty();
    assertThat(read("webcachesim", write(dir, "empty.gz", gzip(new byte[0])))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1 2 3\\n1 2|line 2: size: missing (expected: an integer >= 0)",
      "1 2 3 4|line 1: unexpected \"4\" (expected: end of line after 3 fields: time id size)",
      "1 -2 3|line 1: id: \"-2\" (expected: an integer >= 0)",
      "1 2 3.5|line 1: size: \"3.5\" (expected: an integer >= 0)",
      "1 2 99999999999999999999|line 1: size: \"99999999999999999999\" (expected: an integer < 10^18)",
      "9999999999999 2 3|line 1: time: 9999999999999 (expected: seconds <= 9223372036854)",
      "GET /index.html|line 1: time: \"GET\" (expected: an integer >= 0)",
  })
  void badLinesNameFileLineAndExpectation(String text, String message) {
    Path file = write(dir, "bad.tr", text.replace("\\n", "\n"));
    assertReadFails("webcachesim", file, message);
  }

  @Test
  void garbageBytesFailOnTheFirstLine() {
    byte[] garbage = new byte[256];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (byte) (i * 37 + 11);
    }
    Path file = write(dir, "garbage", garbage);
    assertThatThrownBy(() -> read("webcachesim", file))
        .isInstanceOf(TraceException.class)
        .hasMessageStartingWith(file + ", line 1: ");
  }

  @Test
  void hugeLineIsAnErrorNotAnUnboundedBuffer() {
    byte[] huge = new byte[3 << 20];
    Arrays.fill(huge, (byte) '7');
    byte[] text = new byte[huge.length + 7];
    System.arraycopy("1 2 3\n".getBytes(US_ASCII), 0, text, 0, 6);
    System.arraycopy(huge, 0, text, 6, huge.length);
    Path file = write(dir, "huge", text);
    assertThatThrownBy(() -> read("webcachesim", file))
        .isInstanceOf(TraceException.class)
        .hasMessage(file + ", line 2: longer than 1048576 bytes (expected: one request per line)");
  }

  @Test
  void truncatedGzipNamesTheFile() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append(i).append(' ').append(i * 7919 % 1000).append(' ').append(i).append('\n');
    }
    byte[] gz = gzip(text.toString().getBytes(US_ASCII));
    Path file = write(dir, "cut.gz", Arrays.copyOf(gz, gz.length / 2));
    assertThatThrownBy(() -> read("webcachesim", file))
        .isInstanceOf(TraceException.class)
        .hasMessageContaining(file + ", line ")
        .hasMessageContaining("truncated or corrupt compressed file");
  }

  @Test
  void writerRoundTripsAndGivesDenseIds() {
    Path out = dir.resolve("out.tr");
    try (TraceWriter writer = Traces.create("webcachesim:" + out)) {
      writer.write(new TraceRequest(5_500_000, "", "GET", "http://a/", 10, 200));
      writer.write(TraceRequest.of("http://b/", 20));
      writer.write(new TraceRequest(7_000_000, "c", "GET", "http://a/", 10, -1));
    }
    assertThat(read("webcachesim", out)).containsExactly(
        new TraceRequest(5_000_000, "", "GET", "0", 10, -1),
        new TraceRequest(2_000_000, "", "GET", "1", 20, -1),
        new TraceRequest(7_000_000, "", "GET", "0", 10, -1));
  }

  @Test
  void writerRefusesUnknownSize() {
    Path out = dir.resolve("out.tr");
    TraceWriter writer = Traces.create("webcachesim:" + out);
    assertThatThrownBy(() -> writer.write(TraceRequest.of("/x", -1)))
        .isInstanceOf(TraceException.class)
        .hasMessage(out + ": request 1: size: unknown (expected: a size; webcachesim needs one)");
    writer.close();
  }
}
