package io.shoal.base.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GrammarTest {
  @Test
  void durationsTakeEveryUnit() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse(" 5M ")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("2d")).isEqualTo(Duration.ofDays(2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "s", "-1s", "1.5s", "1 s", "1sec", "1w", "+1s", "0s", "0ms",
      "9999999999999999999s", "1_000ms"})
  void durationsRefuseAnythingElse(String text) {
    assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void zeroIsADurationOnlyWhereAllowed() {
    assertThat(Durations.parseNonNegative("0s")).isZero();
    assertThat(Durations.parseNonNegative("0ms")).isZero();
    assertThatThrownBy(() -> Durations.parseNonNegative("-0s")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void durationsFormatBackIntoTheGrammar() {
    for (String s : new String[] {"500ms", "1500ms", "30s", "90s", "5m", "1h", "1d", "0s"}) {
      assertThat(Durations.format(Durations.parseNonNegative(s))).isEqualTo(s);
    }
    assertThat(Durations.format(Duration.ofSeconds(120))).isEqualTo("2m");
  }

  @Test
  void sizesTakeEveryUnitAsBinaryMultiples() {
    assertThat(Sizes.parse("512B")).isEqualTo(512);
    assertThat(Sizes.parse("512")).isEqualTo(512);
    assertThat(Sizes.parse("64kb")).isEqualTo(64 * 1024);
    assertThat(Sizes.parse("256MB")).isEqualTo(256L << 20);
    assertThat(Sizes.parse(" 1GB")).isEqualTo(1L << 30);
    assertThat(Sizes.parse("8589934591GB")).isEqualTo(8589934591L << 30);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0", "KB", "B", "1.5MB", "-1KB", "1 KB", "1K", "1TB", "0B", "0KB",
      "8589934592GB", "99999999999999999999B"})
  void sizesRefuseAnythingElse(String text) {
    assertThatThrownBy(() -> Sizes.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sizesFormatBackIntoTheGrammar() {
    for (String s : new String[] {"512B", "64KB", "1536KB", "256MB", "1GB", "0B"}) {
      assertThat(Sizes.format(Sizes.parseNonNegative(s))).isEqualTo(s);
    }
  }
}
