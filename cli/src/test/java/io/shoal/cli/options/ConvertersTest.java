package io.shoal.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.base.config.Durations;
import io.shoal.base.config.Sizes;
import io.shoal.cli.Shoal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

/** The one duration and size grammar on the command line, and the one shape of a bad value's message. */
class ConvertersTest {
  @ParameterizedTest
  @CsvSource({"500ms,PT0.5S", "30s,PT30S", "5m,PT5M", "1h,PT1H", "1d,PT24H", "90S,PT1M30S"})
  void durationsTakeEveryUnit(String text, Duration expected) {
    assertThat(new DurationConverter().convert(text)).isEqualTo(expected);
    assertThat(new DurationConverter.NonNegative().convert(text)).isEqualTo(expected);
  }

  @Test
  void zeroIsADurationOnlyWhereTheOptionAllowsIt() {
    assertThatThrownBy(() -> new DurationConverter().convert("0s"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessage("\"0s\" (expected: " + Durations.EXPECTED + ")");
    assertThat(new DurationConverter.NonNegative().convert("0s")).isZero();
    assertThat(new DurationConverter.NonNegative().convert("0ms")).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "soon", "-1s", "1.5s", "1w", "5 m"})
  void anythingElseIsRefusedSayingWhatIsExpected(String text) {
    assertThatThrownBy(() -> new DurationConverter().convert(text))
        .hasMessage("\"" + text + "\" (expected: " + Durations.EXPECTED + ")");
    assertThatThrownBy(() -> new DurationConverter.NonNegative().convert(text))
        .hasMessage("\"" + text + "\" (expected: " + Durations.EXPECTED_OR_ZERO + ")");
  }

  @ParameterizedTest
  @CsvSource({"512B,512", "64KB,65536", "256MB,268435456", "1GB,1073741824", "8kb,8192"})
  void sizesTakeEveryUnit(String text, long bytes) {
    assertThat(new SizeConverter().convert(text)).isEqualTo(bytes);
    assertThat(new SizeConverter.NonNegative().convert(text)).isEqualTo(bytes);
  }

  @Test
  void zeroIsASizeOnlyWhereTheOptionAllowsIt() {
    assertThatThrownBy(() -> new SizeConverter().convert("0B"))
        .hasMessage("\"0B\" (expected: " + Sizes.EXPECTED + ")");
    assertThat(new SizeConverter.NonNegative().convert("0KB")).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "8KiB", "1TB", "-1KB", "1.5MB", "lots"})
  void anyOtherSizeIsRefusedSayingWhatIsExpected(String text) {
    assertThatThrownBy(() -> new SizeConverter().convert(text))
        .hasMessage("\"" + text + "\" (expected: " + Sizes.EXPECTED + ")");
    assertThatThrownBy(() -> new SizeConverter.NonNegative().convert(text))
        .hasMessage("\"" + text + "\" (expected: " + Sizes.EXPECTED_OR_ZERO + ")");
  }

  /** Through {@code shoal}: a usage error (exit 2) that names the option, the value and what was expected. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "front --nodes 10.0.0.2:3128 --connect-timeout 0s|shoal front: --connect-timeout: \"0s\" (expected: {D})",
      "front --nodes 10.0.0.2:3128 --idle-timeout 300|shoal front: --idle-timeout: \"300\" (expected: {D})",
      "bench replay --proxy http://127.0.0.1:1 --trace urls:x --timeout 1w|shoal bench replay: --timeout: \"1w\" (expected: {D})",
      "bench replay --proxy http://127.0.0.1:1 --trace urls:x --warmup -1s|shoal bench replay: --warmup: \"-1s\" (expected: {D0})",
      "bench replay --proxy http://127.0.0.1:1 --trace urls:x --default-size 8KiB|shoal bench replay: --default-size: \"8KiB\" (expected: {S0})",
      "bench origin --latency 50|shoal bench origin: --latency: \"50\" (expected: {D0})",
      "bench paper --duration 0m|shoal bench paper: --duration: \"0m\" (expected: {D})",
      "bench paper --cache-size 0MB|shoal bench paper: --cache-size: \"0MB\" (expected: {S})",
      "cluster --cache-size lots|shoal cluster: --cache-size: \"lots\" (expected: {S})",
  })
  void aBadValueIsOneUsageErrorOfOneShape(String args, String message) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Shoal.run(new PrintWriter(out, true), new PrintWriter(err, true), args.split(" "));
    assertThat(code).isEqualTo(Shoal.USAGE);
    String expected = message.replace("{D}", Durations.EXPECTED).replace("{D0}", Durations.EXPECTED_OR_ZERO)
        .replace("{S}", Sizes.EXPECTED).replace("{S0}", Sizes.EXPECTED_OR_ZERO);
    assertThat(err.toString()).startsWith(expected + " (see '");
  }
}
