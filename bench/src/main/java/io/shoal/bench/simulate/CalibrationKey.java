package io.shoal.bench.simulate;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One key of a calibration file: its name, what its value must be, how it is read from text and
 * written back, and where it sits in a {@link Calibration} ({@code get}) and its builder
 * ({@code set}). A key without a default is required.
 */
final class CalibrationKey<O, B, T> {
  private final String name;
  private final String expected;
  private final Function<String, T> parser;
  private final Predicate<T> valid;
  private final T defaultValue;
  private final Function<O, T> get;
  private final BiConsumer<B, T> set;
  private final Function<B, T> held;

  CalibrationKey(String name, String expected, Function<String, T> parser, Predicate<T> valid, T defaultValue,
      Function<O, T> get, BiConsumer<B, T> set, Function<B, T> held) {
    this.name = name;
    this.expected = expected;
    this.parser = parser;
    this.valid = valid;
    this.defaultValue = defaultValue;
    this.get = get;
    this.set = set;
    this.held = held;
  }

  /** An integer key, valid in {@code [min, max]}. */
  static <O, B> CalibrationKey<O, B, Long> integer(String name, long min, long max, String what, Long defaultValue,
      Function<O, Long> get, BiConsumer<B, Long> set, Function<B, Long> held) {
    String range = max == Long.MAX_VALUE ? ">= " + min : min + ".." + max;
    return new CalibrationKey<>(name, "an integer " + range + ": " + what, Long::parseLong,
        v -> v >= min && v <= max, defaultValue, get, set, held);
  }

  /** A finite number key, valid in {@code [min, max]} (or above {@code min} when {@code openMin}). */
  static <O, B> CalibrationKey<O, B, Double> number(String name, double min, boolean openMin, double max, String what,
      Double defaultValue, Function<O, Double> get, BiConsumer<B, Double> set, Function<B, Double> held) {
    String range = (openMin ? "> " : ">= ") + plain(min) + (max == Double.MAX_VALUE ? "" : " and <= " + plain(max));
    return new CalibrationKey<>(name, "a number " + range + ": " + what, Double::parseDouble,
        v -> Double.isFinite(v) && (openMin ? v > min : v >= min) && v <= max, defaultValue, get, set, held);
  }

  /** A non-empty text key that {@code valid} accepts. */
  static <O, B> CalibrationKey<O, B, String> text(String name, String what, Predicate<String> valid,
      String defaultValue, Function<O, String> get, BiConsumer<B, String> set, Function<B, String> held) {
    return new CalibrationKey<>(name, what, Function.identity(), v -> !v.isEmpty() && valid.test(v), defaultValue,
        get, set, held);
  }

  String name() {
    return name;
  }

  String expected() {
    return expected;
  }

  boolean required() {
    return defaultValue == null;
  }

  T defaultValue() {
    return defaultValue;
  }

  T get(O owner) {
    return get.apply(owner);
  }

  /** Whether {@code builder} holds a value of this key. */
  boolean isSet(B builder) {
    return held.apply(builder) != null;
  }

  /** Sets {@code builder}'s value of this key to {@code owner}'s. */
  void copy(O owner, B builder) {
    set.accept(builder, get.apply(owner));
  }

  /**
   * Reads {@code text} into {@code builder}.
   *
   * @throws IllegalArgumentException {@code key "NAME": "text" (expected: ...)}, under {@code fullName}
   */
  void read(B builder, String fullName, String text) {
    T value;
    try {
      value = parser.apply(text.strip());
    } catch (RuntimeException e) {
      throw bad(fullName, text);
    }
    if (!ok(value)) {
      throw bad(fullName, text);
    }
    set.accept(builder, value);
  }

  /** {@code value} if it is valid, else {@code key "NAME": "value" (expected: ...)}. */
  T check(String fullName, T value) {
    if (value == null || !ok(value)) {
      throw bad(fullName, value == null ? "null" : format(value));
    }
    return value;
  }

  private boolean ok(T value) {
    try {
      return valid.test(value);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The value as the file writes it: numbers exactly, without an exponent. */
  String format(T value) {
    return value instanceof Double d ? plain(d) : String.valueOf(value);
  }

  IllegalArgumentException bad(String fullName, String text) {
    return new IllegalArgumentException("key \"" + fullName + "\": \"" + text + "\" (expected: " + expected + ")");
  }

  IllegalArgumentException missing(String fullName) {
    return new IllegalArgumentException("key \"" + fullName + "\": missing (expected: " + expected + ")");
  }

  static String plain(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) d);
    }
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
