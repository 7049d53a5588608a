package io.shoal.node.internal.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** HTTP-date parsing (IMF-fixdate, RFC 850, asctime) and formatting, independent of the default locale. */
public final class HttpDates {
  private static final DateTimeFormatter IMF =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter RFC850 =
      DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ASCTIME =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

  private HttpDates() {}

  /** Milliseconds since the epoch, or -1 when {@code value} is null or not an HTTP-date. */
  public static long parse(String value) {
    if (value == null) {
      return -1;
    }
    String v = value.strip();
    for (DateTimeFormatter f : new DateTimeFormatter[] {IMF, RFC850, ASCTIME}) {
      try {
        ZonedDateTime t = ZonedDateTime.parse(v, f);
        if (f == RFC850 && t.getYear() > ZonedDateTime.now(ZoneOffset.UTC).getYear() + 50) {
          t = t.minusYears(100);
        }
        return t.toInstant().toEpochMilli();
      } catch (DateTimeParseException e) {
        // try the next format
      }
    }
    return -1;
  }

  public static String format(long epochMillis) {
    return IMF.format(Instant.ofEpochMilli(epochMillis));
  }
}
