package io.shoal.distiller.internal;

import java.util.Objects;

/** Argument checks with the house's message shape, {@code "quality: 101 (expected: 1..100)"}. */
public final class Checks {
  private Checks() {}

  /** Fails unless {@code min <= value <= max}. */
  public static int range(String what, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(what + ": " + value + " (expected: " + min + ".." + max + ")");
    }
    return value;
  }

  /** Fails unless {@code value > 0}. */
  public static long positive(String what, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + ": " + value + " (expected: > 0)");
    }
    return value;
  }

  /** Fails unless {@code value} is a non-empty run of letters, digits, '-', '_' and '.'. */
  public static String token(String what, String value) {
    Objects.requireNonNull(value, what);
    if (!value.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException(what + ": \"" + value
          + "\" (expected: letters, digits, '-', '_' or '.', at least one)");
    }
    return value;
  }
}
