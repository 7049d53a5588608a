package io.shoal.base;

import io.shoal.base.config.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * Argument checks for builders and constructors: each returns the value it checked, or fails with
 * an {@link IllegalArgumentException} shaped {@code what: value (expected: ...)}, e.g. {@code
 * quality: 101 (expected: 1..100)} or, for a duration, {@code timeout: "0s" (expected: > 0)}.
 * {@code what} names the value as its setter does.
 */
public final class Checks {
  private Checks() {}

  /** {@code value > 0}. */
  public static int positive(String what, int value) {
    return (int) positive(what, (long) value);
  }

  /** {@code value > 0}. */
  public static long positive(String what, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + ": " + value + " (expected: > 0)");
    }
    return value;
  }

  /** {@code value >= 0}. */
  public static long notNegative(String what, long value) {
    return atLeast(what, value, 0);
  }

  /**
   * {@code d} not null and {@code > 0}; a null {@code d} is a {@link NullPointerException} naming
   * {@code what}. A refused duration is written in the duration grammar: {@code timeout: "0s" (expected: > 0)}.
   */
  public static Duration positive(String what, Duration d) {
    if (Objects.requireNonNull(d, what).isNegative() || d.isZero()) {
      throw bad(what, d, "> 0");
    }
    return d;
  }

  /** {@code d} null (not set) or {@code > 0}. */
  public static Duration positiveOrNull(String what, Duration d) {
    return d == null ? null : positive(what, d);
  }

  /** {@code d} not null and {@code >= 0}. */
  public static Duration notNegative(String what, Duration d) {
    if (Objects.requireNonNull(d, what).isNegative()) {
      throw bad(what, d, ">= 0");
    }
    return d;
  }

  /** {@code what: "d" (expected: expected)}, {@code d} in the duration grammar when it is whole milliseconds. */
  public static IllegalArgumentException bad(String what, Duration d, String expected) {
    String text = d.getNano() % 1_000_000 == 0 ? Durations.format(d) : d.toString();
    return new IllegalArgumentException(what + ": \"" + text + "\" (expected: " + expected + ")");
  }

  /** {@code value >= min}. */
  public static int atLeast(String what, int value, int min) {
    return (int) atLeast(what, (long) value, (long) min);
  }

  /** {@code value >= min}. */
  public static long atLeast(String what, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(what + ": " + value + " (expected: >= " + min + ")");
    }
    return value;
  }

  /** {@code min <= value <= max}. */
  public static int range(String what, int value, int min, int max) {
    return (int) range(what, (long) value, (long) min, (long) max);
  }

  /** {@code min <= value <= max}. */
  public static long range(String what, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(what + ": " + value + " (expected: " + min + ".." + max + ")");
    }
    return value;
  }
}
