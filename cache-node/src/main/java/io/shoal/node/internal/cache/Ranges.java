package io.shoal.node.internal.cache;

/**
 * Single byte ranges of RFC 9110 §14: {@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}
 * against a representation of known length.
 */
public final class Ranges {
  /** The header is not a single byte range we serve: answer 200 with the whole body. */
  public static final long[] IGNORE = new long[0];
  /** Syntactically valid but no byte of it exists: answer 416. */
  public static final long[] UNSATISFIABLE = new long[0];

  private Ranges() {}

  /** {first, last} (inclusive) for {@code header} on {@code length} bytes, or one of the two markers. */
  public static long[] resolve(String header, long length) {
    String h = header.strip();
    if (!h.regionMatches(true, 0, "bytes=", 0, 6)) {
      return IGNORE;
    }
    String spec = h.substring(6).strip();
    if (spec.indexOf(',') >= 0) {
      return IGNORE;
    }
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return IGNORE;
    }
    String a = spec.substring(0, dash).strip();
    String b = spec.substring(dash + 1).strip();
    if (!digits(a) || !digits(b) || (a.isEmpty() && b.isEmpty())) {
      return IGNORE;
    }
    if (a.isEmpty()) {
      long suffix = Long.parseLong(b);
      if (suffix == 0 || length == 0) {
        return UNSATISFIABLE;
      }
      return new long[] {Math.max(0, length - suffix), length - 1};
    }
    long first = Long.parseLong(a);
    long last = b.isEmpty() ? length - 1 : Math.min(Long.parseLong(b), length - 1);
    if (!b.isEmpty() && Long.parseLong(b) < first) {
      return IGNORE;
    }
    if (first >= length) {
      return UNSATISFIABLE;
    }
    return new long[] {first, last};
  }

  private static boolean digits(String s) {
    return s.length() <= 18 && s.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
