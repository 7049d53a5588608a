package io.shoal.cli.bench;

import io.shoal.base.config.Durations;
import io.shoal.cli.options.BadValue;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;

/** The converters of values only {@code shoal bench} takes: rates, max-ages and HTTP URLs. */
final class BenchConverters {
  private BenchConverters() {}

  /** Bytes per second from {@code 10mbit}, {@code 2MB/s}, {@code 500KB}, {@code 0} (no cap). */
  static final class Rate implements ITypeConverter<Long> {
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)(kbit|mbit|gbit|KB|MB|GB|B)(?:/s)?",
        Pattern.CASE_INSENSITIVE);

    @Override
    public Long convert(String value) {
      if (value.strip().equals("0")) {
        return 0L;
      }
      Matcher m = RATE.matcher(value.strip());
      if (!m.matches()) {
        throw BadValue.of(value, "a rate such as 10mbit, 2MB/s or 0 for none");
      }
      double n = Double.parseDouble(m.group(1));
      double bytes = switch (m.group(2).toLowerCase(Locale.ROOT)) {
        case "kbit" -> n * 1e3 / 8;
        case "mbit" -> n * 1e6 / 8;
        case "gbit" -> n * 1e9 / 8;
        case "kb" -> n * 1024;
        case "mb" -> n * 1024 * 1024;
        case "gb" -> n * 1024 * 1024 * 1024;
        default -> n;
      };
      return Math.max(1, Math.round(bytes));
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
