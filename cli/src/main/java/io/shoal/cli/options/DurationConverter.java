package io.shoal.cli.options;

import io.shoal.base.config.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/**
 * A duration option in Shoal's one grammar ({@link Durations}: {@code 500ms}, {@code 30s},
 * {@code 5m}, {@code 1h}, {@code 1d}), above zero; {@link NonNegative} for options where zero
 * means none.
 *
 * <pre>{@code
 * @Option(names = "--timeout", defaultValue = "30s", converter = DurationConverter.class)
 * Duration timeout;
 * }</pre>
 */
public final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    return BadValue.parse(value, Durations::parse, Durations.EXPECTED);
  }

  /** A duration of zero or more, e.g. a warm-up or a delay. */
  public static final class NonNegative implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return BadValue.parse(value, Durations::parseNonNegative, Durations.EXPECTED_OR_ZERO);
    }
  }
}
