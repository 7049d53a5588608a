package io.shoal.traces.clf;

import io.shoal.traces.internal.Line;
import java.time.LocalDate;

/**
 * Parses and formats CLF times, {@code 10/Oct/2000:13:55:36 -0700}, with English month names
 * whatever the default locale, remembering the last parse (log lines come in time order).
 */
final class ClfTime {
  private static final String[] MONTHS =
      {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  private static final int LENGTH = 26;

  private byte[] last = new byte[0];
  private long lastMicros;

  /** Microseconds since the epoch of the time in {@code [from, to)}, or -1 if it is not one. */
  long parseMicros(Line line, int from, int to) {
    if (line.regionEquals(from, to, last)) {
      return lastMicros;
    }
    long micros = parse(line, from, to);
    if (micros >= 0) {
      last = line.copy(from, to);
      lastMicros = micros;
    }
    return micros;
  }

  private static long parse(Line l, int at, int to) {
    if (to - at != LENGTH || l.byteAt(at + 2) != '/' || l.byteAt(at + 6) != '/'
        || l.byteAt(at + 11) != ':' || l.byteAt(at + 14) != ':' || l.byteAt(at + 17) != ':'
        || l.byteAt(at + 20) != ' ') {
      return -1;
    }
    int day = digits(l, at, 2);
    int month = month(l, at + 3);
    int year = digits(l, at + 7, 4);
    int hour = digits(l, at + 12, 2);
    int minute = digits(l, at + 15, 2);
    int second = digits(l, at + 18, 2);
    int sign = l.byteAt(at + 21);
    int zoneHours = digits(l, at + 22, 2);
    int zoneMinutes = digits(l, at + 24, 2);
    if (day < 1 || month < 1 || year < 1970 || hour > 23 || minute > 59 || second > 60
        || sign != '+' && sign != '-' || zoneHours > 23 || zoneMinutes > 59) {
      return -1;
    }
    if (day > LocalDate.of(year, month, 1).lengthOfMonth()) {
      return -1;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    long offset = (zoneHours * 3600L + zoneMinutes * 60L) * (sign == '-' ? -1 : 1);
    long seconds = epochDay * 86_400L + hour * 3600L + minute * 60L + second - offset;
    return seconds < 0 ? -1 : seconds * 1_000_000L;
  }

  private static int digits(Line l, int at, int n) {
    int value = 0;
    for (int i = at; i < at + n; i++) {
      int c = l.byteAt(i);
      if (c < '0' || c > '9') {
        return -1_000_000;
      }
      value = value * 10 + c - '0';
    }
    return value;
  }

  private static int month(Line l, int at) {
    for (int i = 0; i < MONTHS.length; i++) {
      if (l.regionEquals(at, at + 3, MONTHS[i])) {
        return i + 1;
      }
    }
    return -1;
  }

  /** Appends {@code [dd/MMM/yyyy:HH:mm:ss +0000]} for a time in µs, in UTC. */
  static void format(StringBuilder line, long micros) {
    long seconds = micros / 1_000_000L;
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
    line.append('[');
    two(line, date.getDayOfMonth()).append('/').append(MONTHS[date.getMonthValue() - 1])
        .append('/').append(date.getYear()).append(':');
    two(line, secondOfDay / 3600).append(':');
    two(line, secondOfDay / 60 % 60).append(':');
    two(line, secondOfDay % 60).append(" +0000]");
  }

  private static StringBuilder two(StringBuilder line, int value) {
    return line.append(value < 10 ? "0" : "").append(value);
  }
}
