package io.shoal.node.internal.cache;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The scheme and authority of stored keys ({@code http://example.org:8080}), numbered once for
 * the whole process ({@link Numbering}), so a stored key holds two bytes for them instead of their
 * text: about 20 bytes less per object, and in a reverse proxy every key shares one. Keys with a
 * prefix that got no number keep the text.
 *
 * <p>A key's bytes: {@code 0x80 | id >> 8, id & 0xFF}, then the rest of the key in UTF-8; or
 * {@code 0}, then the whole key in UTF-8.
 */
final class KeyPrefixes {
  private static final Numbering PREFIXES = new Numbering();

  private KeyPrefixes() {}

  /** {@code key} as stored. */
  static byte[] encode(String key) {
    int end = prefixEnd(key);
    int id = end < 0 ? 0 : PREFIXES.idOf(key.substring(0, end));
    if (id == 0) {
      byte[] text = key.getBytes(StandardCharsets.UTF_8);
      byte[] out = new byte[text.length + 1];
      System.arraycopy(text, 0, out, 1, text.length);
      return out;
    }
    byte[] rest = key.substring(end).getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[rest.length + 2];
    out[0] = (byte) (0x80 | id >> 8);
    out[1] = (byte) id;
    System.arraycopy(rest, 0, out, 2, rest.length);
    return out;
  }

  /** The prefix {@code data[at, at + length)} (an encoded key) starts with: "" for a key kept whole. */
  static String prefix(byte[] data, int at) {
    return data[at] == 0 ? "" : PREFIXES.get((data[at] & 0x7F) << 8 | data[at + 1] & 0xFF);
  }

  /** Where the text of the key encoded at {@code data[at]} begins (after the prefix's number or the marker). */
  static int textStart(byte[] data, int at) {
    return at + (data[at] == 0 ? 1 : 2);
  }

  /** The key encoded in {@code data[at, end)}. */
  static String decode(byte[] data, int at, int end) {
    int text = textStart(data, at);
    return prefix(data, at) + new String(data, text, end - text, StandardCharsets.UTF_8);
  }

  /** Whether the key encoded in {@code data[at, end)} is {@code key}. */
  static boolean matches(byte[] data, int at, int end, String key) {
    String prefix = prefix(data, at);
    if (!key.startsWith(prefix)) {
      return false;
    }
    int text = textStart(data, at);
    int n = key.length();
    if (n - prefix.length() > end - text) {
      return false;
    }
    int j = text;
    for (int i = prefix.length(); i < n; i++, j++) {
      char c = key.charAt(i);
      if (c >= 0x80) {
        byte[] utf8 = key.substring(i).getBytes(StandardCharsets.UTF_8);
        return Arrays.equals(utf8, 0, utf8.length, data, j, end);
      }
      if (data[j] != c) {
        return false;
      }
    }
    return j == end;
  }

  /** The hash of the key String encoded in {@code data[at, end)}. */
  static int hash(byte[] data, int at, int end) {
    int h = prefix(data, at).hashCode();
    for (int i = textStart(data, at); i < end; i++) {
      if (data[i] < 0) {
        return decode(data, at, end).hashCode();
      }
      h = 31 * h + data[i];
    }
    return h;
  }

  /** The end of the scheme and authority of {@code key}, or -1 when it has none. */
  private static int prefixEnd(String key) {
    int scheme = key.indexOf("://");
    if (scheme <= 0) {
      return -1;
    }
    int slash = key.indexOf('/', scheme + 3);
    return slash < 0 ? key.length() : slash;
  }
}
