package io.shoal.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TracesTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"bu.tr", ":bu.tr", "webcachesim:", ""})
  void specWithoutFormatOrPathNamesTheSpecAndTheFormats(String spec) {
    assertThatThrownBy(() -> Traces.open(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trace: \"" + spec + "\" (expected: FORMAT:PATH with FORMAT one of "
            + TraceFormat.names() + ")");
  }

  @Test
  void unknownFormatNamesTheSpecAndTheFormats() {
    assertThatThrownBy(() -> Traces.open("parquet:x.pq"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trace: \"parquet:x.pq\": trace format: \"parquet\" (expected one of: "
            + TraceFormat.names() + ")");
  }

  @Test
  void missingFileOrResourceFailsAtOpen() {
    Path missing = dir.resolve("missing.tr");
    assertThatThrownBy(() -> Traces.open("webcachesim:" + missing))
        .isInstanceOf(TraceException.class)
        .hasMessage(missing + ": no such file");
    assertThatThrownBy(() -> Traces.open("urls:classpath:nope.txt"))
        .isInstanceOf(TraceException.class)
        .hasMessage("classpath:nope.txt: no such class-path resource (looked for nope.txt and"
            + " traces/nope.txt)");
  }

  @Test
  void formatNamesAreCaseInsensitiveUnderAnyLocale() {
    assertThat(TraceFormat.named("URLS")).isEqualTo(TraceFormat.URLS);
    assertThat(TraceFormat.named("WebCacheSim")).isEqualTo(TraceFormat.WEBCACHESIM);
  }

  @Test
  void everyFormatIsNamedUniquelyAndDeclaresItsKey() {
    for (TraceFormat format : TraceFormat.values()) {
      assertThat(TraceFormat.named(format.id())).isSameAs(format);
      assertThat(format.fields()).contains(TraceField.KEY);
    }
  }

  @Test
  void otherCompressionsAreNamed() {
    Path bz = TestFiles.write(dir, "t.bz2", new byte[] {'B', 'Z', 'h', '9', 1, 2});
    assertThatThrownBy(() -> TestFiles.read("urls", bz))
        .isInstanceOf(TraceException.class)
        .hasMessage(bz + ", offset 0: bzip2-compressed (expected: plain text or binary, gzip or"
            + " xz; decompress it first)");
  }
}
