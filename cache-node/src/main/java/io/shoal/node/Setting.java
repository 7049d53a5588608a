package io.shoal.node;

import java.util.Objects;
import java.util.function.Function;

/**
 * One named setting of {@code shoal.yaml}: its dotted name (the YAML path and the command-line
 * {@code --set} name), default, parser and one-line description. All settings are listed in
 * {@link Settings}.
 *
 * @param <T> the parsed type
 */
public final class Setting<T> {
  private final String name;
  private final String defaultText;
  private final String expected;
  private final Function<String, T> parser;
  private final String description;

  Setting(String name, String defaultText, String expected, Function<String, T> parser,
      String description) {
    this.name = Objects.requireNonNull(name, "name");
    this.defaultText = Objects.requireNonNull(defaultText, "defaultText");
    this.expected = Objects.requireNonNull(expected, "expected");
    this.parser = Objects.requireNonNull(parser, "parser");
    this.description = Objects.requireNonNull(description, "description");
  }

  /** The dotted name, e.g. {@code proxy.port}. */
  public String name() {
    return name;
  }

  /** The default, as written in the reference file. */
  public String defaultText() {
    return defaultText;
  }

  /** What a valid value looks like, for error messages. */
  public String expected() {
    return expected;
  }

  public String description() {
    return description;
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException as {@code "name: value (expected: ...)"}
   */
  public T parse(String text) {
    try {
      return parser.apply(text.strip());
    } catch (RuntimeException e) {
      String why = e instanceof NumberFormatException || e.getMessage() == null
          ? "" : ": " + e.getMessage();
      throw new IllegalArgumentException(name + ": \"" + text + "\" (expected: " + expected + ")"
          + why, e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
