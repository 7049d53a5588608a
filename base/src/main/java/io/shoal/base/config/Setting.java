package io.shoal.base.config;

import java.util.Objects;
import java.util.function.Function;

/**
 * One named setting of {@code shoal.yaml}, declared once in its component's {@link Section}: its
 * dotted name (the YAML path and the {@code --set} name), default, unit, parser (which is its
 * validation), one-line description, whether it can change while running ({@link #live()}) and
 * whether it is per node or cluster-wide ({@link #scope()}).
 *
 * @param <T> the parsed type
 */
public final class Setting<T> {
  private final String name;
  private final String defaultText;
  private final String unit;
  private final String expected;
  private final Function<String, T> parser;
  private final String description;
  private final boolean live;
  private final Scope scope;
  private final boolean entries;
  private volatile T defaultValue;

  Setting(String name, String defaultText, String unit, String expected, Function<String, T> parser,
      String description, boolean live, Scope scope, boolean entries) {
    this.name = Objects.requireNonNull(name, "name");
    this.defaultText = Objects.requireNonNull(defaultText, "defaultText");
    this.unit = Objects.requireNonNull(unit, "unit");
    this.expected = Objects.requireNonNull(expected, "expected");
    this.parser = Objects.requireNonNull(parser, "parser");
    this.description = Objects.requireNonNull(description, "description");
    this.live = live;
    this.scope = Objects.requireNonNull(scope, "scope");
    this.entries = entries;
  }

  /** The dotted name, e.g. {@code proxy.port}. */
  public String name() {
    return name;
  }

  /** The default, as written in the reference file. */
  public String defaultText() {
    return defaultText;
  }

  /** The default, parsed. */
  public T defaultValue() {
    T d = defaultValue;
    if (d == null) {
      d = parse(defaultText);
      defaultValue = d;
    }
    return d;
  }

  /** The kind of value: {@code duration}, {@code size}, {@code port}, {@code count}, {@code boolean}, ... */
  public String unit() {
    return unit;
  }

  /** What a valid value looks like, for error messages. */
  public String expected() {
    return expected;
  }

  public String description() {
    return description;
  }

  /** Whether a running node can take a new value without a restart. */
  public boolean live() {
    return live;
  }

  public Scope scope() {
    return scope;
  }

  /**
   * Whether the value is a map of named entries written below the name ({@code
   * distill.profiles.mobile.quality: 40}); the parser then gets {@code mobile.quality=40} entries
   * separated by {@code ;}.
   */
  public boolean hasEntries() {
    return entries;
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException as {@code name: "value" (expected: ...)}, followed by the
   *     parser's reason; a parser that refuses the value in that shape itself (a registry's {@code
   *     strategy: "x" (expected one of: ...)}) gives its words under this setting's name
   */
  public T parse(String text) {
    String t = text.strip();
    try {
      return parser.apply(t);
    } catch (RuntimeException e) {
      String m = e instanceof NumberFormatException ? null : e.getMessage();
      String own = ": \"" + t + "\" (expected";
      if (m != null && m.indexOf(own) > 0 && m.indexOf(own) == m.indexOf(": ")) {
        // the parser already refused this very value in the one shape (a registry's unknown name):
        // its words, under this setting's name
        throw new IllegalArgumentException(name + m.substring(m.indexOf(own)), e);
      }
      throw new IllegalArgumentException(name + ": \"" + text + "\" (expected: " + expected + ")"
          + (m == null ? "" : ": " + m), e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
