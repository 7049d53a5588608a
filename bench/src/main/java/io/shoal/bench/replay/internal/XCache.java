package io.shoal.bench.replay.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One {@code X-Cache} value, split once: its first word (the result: {@code HIT}, {@code MISS},
 * ...), whether that is a hit ({@code HIT} or {@code STALE}) and the node after {@code " from "},
 * if any. A connection sees the same few values over and over, so {@link Seen} hands out the
 * instance it made the first time instead of a new string per response.
 */
public final class XCache {
  private final byte[] bytes;
  private final String value;
  private final String result;
  private final String node;
  private final boolean hit;

  private XCache(byte[] bytes) {
    this.bytes = bytes;
    this.value = new String(bytes, StandardCharsets.ISO_8859_1);
    int space = value.indexOf(' ');
    this.result = space < 0 ? value : value.substring(0, space);
    int from = value.indexOf(" from ");
    this.node = from < 0 ? null : value.substring(from + 6).strip();
    this.hit = result.equals("HIT") || result.equals("STALE");
  }

  /** The parsed form of {@code value} (trimmed). */
  public static XCache of(String value) {
    return new XCache(value.strip().getBytes(StandardCharsets.ISO_8859_1));
  }

  /** The whole value, e.g. {@code "HIT from node-1"}. */
  public String value() {
    return value;
  }

  /** The first word, e.g. {@code "HIT"}. */
  public String result() {
    return result;
  }

  /** The node after {@code " from "}, or null. */
  public String node() {
    return node;
  }

  public boolean hit() {
    return hit;
  }

  @Override
  public String toString() {
    return value;
  }

  /** The last few values one connection has seen; not thread-safe. */
  static final class Seen {
    private final XCache[] values = new XCache[8];
    private int next;

    /** The value in {@code a} between {@code from} and {@code to} (already trimmed). */
    XCache get(byte[] a, int from, int to) {
      for (XCache x : values) {
        if (x != null && Arrays.equals(x.bytes, 0, x.bytes.length, a, from, to)) {
          return x;
        }
      }
      XCache x = new XCache(Arrays.copyOfRange(a, from, to));
      values[next] = x;
      next = (next + 1) % values.length;
      return x;
    }
  }
}
