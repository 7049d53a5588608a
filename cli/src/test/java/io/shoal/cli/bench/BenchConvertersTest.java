package io.shoal.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.base.config.Durations;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The values only {@code shoal bench} takes: rates, max-ages and HTTP URLs. */
class BenchConvertersTest {
  @Test
  void ratesAreBytesPerSecondAndZeroIsNoCap() {
    BenchConverters.Rate rate = new BenchConverters.Rate();
    assertThat(rate.convert("0")).isZero();
    assertThat(rate.convert("10mbit")).isEqualTo(1_250_000);
    assertThat(rate.convert("2MB/s")).isEqualTo(2 << 20);
    assertThat(rate.convert("500KB")).isEqualTo(500 << 10);
    assertThatThrownBy(() -> rate.convert("fast"))
        .hasMessage("\"fast\" (expected: a rate such as 10mbit, 2MB/s or 0 for none)");
  }

  @Test
  void aMaxAgeIsADurationOfZeroOrMoreOrNone() {
    BenchConverters.MaxAge maxAge = new BenchConverters.MaxAge();
    assertThat(maxAge.convert("none")).isNull();
    assertThat(maxAge.convert("0s")).isZero();
    assertThat(maxAge.convert("1d")).isEqualTo(Duration.ofDays(1));
    assertThatThrownBy(() -> maxAge.convert("forever"))
        .hasMessage("\"forever\" (expected: " + Durations.EXPECTED_OR_ZERO + ", or none for no-store)");
  }

  @Test
  void urlsAreHttp() {
    BenchConverters.HttpUrl url = new BenchConverters.HttpUrl();
    assertThat(url.convert("http://127.0.0.1:3128")).isEqualTo(URI.create("http://127.0.0.1:3128"));
    assertThatThrownBy(() -> url.convert("ftp://x")).hasMessage("\"ftp://x\" (expected: http://HOST:PORT)");
    assertThatThrownBy(() -> url.convert("http://[bad")).hasMessage("\"http://[bad\" (expected: http://HOST:PORT)");
  }
}
