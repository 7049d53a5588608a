package io.shoal.traces.internal;

import io.shoal.traces.TraceException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One line of a text trace (without its end of line) and a cursor over its fields. Fields are
 * separated by spaces or tabs; control bytes inside a field are an error. Every error names
 * the file, the line number, the field, what was found and what was expected.
 */
public final class Line {
  private static final int MAX_SHOWN = 48;

  private final String source;
  private byte[] buf;
  private int start;
  private int end;
  private int pos;
  private int rangeEnd;
  private long number;

  Line(String source) {
    this.source = source;
  }

  void set(byte[] buf, int start, int end, long number) {
    this.buf = buf;
    this.start = start;
    this.end = end;
    this.pos = start;
    this.number = number;
  }

  /** The 1-based line number. */
  public long number() {
    return number;
  }

  /** Whether the line holds only spaces and tabs. */
  public boolean isBlank() {
    return firstByte() < 0;
  }

  /** The first byte that is not a space or tab, or -1 if there is none. */
  public int firstByte() {
    for (int i = start; i < end; i++) {
      byte b = buf[i];
      if (b != ' ' && b != '\t') {
        return b & 0xff;
      }
    }
    return -1;
  }

  /** Skips spaces and tabs; whether a field follows. */
  public boolean hasField() {
    skipSpace();
    return pos < end;
  }

  /** The next byte at the cursor (after spaces), or -1 at the end. */
  public int peek() {
    skipSpace();
    return pos < end ? buf[pos] & 0xff : -1;
  }

  /** The next field as a non-negative integer. */
  public long nextLong(String field) {
    int from = fieldStart(field, "an integer >= 0");
    int to = fieldEnd(from);
    long value = parseLong(from, to, field);
    pos = to;
    return value;
  }

  /** The next field as a non-negative integer, or {@code dash} if the field is {@code -}. */
  public long nextLongOrDash(String field, long dash) {
    int from = fieldStart(field, "an integer >= 0 or -");
    int to = fieldEnd(from);
    if (to - from == 1 && buf[from] == '-') {
      pos = to;
      return dash;
    }
    long value = parseLong(from, to, field);
    pos = to;
    return value;
  }

  /** The next field as seconds with up to 9 decimals ({@code 1066036250.603}), in µs. */
  public long nextSecondsAsMicros(String field) {
    int from = fieldStart(field, "seconds like 1066036250.603");
    int to = fieldEnd(from);
    int dot = from;
    while (dot < to && buf[dot] != '.') {
      dot++;
    }
    long seconds = parseLong(from, dot, field, from, to, "seconds like 1066036250.603");
    long micros = 0;
    if (dot < to) {
      int digits = to - dot - 1;
      if (digits < 1 || digits > 9) {
        throw bad(field, from, to, "seconds like 1066036250.603");
      }
      for (int i = dot + 1; i < to; i++) {
        int d = buf[i] - '0';
        if (d < 0 || d > 9) {
          throw bad(field, from, to, "seconds like 1066036250.603");
        }
        if (i - dot <= 6) {
          micros = micros * 10 + d;
        }
      }
      for (int i = Math.min(digits, 6); i < 6; i++) {
        micros *= 10;
      }
    }
    if (seconds > (Long.MAX_VALUE - micros) / 1_000_000L) {
      throw bad(field, from, to, "seconds < 9223372036854");
    }
    pos = to;
    return seconds * 1_000_000L + micros;
  }

  /** The next field as a string (UTF-8, no control bytes). */
  public String nextString(String field) {
    int from = fieldStart(field, "a field");
    int to = fieldEnd(from);
    pos = to;
    return decode(from, to, field);
  }

  /** Skips the next field, which must be there; cheaper than reading a field to drop it. */
  public void skipField(String field) {
    pos = fieldEnd(fieldStart(field, "a field"));
  }

  /**
   * Moves past the next enclosed field (like {@link #nextEnclosed}) without decoding it;
   * returns where its content starts in this line's bytes, and {@link #rangeEnd()} where it
   * ends. Read the content with {@link #byteAt}, {@link #regionEquals} and {@link #string}.
   */
  public int nextEnclosedRange(String field, char open, char close) {
    skipSpace();
    int from = pos;
    rangeEnd = enclosedEnd(field, open, close) - 1;
    return from + 1;
  }

  /** The end (exclusive) of the last {@link #nextEnclosedRange} content. */
  public int rangeEnd() {
    return rangeEnd;
  }

  /** The byte at {@code i}, a position from {@link #nextEnclosedRange}. */
  public int byteAt(int i) {
    return buf[i] & 0xff;
  }

