package io.shoal.base.registry;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One parameter of a registry entry: its name, what it expects (for listings and for messages such
 * as {@code size: "abc" (expected: an integer)}), and its default, if it has one. A value is
 * checked when a spec is bound, before the entry's factory runs.
 */
public final class Parameter {
  private final String name;
  private final String expected;
  private final String defaultValue;
  private final Function<String, ?> parser;

  private Parameter(String name, String expected, String defaultValue, Function<String, ?> parser) {
    this.name = Spec.requireName("parameter", name);
    this.expected = Objects.requireNonNull(expected, "expected");
    this.defaultValue = defaultValue;
    this.parser = Objects.requireNonNull(parser, "parser");
  }

  /** A whole number in the range of {@code int}. */
  public static Parameter integer(String name, int defaultValue) {
    return new Parameter(name, "an integer", Integer.toString(defaultValue), Integer::parseInt);
  }

  /** A whole number in the range of {@code long}. */
  public static Parameter longInteger(String name, long defaultValue) {
    return new Parameter(name, "an integer", Long.toString(defaultValue), Long::parseLong);
  }

  /** A number, as {@link Double#parseDouble} reads it. */
  public static Parameter number(String name, double defaultValue) {
    return new Parameter(name, "a number", Double.toString(defaultValue), Double::parseDouble);
  }

  /** Any text, {@code expected} saying what it should be; {@code defaultValue} when not given. */
  public static Parameter text(String name, String expected, String defaultValue) {
    return new Parameter(name, expected, Objects.requireNonNull(defaultValue, "defaultValue"), v -> v);
  }

  /** Text that has no default: a spec without it is refused. */
  public static Parameter required(String name, String expected) {
    return new Parameter(name, expected, null, v -> v);
  }

  /**
   * A parameter read by {@code parser}, which refuses a bad value with an
   * {@link IllegalArgumentException}; {@code defaultValue} may be null for none.
   */
  public static Parameter of(String name, String expected, String defaultValue, Function<String, ?> parser) {
    return new Parameter(name, expected, defaultValue, parser);
  }

  public String name() {
    return name;
  }

  /** What a value should be, e.g. {@code an integer}. */
  public String expected() {
    return expected;
  }

  /** The value taken when a spec does not give one, as a spec would write it. */
  public Optional<String> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /** Whether {@code value} is one this parameter accepts. */
  boolean accepts(String value) {
    try {
      parser.apply(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** {@code name=default}, or {@code name} alone when there is no default: how listings show it. */
  @Override
  public String toString() {
    return defaultValue == null ? name : name + "=" + defaultValue;
  }
}
