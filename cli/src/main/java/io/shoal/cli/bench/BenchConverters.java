package io.shoal.cli.bench;

import io.shoal.base.config.Durations;
import io.shoal.base.config.Rates;
import io.shoal.cli.options.BadValue;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** The converters of values only {@code shoal bench} takes: rates, max-ages and HTTP URLs. */
final class BenchConverters {
  private BenchConverters() {}

  /** Bytes per second in the one {@link Rates} grammar: {@code 10mbit}, {@code 2MB/s}, {@code 0} (no cap). */
  static final class Rate implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return BadValue.parse(value, Rates::parse, Rates.EXPECTED);
    }
  }

  /** A {@code Cache-Control: max-age}: a duration of zero or more, or {@code none} (null: no-store). */
  static final class MaxAge implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return value.strip().equals("none") ? null
          : BadValue.parse(value, Durations::parseNonNegative, Durations.EXPECTED_OR_ZERO + ", or none for no-store");
    }
  }

  /** An {@code http://HOST:PORT} URL. */
  static final class HttpUrl implements ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
      try {
        URI u = URI.create(value);
        if ("http".equalsIgnoreCase(u.getScheme()) && u.getHost() != null) {
          return u;
        }
      } catch (IllegalArgumentException e) {
        // refused below
      }
      throw BadValue.of(value, "http://HOST:PORT");
    }
  }
}
