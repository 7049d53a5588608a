package io.shoal.base.config;

import java.util.Locale;

/**
 * The one size grammar of Shoal, shared by every setting and every command-line option: a whole
 * number followed by {@code B}, {@code KB}, {@code MB} or {@code GB} (binary multiples: 1 KB =
 * 1024 B), such as {@code 512B}, {@code 64KB}, {@code 256MB}, {@code 1GB}. Units are case
 * insensitive; a number without a unit is bytes.
 */
public final class Sizes {
  /** What {@link #parse} accepts, for {@code (expected: ...)} messages. */
  public static final String EXPECTED = "a size > 0 such as 512KB, 256MB or 1GB";
  /** What {@link #parseNonNegative} accepts. */
  public static final String EXPECTED_OR_ZERO = "a size >= 0 such as 0B, 64KB, 256MB or 1GB";

  private static final String[] UNITS = {"KB", "MB", "GB", "B"};
  private static final int[] SHIFTS = {10, 20, 30, 0};

  private Sizes() {}

  /**
   * A size above zero, in bytes.
   *
   * @throws IllegalArgumentException for anything else, with no message: callers name the value
   */
  public static long parse(String text) {
    long v = parseNonNegative(text);
    if (v == 0) {
      throw new IllegalArgumentException();
    }
    return v;
  }

  /** A size of zero or more, in bytes. */
  public static long parseNonNegative(String text) {
    String t = text.strip().toUpperCase(Locale.ROOT);
    int shift = 0;
    for (int i = 0; i < UNITS.length; i++) {
      if (t.endsWith(UNITS[i])) {
        t = t.substring(0, t.length() - UNITS[i].length());
        shift = SHIFTS[i];
        break;
      }
    }
    if (t.isEmpty() || !t.chars().allMatch(c -> c >= '0' && c <= '9') || t.length() > 18) {
      throw new IllegalArgumentException();
    }
    long n = Long.parseLong(t);
    if (n > Long.MAX_VALUE >> shift) {
      throw new IllegalArgumentException("too large");
    }
    return n << shift;
  }

  /** {@code bytes} in the grammar, in the largest unit that divides it: 1048576 -> "1MB". */
  public static String format(long bytes) {
    for (int i = 2; i >= 0; i--) {
      if (bytes != 0 && bytes % (1L << SHIFTS[i]) == 0) {
        return (bytes >> SHIFTS[i]) + UNITS[i];
      }
    }
    return bytes + "B";
  }
}
