package io.shoal.base.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rate grammar of Shoal (bandwidth caps, link rates): a number followed by {@code kbit},
 * {@code mbit} or {@code gbit} (decimal bits per second) or by a {@link Sizes size} unit per
 * second ({@code B}, {@code KB}, {@code MB}, {@code GB}, binary), with an optional {@code /s}:
 * {@code 10mbit}, {@code 2MB/s}, {@code 500KB}. {@code 0} means no cap.
 */
public final class Rates {
  /** What {@link #parse} accepts, for {@code (expected: ...)} messages. */
  public static final String EXPECTED = "a rate such as 10mbit, 2MB/s or 0 for none";

  private static final Pattern RATE = Pattern.compile("(\\d{1,15}(?:\\.\\d{1,9})?)(kbit|mbit|gbit|KB|MB|GB|B)(?:/s)?",
      Pattern.CASE_INSENSITIVE);

  private Rates() {}

  /**
   * Bytes per second, at least 1 unless the text is {@code 0}.
   *
   * @throws IllegalArgumentException for anything else, with no message: callers name the value
   */
  public static long parse(String text) {
    String t = text.strip();
    if (t.equals("0")) {
      return 0;
    }
    Matcher m = RATE.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException();
    }
    double n = Double.parseDouble(m.group(1));
    double bytes = switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "kbit" -> n * 1e3 / 8;
      case "mbit" -> n * 1e6 / 8;
      case "gbit" -> n * 1e9 / 8;
      case "kb" -> n * 1024;
      case "mb" -> n * 1024 * 1024;
      case "gb" -> n * 1024 * 1024 * 1024;
      default -> n;
    };
    return Math.max(1, Math.round(bytes));
  }
}
