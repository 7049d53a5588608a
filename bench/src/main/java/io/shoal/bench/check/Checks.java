package io.shoal.bench.check;

import io.shoal.base.config.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * The checks the bench builders share, each failing with "name: value (expected: ...)" (a
 * duration quoted, in the duration grammar: {@code timeout: "0s" (expected: > 0)}) and returning
 * the value it checked.
 */
public final class Checks {
  private Checks() {}

  /** {@code value} > 0. */
  public static int positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
    }
    return value;
  }

  /** {@code value} >= 0. */
  public static long notNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: >= 0)");
    }
    return value;
  }

  /** {@code d} not null and >= 0. */
  public static Duration notNegative(String name, Duration d) {
    if (Objects.requireNonNull(d, name).isNegative()) {
      throw bad(name, d, ">= 0");
    }
    return d;
  }

  /** {@code d} not null and > 0. */
  public static Duration positive(String name, Duration d) {
    if (Objects.requireNonNull(d, name).isNegative() || d.isZero()) {
      throw bad(name, d, "> 0");
    }
    return d;
  }

  /** {@code d} null (not set) or > 0. */
  public static Duration positiveOrNull(String name, Duration d) {
    return d == null ? null : positive(name, d);
  }

  /** {@code name: "d" (expected: expected)}, {@code d} in the duration grammar when it is whole milliseconds. */
  public static IllegalArgumentException bad(String name, Duration d, String expected) {
    String text = d.getNano() % 1_000_000 == 0 ? Durations.format(d) : d.toString();
    return new IllegalArgumentException(name + ": \"" + text + "\" (expected: " + expected + ")");
  }
}
