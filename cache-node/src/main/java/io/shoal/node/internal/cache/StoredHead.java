package io.shoal.node.internal.cache;

import io.shoal.node.internal.http.Fields;
import io.shoal.node.internal.http.HttpDates;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The header fields of a stored response held in one byte array, in their order, a few bytes per
 * field beyond the value itself: no String, array or map per field.
 *
 * <p>Layout, one entry after the other:
 * <ul>
 *   <li>{@code i} (1 to 63): the name {@code NAMES[i]} (spelled exactly so), then the value;</li>
 *   <li>{@code 0x80 | i}: the name {@code NAMES[i]} with an HTTP-date value that
 *       {@link HttpDates#imfFixdate} writes again byte for byte: 4 bytes, the seconds since the
 *       epoch, unsigned big-endian;</li>
 *   <li>{@code 0x40 | i}: the name {@code NAMES[i]} with the value {@code max-age=N} ({@code N}
 *       in decimal without leading zeros, below 2^31): N as a varint;</li>
 *   <li>{@code 0xFE}: a name numbered for the process ({@link Numbering}, 2 bytes), then the value;</li>
 *   <li>{@code 0}: a name of its own (varint length, bytes), then the value;</li>
 *   <li>{@code 0xFF}: the entry after it is one of the original's validators kept with a
 *       distilled variant (never written out with the response).</li>
 * </ul>
 * A value is a varint length and its bytes. Each char is kept as its low byte (ISO-8859-1), which
 * is what the HTTP/1.1 writer sends for it, so a field read back is written out unchanged.
 */
public final class StoredHead {
  /** Field names written as one byte; index 0 is unused. */
  public static final List<String> NAMES = List.of("", "Cache-Control", "Content-Type", "Date", "ETag",
      "Expires", "Last-Modified", "Vary", "Content-Encoding", "Content-Language", "Content-Location",
      "Content-Disposition", "Location", "Accept-Ranges", "Server", "Access-Control-Allow-Origin",
      "Link", "Strict-Transport-Security", "X-Content-Type-Options", "X-Frame-Options", "Alt-Svc",
      "Content-Security-Policy", "Referrer-Policy", "Timing-Allow-Origin", "X-XSS-Protection",
      "Pragma", "Age", "Via", "Allow", "Retry-After", "WWW-Authenticate", "Content-Range",
      "Access-Control-Expose-Headers", "Cross-Origin-Resource-Policy", "P3P", "X-Powered-By");
  private static final int DATE = 0x80;
  private static final int MAX_AGE = 0x40;
  private static final String MAX_AGE_PREFIX = "max-age=";
  private static final int ORIGINAL = 0xFF;
  private static final int NUMBERED = 0xFE;
  /** The names not in {@link #NAMES} (such as an origin's own X- fields), numbered as first stored. */
  private static final Numbering OTHER_NAMES = new Numbering();
  private static final byte[] EMPTY = new byte[0];
  private static final int CACHE_CONTROL = NAMES.indexOf("Cache-Control");

  private StoredHead() {}

  /** {@code fields}, and for a distilled variant the {@code original}'s validators (else null), as one array. */
  public static byte[] encode(Fields fields, Fields original) {
    if (fields.size() == 0 && original == null) {
      return EMPTY;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + fields.size() * 24);
    fields.forEach((n, v) -> entry(out, n, v));
    if (original != null) {
      original.forEach((n, v) -> {
        out.write(ORIGINAL);
        entry(out, n, v);
      });
      if (original.size() == 0) {
        out.write(ORIGINAL); // a lone marker at the end: the original had no validators
      }
    }
    return out.toByteArray();
  }

  /** The response's fields, in order. */
  public static Fields fields(byte[] head) {
    return fields(head, 0, head.length);
  }

  /** The response's fields of the head in {@code data[from, to)}, in order. */
  static Fields fields(byte[] data, int from, int to) {
    Fields.Builder b = Fields.builder();
    for (Cursor c = new Cursor(data, from, to); c.next(); ) {
      b.add(c.name(), c.value());
    }
    return b.build();
  }

  /** The original's validators kept with a distilled variant (maybe none), or null for a response stored as sent. */
  public static Fields original(byte[] head) {
    return original(head, 0, head.length);
  }

  static Fields original(byte[] data, int from, int to) {
    Fields.Builder b = null;
    Cursor c = new Cursor(data, from, to);
    while (c.nextOfAny()) {
      if (c.original) {
        b = b == null ? Fields.builder() : b;
        b.add(c.name(), c.value());
      }
    }
    return b != null ? b.build() : c.original ? Fields.empty() : null;
  }

  /** The first value of the response's field {@code name} (any case), or null. */
  public static String get(byte[] head, String name) {
    return get(head, 0, head.length, name);
  }

  static String get(byte[] data, int from, int to, String name) {
    for (Cursor c = new Cursor(data, from, to); c.next(); ) {
      if (c.nameIs(name)) {
        return c.value();
      }
    }
    return null;
  }

  private static void entry(ByteArrayOutputStream out, String name, String value) {
    int known = NAMES.indexOf(name);
    if (known > 0) {
      long date = isDate(known) ? HttpDates.canonicalSeconds(value) : -1;
      if (date >= 0) {
        out.write(DATE | known);
        for (int shift = 24; shift >= 0; shift -= 8) {
          out.write((int) (date >>> shift));
        }
        return;
      }
      int maxAge = known == CACHE_CONTROL ? maxAge(value) : -1;
      if (maxAge >= 0) {
        out.write(MAX_AGE | known);
        varint(out, maxAge);
        return;
      }
      out.write(known);
    } else {
      int id = OTHER_NAMES.idOf(name);
      if (id > 0) {
        out.write(NUMBERED);
        out.write(id >> 8);
        out.write(id);
      } else {
        out.write(0);
        text(out, name);
      }
    }
    text(out, value);
  }

  private static boolean isDate(int known) {
    String n = NAMES.get(known);
    return n.equals("Date") || n.equals("Last-Modified") || n.equals("Expires");
  }

  /** N of a value {@code max-age=N} written as {@link #MAX_AGE} reads it back, else -1. */
  private static int maxAge(String value) {
    int n = value.length() - MAX_AGE_PREFIX.length();
    if (n < 1 || n > 9 || !value.startsWith(MAX_AGE_PREFIX) || n > 1 && value.charAt(MAX_AGE_PREFIX.length()) == '0') {
      return -1;
    }
    int v = 0;
    for (int i = MAX_AGE_PREFIX.length(); i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + c - '0';
    }
    return v;
  }

  private static void varint(ByteArrayOutputStream out, int v) {
    for (; v >= 0x80; v >>>= 7) {
      out.write(v & 0x7F | 0x80);
    }
    out.write(v);
  }

  private static void text(ByteArrayOutputStream out, String s) {
    int n = s.length();
    varint(out, n);
    for (int i = 0; i < n; i++) {
      out.write(s.charAt(i));
    }
  }

  /**
   * Walks the fields of a head: {@link #next} moves to the response's next field, then
   * {@link #name}, {@link #known} and {@link #value} describe it. One per walk, not thread-safe.
   */
  public static final class Cursor {
    private final byte[] head;
    private final int end;
    private int pos;
    private boolean original;
    private int known;
    private int nameStart;
    private int nameLength;
    private int valueStart;
    private int valueLength;
    private long date;
    private int maxAge;
    /** The name when it is numbered, else null. */
    private String numbered;

    /** A cursor over the head in {@code data[from, to)}. */
    public Cursor(byte[] data, int from, int to) {
      this.head = data;
      this.pos = from;
      this.end = to;
    }

    /** Moves to the response's next field; false after the last. */
    public boolean next() {
      while (nextOfAny()) {
        if (!original) {
          return true;
        }
      }
      return false;
    }

    private boolean nextOfAny() {
      if (pos >= end) {
        original = false;
        return false;
      }
      int tag = head[pos++] & 0xFF;
      original = tag == ORIGINAL;
      if (original) {
        if (pos == end) {
          return false; // the lone marker: original stays true
        }
        tag = head[pos++] & 0xFF;
      }
      date = -1;
      maxAge = -1;
      numbered = null;
      if (tag == NUMBERED) {
        known = 0;
        numbered = OTHER_NAMES.get((head[pos] & 0xFF) << 8 | head[pos + 1] & 0xFF);
        pos += 2;
      } else if (tag == 0) {
        known = 0;
        nameLength = length();
        nameStart = pos;
        pos += nameLength;
      } else if ((tag & (DATE | MAX_AGE)) == MAX_AGE) {
        known = tag & ~MAX_AGE;
        maxAge = length();
        return true;
      } else if ((tag & DATE) != 0) {
        known = tag & ~DATE;
        date = (head[pos] & 0xFFL) << 24 | (head[pos + 1] & 0xFF) << 16 | (head[pos + 2] & 0xFF) << 8
            | head[pos + 3] & 0xFF;
        pos += 4;
        return true;
      } else {
        known = tag;
      }
      valueLength = length();
      valueStart = pos;
      pos += valueLength;
      return true;
    }

    private int length() {
      int v = 0;
      for (int shift = 0; ; shift += 7) {
        int b = head[pos++];
        v |= (b & 0x7F) << shift;
        if (b >= 0) {
          return v;
        }
      }
    }

    /** The index of the field's name in {@link #NAMES}, or 0 for a name of its own. */
    public int known() {
      return known;
    }

    public String name() {
      if (known > 0) {
        return NAMES.get(known);
      }
      return numbered != null ? numbered : new String(head, nameStart, nameLength, StandardCharsets.ISO_8859_1);
    }

    /** Whether the field is named {@code name}, in any case. */
    public boolean nameIs(String name) {
      if (known > 0 || numbered != null) {
        return name().equalsIgnoreCase(name);
      }
      if (name.length() != nameLength) {
        return false;
      }
      for (int i = 0; i < nameLength; i++) {
        char a = (char) (head[nameStart + i] & 0xFF);
        char b = name.charAt(i);
        if (a != b && Character.toLowerCase(a) != Character.toLowerCase(b)) {
          return false;
        }
      }
      return true;
    }

    public String value() {
      if (date >= 0) {
        return HttpDates.imfFixdate(date);
      }
      return maxAge >= 0 ? MAX_AGE_PREFIX + maxAge : new String(head, valueStart, valueLength, StandardCharsets.ISO_8859_1);
    }
  }
}
