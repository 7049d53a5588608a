package io.shoal.cli.options;

import io.shoal.base.config.Sizes;
import picocli.CommandLine.ITypeConverter;

/**
 * A size option in Shoal's one grammar ({@link Sizes}: {@code 512B}, {@code 64KB},
 * {@code 256MB}, {@code 1GB}), in bytes above zero; {@link NonNegative} where zero is allowed.
 *
 * <pre>{@code
 * @Option(names = "--cache-size", defaultValue = "128MB", converter = SizeConverter.class)
 * long cacheSize;
 * }</pre>
 */
public final class SizeConverter implements ITypeConverter<Long> {
  @Override
  public Long convert(String value) {
    return BadValue.parse(value, Sizes::parse, Sizes.EXPECTED);
  }

  /** A size of zero or more bytes. */
  public static final class NonNegative implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return BadValue.parse(value, Sizes::parseNonNegative, Sizes.EXPECTED_OR_ZERO);
    }
  }
}
