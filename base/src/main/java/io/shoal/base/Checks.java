package io.shoal.base;

import java.time.Duration;
import java.util.Objects;

/**
 * Argument checks for builders and constructors: each returns the value it checked, or fails with
 * an {@link IllegalArgumentException} shaped {@code what: value (expected: ...)}, e.g. {@code
 * quality: 101 (expected: 1..100)}. {@code what} names the value as its setter does.
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

  /** {@code d} not null and {@code > 0}; a null {@code d} is a {@link NullPointerException} naming {@code what}. */
  public static Duration positive(String what, Duration d) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + ": " + d + " (expected: > 0)");
    }
    return d;
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
