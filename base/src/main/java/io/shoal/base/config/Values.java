package io.shoal.base.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Parsers for setting values. Each throws {@link IllegalArgumentException} (its message, if any,
 * is added after the {@code (expected: ...)} of the setting) for a value it refuses.
 */
public final class Values {
  private Values() {}

  public static boolean bool(String s) {
    if (!s.equals("true") && !s.equals("false")) {
      throw new IllegalArgumentException();
    }
    return Boolean.parseBoolean(s);
  }

  /** An integer from {@code min} to {@code max}. */
  public static int integer(String s, int min, int max) {
    int v = Integer.parseInt(s);
    if (v < min || v > max) {
      throw new IllegalArgumentException();
    }
    return v;
  }

  /** A long from {@code min} up. */
  public static long atLeast(String s, long min) {
    long v = Long.parseLong(s);
    if (v < min) {
      throw new IllegalArgumentException();
    }
    return v;
  }

  /** A number from 0 to 1. */
  public static double fraction(String s) {
    double d = Double.parseDouble(s);
    if (!(d >= 0 && d <= 1)) {
      throw new IllegalArgumentException();
    }
    return d;
  }

  /** A finite number above 0. */
  public static double positiveNumber(String s) {
    double d = Double.parseDouble(s);
    if (!(d > 0) || Double.isInfinite(d)) {
      throw new IllegalArgumentException();
    }
    return d;
  }

  public static String oneOf(String s, String... allowed) {
    for (String a : allowed) {
      if (a.equals(s)) {
        return s;
      }
    }
    throw new IllegalArgumentException();
  }

  public static String nonEmpty(String s) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException();
    }
    return s;
  }

  /** An HTTP header field name (an RFC 9110 token), or empty. */
  public static String fieldName(String s) {
    if (!s.chars().allMatch(c -> c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
      throw new IllegalArgumentException();
    }
    return s;
  }

  /** {@code a,b,c} or {@code [a, b, c]}, each element parsed by {@code element}; blanks are skipped. */
  public static <T> Function<String, List<T>> list(Function<String, T> element) {
    return s -> {
      List<T> out = new ArrayList<>();
      String t = s.strip();
      if (t.startsWith("[") && t.endsWith("]")) {
        t = t.substring(1, t.length() - 1);
      }
      for (String part : t.split(",", -1)) {
        if (!part.isBlank()) {
          out.add(element.apply(part.strip()));
        }
      }
      return List.copyOf(out);
    };
  }

  /** {@code parser}, except that the empty string is taken as it is. */
  public static Function<String, String> orEmpty(Function<String, String> parser) {
    return s -> s.isEmpty() ? s : parser.apply(s);
  }
}
