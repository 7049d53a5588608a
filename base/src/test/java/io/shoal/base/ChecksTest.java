package io.shoal.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChecksTest {

  @Test
  void aValueThatPassesIsReturned() {
    assertThat(Checks.positive("n", 1)).isEqualTo(1);
    assertThat(Checks.positive("n", 5_000_000_000L)).isEqualTo(5_000_000_000L);
    assertThat(Checks.positive("d", Duration.ofMillis(1))).isEqualTo(Duration.ofMillis(1));
    assertThat(Checks.atLeast("n", 0, 0)).isZero();
    assertThat(Checks.range("q", 100, 1, 100)).isEqualTo(100);
    assertThat(Checks.range("q", 1L, 1L, 100L)).isEqualTo(1L);
  }

  @Test
  void aValueThatFailsIsNamedWithWhatWasExpected() {
    assertThatThrownBy(() -> Checks.positive("rise", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("rise: 0 (expected: > 0)");
    assertThatThrownBy(() -> Checks.positive("maxPixels", -1L)).hasMessage("maxPixels: -1 (expected: > 0)");
    assertThatThrownBy(() -> Checks.positive("idleTimeout", Duration.ZERO))
        .hasMessage("idleTimeout: \"0s\" (expected: > 0)");
    assertThatThrownBy(() -> Checks.positive("idleTimeout", Duration.ofSeconds(-1)))
        .hasMessage("idleTimeout: \"-1s\" (expected: > 0)");
    assertThatThrownBy(() -> Checks.positive("idleTimeout", (Duration) null))
        .isInstanceOf(NullPointerException.class).hasMessage("idleTimeout");
    assertThatThrownBy(() -> Checks.atLeast("weight", 0, 1)).hasMessage("weight: 0 (expected: >= 1)");
    assertThatThrownBy(() -> Checks.atLeast("interval", -1L, 0L)).hasMessage("interval: -1 (expected: >= 0)");
    assertThatThrownBy(() -> Checks.range("quality", 101, 1, 100)).hasMessage("quality: 101 (expected: 1..100)");
    assertThatThrownBy(() -> Checks.range("quality", 0, 1, 100)).hasMessage("quality: 0 (expected: 1..100)");
  }
}
