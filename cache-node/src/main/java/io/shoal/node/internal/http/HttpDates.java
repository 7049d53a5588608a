package io.shoal.node.internal.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
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

  /**
   * The seconds since the epoch of {@code value} when it is an IMF-fixdate exactly as
   * {@link #imfFixdate} writes it (so the text can be dropped and written again from the number),
   * else -1. From 1970 to early 2106: the range of an unsigned 32-bit count of seconds.
   */
  public static long canonicalSeconds(String value) {
    if (value == null || value.length() != 29) {
      return -1;
    }
    int day = digits(value, 5, 2);
    int m = MONTHS.indexOf(value.substring(8, 11));
    int month = m % 3 == 0 ? m / 3 : -1;
    int year = digits(value, 12, 4);
    int hour = digits(value, 17, 2);
    int minute = digits(value, 20, 2);
    int second = digits(value, 23, 2);
    if (day < 1 || day > 31 || month < 0 || year < 1970 || year > 2106 || hour > 23 || minute > 59
        || second > 59) {
      return -1;
    }
    if (day > YearMonth.of(year, month + 1).lengthOfMonth()) {
      return -1;
    }
    long seconds = LocalDate.of(year, month + 1, day).toEpochDay() * 86_400L + hour * 3600L + minute * 60L + second;
    return seconds < 1L << 32 && imfFixdate(seconds).equals(value) ? seconds : -1;
  }

  /**
   * {@code epochSeconds} as an IMF-fixdate, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}, without a
   * formatter; the texts of recent calls are kept (256 slots), since every hit of a stored response
   * writes its dates again.
   */
  public static String imfFixdate(long epochSeconds) {
    int slot = (int) (epochSeconds ^ epochSeconds >>> 8) & (RECENT.length - 1);
    Text recent = RECENT[slot]; // a racy read of an immutable record: a miss at worst
    if (recent != null && recent.seconds == epochSeconds) {
      return recent.text;
    }
    String text = imfText(epochSeconds);
    RECENT[slot] = new Text(epochSeconds, text);
    return text;
  }

  private record Text(long seconds, String text) {}

  private static final Text[] RECENT = new Text[256];

  private static String imfText(long epochSeconds) {
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochSeconds, 86_400L));
    int secondOfDay = (int) Math.floorMod(epochSeconds, 86_400L);
    int weekday = date.getDayOfWeek().getValue() % 7;
    int month = date.getMonthValue() - 1;
    char[] out = new char[29];
    DAYS.getChars(weekday * 3, weekday * 3 + 3, out, 0);
    out[3] = ',';
    out[4] = ' ';
    two(out, 5, date.getDayOfMonth());
    out[7] = ' ';
    MONTHS.getChars(month * 3, month * 3 + 3, out, 8);
    out[11] = ' ';
    two(out, 12, date.getYear() / 100);
    two(out, 14, date.getYear() % 100);
    out[16] = ' ';
    two(out, 17, secondOfDay / 3600);
    out[19] = ':';
    two(out, 20, secondOfDay / 60 % 60);
    out[22] = ':';
    two(out, 23, secondOfDay % 60);
    " GMT".getChars(0, 4, out, 25);
    return new String(out);
  }

  private static final String DAYS = "SunMonTueWedThuFriSat";
  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + c - '0';
    }
    return v;
  }

  private static void two(char[] out, int at, int v) {
    out[at] = (char) ('0' + v / 10);
    out[at + 1] = (char) ('0' + v % 10);
  }
}