  /** The first position of byte {@code b} in {@code [from, to)}, or -1. */
  public int indexOf(int b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the bytes {@code [from, to)} are the ASCII string {@code s}. */
  public boolean regionEquals(int from, int to, String s) {
    if (to - from != s.length()) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (buf[i] != s.charAt(i - from)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the bytes {@code [from, to)} equal {@code bytes}. */
  public boolean regionEquals(int from, int to, byte[] bytes) {
    return java.util.Arrays.equals(buf, from, to, bytes, 0, bytes.length);
  }

  /** A copy of the bytes {@code [from, to)}. */
  public byte[] copy(int from, int to) {
    return java.util.Arrays.copyOfRange(buf, from, to);
  }

  /** The bytes {@code [from, to)} as a string (UTF-8, no control bytes) of field {@code field}. */
  public String string(int from, int to, String field) {
    return decode(from, to, field);
  }

  /** An error about a field whose bytes are {@code [from, to)}. */
  public TraceException badRange(String field, int from, int to, String expected) {
    return bad(field, from, to, expected);
  }

  /** Skips the next field, which must be enclosed like {@link #nextEnclosed}'s. */
  public void skipEnclosed(String field, char open, char close) {
    enclosedEnd(field, open, close);
  }

  /**
   * The next field, which must be enclosed in {@code open} and {@code close} (like {@code
   * [10/Oct/2000:13:55:36 -0700]} or a {@code "quoted"} string with backslash escapes), without
   * them. Escapes are kept as written.
   */
  public String nextEnclosed(String field, char open, char close) {
    skipSpace();
    int from = pos;
    int to = enclosedEnd(field, open, close);
    return decode(from + 1, to - 1, field);
  }

  /** Moves past an enclosed field; returns the position after its closing character. */
  private int enclosedEnd(String field, char open, char close) {
    skipSpace();
    if (pos >= end) {
      throw error(field + ": missing (expected: " + enclosed(open, close) + ")");
    }
    int from = pos;
    if (buf[from] != open) {
      throw bad(field, from, fieldEnd(from), enclosed(open, close));
    }
    int i = from + 1;
    while (i < end && buf[i] != close) {
      if (buf[i] == '\\' && open == '"' && i + 1 < end) {
        i++;
      }
      i++;
    }
    if (i >= end) {
      throw bad(field, from, end, enclosed(open, close) + " (unterminated)");
    }
    if (i + 1 < end && buf[i + 1] != ' ' && buf[i + 1] != '\t') {
      throw bad(field, from, fieldEnd(i + 1), enclosed(open, close) + " followed by a space");
    }
    pos = i + 1;
    return pos;
  }

  private static String enclosed(char open, char close) {
    return "a field in " + open + close;
  }

  /** Fails unless only spaces remain. */
  public void expectEnd(String expected) {
    skipSpace();
    if (pos < end) {
      throw error("unexpected " + show(pos, fieldEnd(pos)) + " (expected: " + expected + ")");
    }
  }

  /** An error at this line. */
  public TraceException error(String what) {
    return TraceException.atLine(source, number, what);
  }

  /** An error about a field: what was found and what was expected. */
  public TraceException bad(String field, String found, String expected) {
    return error(field + ": " + found + " (expected: " + expected + ")");
  }

  private TraceException bad(String field, int from, int to, String expected) {
    return bad(field, show(from, to), expected);
  }

  private void skipSpace() {
    while (pos < end && (buf[pos] == ' ' || buf[pos] == '\t')) {
      pos++;
    }
  }

  private int fieldStart(String field, String expected) {
    skipSpace();
    if (pos >= end) {
      throw error(field + ": missing (expected: " + expected + ")");
    }
    return pos;
  }

  private int fieldEnd(int from) {
    int i = from;
    while (i < end && buf[i] != ' ' && buf[i] != '\t') {
      i++;
    }
    return i;
  }

  private long parseLong(int from, int to, String field) {
    return parseLong(from, to, field, from, to, "an integer >= 0");
  }

  private long parseLong(int from, int to, String field, int shownFrom, int shownTo,
      String expected) {
    if (from == to || to - from > 18) {
      throw bad(field, shownFrom, shownTo, to - from > 18 ? "an integer < 10^18" : expected);
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      int d = buf[i] - '0';
      if (d < 0 || d > 9) {
        throw bad(field, shownFrom, shownTo, expected);
      }
      value = value * 10 + d;
    }
    return value;
  }

  private String decode(int from, int to, String field) {
    boolean ascii = true;
    for (int i = from; i < to; i++) {
      byte b = buf[i];
      if (b < 0x20 && b >= 0 || b == 0x7f) {
        throw error(field + ": control byte 0x" + String.format(java.util.Locale.ROOT, "%02x", b & 0xff)
            + " at column " + (i - start + 1) + " (expected: printable text)");
      }
      ascii &= b >= 0;
    }
    if (ascii) {
      return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(buf, from, to - from))
          .toString();
    } catch (CharacterCodingException e) {
      throw bad(field, from, to, "UTF-8 text");
    }
  }

  private String show(int from, int to) {
    StringBuilder s = new StringBuilder("\"");
    int shownTo = Math.min(to, from + MAX_SHOWN);
    for (int i = from; i < shownTo; i++) {
      int b = buf[i] & 0xff;
      if (b < 0x20 || b >= 0x7f || b == '"' || b == '\\') {
        s.append(b == '"' || b == '\\' ? "\\" + (char) b : String.format(java.util.Locale.ROOT, "\\x%02x", b));
      } else {
        s.append((char) b);
      }
    }
    if (shownTo < to) {
      s.append("...");
    }
    return s.append('"').toString();
  }

  @Override
  public String toString() {
    return source + ":" + number + ": " + show(start, end);
  }
}
