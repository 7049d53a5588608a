package io.shoal.bench.origin;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The URLs of trace objects on the benchmark origin: {@code /o/SIZE/NAME}, where {@code NAME} is
 * the object id with an extension ({@code 123.html}, {@code 123.jpg}) or the host and path of a
 * URL key ({@code www.bu.edu/a/b.gif}). Both the replay client and the origin read this one
 * mapping, so a size travels in the URL and the origin needs no trace.
 *
 * <p>A URL key's query, if any, becomes {@code ;q=HEX} (a hash) at the end of the name, so that
 * distinct URLs stay distinct and the path carries no {@code ?} (some proxies treat queries as
 * uncacheable). Characters outside the RFC 3986 path set are percent-encoded.
 */
public final class ObjectUrls {
  /** The prefix of every object path. */
  public static final String PREFIX = "/o/";

  private ObjectUrls() {}

  /**
   * The origin path of a trace object.
   *
   * @param key the trace key: an object id or a URL ({@code scheme://host/path} or {@code /path})
   * @param size the body size in bytes, {@code >= 0}
   * @param imageShare the share of id keys served as JPEG images, 0..1 (chosen by a hash of the
   *     id, so the same id is always the same type)
   */
  public static String path(String key, long size, double imageShare) {
    Objects.requireNonNull(key, "key");
    if (size < 0) {
      throw new IllegalArgumentException("size: " + size + " (expected: >= 0)");
    }
    if (!(imageShare >= 0 && imageShare <= 1)) {
      throw new IllegalArgumentException("imageShare: " + imageShare + " (expected: 0..1)");
    }
    return PREFIX + size + "/" + name(key, imageShare);
  }

  /** The name part of {@link #path}: what a loaded trace is looked up by. */
  public static String name(String key, double imageShare) {
    if (isId(key)) {
      return key + (isImage(key, imageShare) ? ".jpg" : ".html");
    }
    String rest = key;
    int scheme = rest.indexOf("://");
    if (scheme > 0) {
      rest = rest.substring(scheme + 3);
    }
    while (rest.startsWith("/")) {
      rest = rest.substring(1);
    }
    String query = null;
    int q = rest.indexOf('?');
    if (q >= 0) {
      query = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      rest = rest.substring(0, hash);
    }
    StringBuilder s = new StringBuilder(rest.length() + 16);
    encode(rest.isEmpty() ? "index.html" : rest, s);
    if (query != null) {
      s.append(";q=").append(Integer.toHexString(query.hashCode()));
    }
    return s.toString();
  }

  /**
   * The size in the path {@code /o/SIZE/NAME}, or -1 if the path is not of that form.
   */
  public static long size(String path) {
    if (!path.startsWith(PREFIX)) {
      return -1;
    }
    int end = path.indexOf('/', PREFIX.length());
    if (end <= PREFIX.length() || end - PREFIX.length() > 18) {
      return -1;
    }
    long n = 0;
    for (int i = PREFIX.length(); i < end; i++) {
      char c = path.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /** The name in a path {@code /o/SIZE/NAME}, or the path without its leading slash otherwise. */
  public static String nameOf(String path) {
    if (size(path) >= 0) {
      return path.substring(path.indexOf('/', PREFIX.length()) + 1);
    }
    return path.startsWith("/") ? path.substring(1) : path;
  }

  /** The lower-case extension of the last segment of a name ({@code ""} if none). */
  public static String extension(String name) {
    int slash = name.lastIndexOf('/');
    int end = name.length();
    int semicolon = name.indexOf(';', slash + 1);
    if (semicolon >= 0) {
      end = semicolon;
    }
    int dot = name.lastIndexOf('.', end - 1);
    if (dot <= slash) {
      return "";
    }
    return name.substring(dot + 1, end).toLowerCase(java.util.Locale.ROOT);
  }

  private static boolean isId(String key) {
    if (key.isEmpty() || key.length() > 19) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isImage(String id, double imageShare) {
    if (imageShare <= 0) {
      return false;
    }
    long h = Long.parseLong(id) * 0x9E3779B97F4A7C15L;
    h ^= h >>> 31;
    double u = (h >>> 11) * 0x1.0p-53;
    return u < imageShare;
  }

  private static void encode(String s, StringBuilder out) {
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || "-._~!$&'()*+,=:@/".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
  }
}
