package io.shoal.cli.options;

import java.util.function.Function;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The one message shape of a bad command-line value, {@code --option: "value" (expected: ...)}. A
 * converter knows the value but not the option it converts for: it throws {@link #of}, and the
 * parameter-exception handler of {@code shoal} names the option with {@link #message}.
 */
public final class BadValue {
  private BadValue() {}

  /** What a converter throws for {@code value}: {@code "value" (expected: expected)}. */
  public static TypeConversionException of(String value, String expected) {
    return new TypeConversionException("\"" + value + "\" (expected: " + expected + ")");
  }

  /** {@code parser}'s value of {@code value}; when it refuses it, {@link #of}{@code (value, expected)}. */
  public static <T> T parse(String value, Function<String, T> parser, String expected) {
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw of(value, expected);
    }
  }

  /**
   * The message of a usage error: for a value a converter refused, {@code --option: } followed by
   * the converter's message; any other error's own message.
   */
  public static String message(ParameterException e) {
    if (e.getCause() instanceof TypeConversionException bad && e.getArgSpec() != null) {
      String name = e.getArgSpec() instanceof OptionSpec o ? o.longestName() : e.getArgSpec().paramLabel();
      return name + ": " + bad.getMessage();
    }
    return e.getMessage();
  }
}
