package io.shoal.base.config;

import java.time.Duration;
import java.util.Locale;

/**
 * The one duration grammar of Shoal, shared by every setting and every command-line option: a
 * whole number followed by {@code ms}, {@code s}, {@code m}, {@code h} or {@code d}, such as
 * {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}. A unit is always required. Zero
 * ({@code 0s}) is accepted only by {@link #parseNonNegative}.
 */
public final class Durations {
  /** What {@link #parse} accepts, for {@code (expected: ...)} messages. */
  public static final String EXPECTED = "a duration > 0 such as 500ms, 30s, 5m, 1h or 1d";
  /** What {@link #parseNonNegative} accepts. */
  public static final String EXPECTED_OR_ZERO = "a duration >= 0 such as 0s, 500ms, 30s, 5m, 1h or 1d";

  private Durations() {}

  /**
   * A duration above zero.
   *
   * @throws IllegalArgumentException for anything else, with no message: callers name the value
   */
  public static Duration parse(String text) {
    Duration d = parseNonNegative(text);
    if (d.isZero()) {
      throw new IllegalArgumentException();
    }
    return d;
  }

  /** A duration of zero or more. */
  public static Duration parseNonNegative(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    int digits = 0;
    while (digits < t.length() && t.charAt(digits) >= '0' && t.charAt(digits) <= '9') {
      digits++;
    }
    if (digits == 0 || digits > 18) {
      throw new IllegalArgumentException();
    }
    long n = Long.parseLong(t.substring(0, digits));
    switch (t.substring(digits)) {
      case "ms":
        return Duration.ofMillis(n);
      case "s":
        return Duration.ofSeconds(n);
      case "m":
        return Duration.ofMinutes(n);
      case "h":
        return Duration.ofHours(n);
      case "d":
        return Duration.ofDays(n);
      default:
        throw new IllegalArgumentException();
    }
  }

  /** {@code d} in the grammar, in the largest unit that divides it: {@code 90s} -> "90s", 2 min -> "2m". */
  public static String format(Duration d) {
    long ms = d.toMillis();
    long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1000L};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (ms != 0 && ms % sizes[i] == 0) {
        return ms / sizes[i] + units[i];
      }
    }
    return ms == 0 ? "0s" : ms + "ms";
  }
}
