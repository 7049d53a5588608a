package io.shoal.traces.clf;

import java.time.LocalDate;

/**
 * Parses and formats CLF times, {@code 10/Oct/2000:13:55:36 -0700}, with English month names
 * whatever the default locale, remembering the last parse (log lines come in time order).
 */
final class ClfTime {
  private static final String[] MONTHS =
      {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

  private String last = "";
  private long lastMicros;

  /** Microseconds since the epoch, or -1 if {@code s} is not a CLF time. */
  long parseMicros(String s) {
    if (s.equals(last)) {
      return lastMicros;
    }
    long micros = parse(s);
    if (micros >= 0) {
      last = s;
      lastMicros = micros;
    }
    return micros;
  }

  private static long parse(String s) {
    if (s.length() != 26 || s.charAt(2) != '/' || s.charAt(6) != '/' || s.charAt(11) != ':'
        || s.charAt(14) != ':' || s.charAt(17) != ':' || s.charAt(20) != ' ') {
      return -1;
    }
    int day = digits(s, 0, 2);
    int month = month(s.substring(3, 6));
    int year = digits(s, 7, 11);
    int hour = digits(s, 12, 14);
    int minute = digits(s, 15, 17);
    int second = digits(s, 18, 20);
    char sign = s.charAt(21);
    int zoneHours = digits(s, 22, 24);
    int zoneMinutes = digits(s, 24, 26);
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

  private static int digits(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1_000_000;
      }
      value = value * 10 + c - '0';
    }
    return value;
  }

  private static int month(String name) {
    for (int i = 0; i < MONTHS.length; i++) {
      if (MONTHS[i].equals(name)) {
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
