package io.shoal.bench.origin.internal;

import java.nio.ByteBuffer;
import java.util.Random;

/**
 * Deterministic text bodies of any size: windows on one fixed block of pseudo-random words,
 * starting at an offset given by a hash of the object name. The same name and size always give
 * the same bytes; no body is built per request (the windows are read-only views).
 */
public final class Bodies {
  /** The length of the block windows are cut from. */
  static final int BLOCK = 1 << 20;
  private static final ByteBuffer DOUBLED = doubled();

  private Bodies() {}

  /** The body of {@code name} with {@code size} bytes, as read-only buffers. */
  public static ByteBuffer[] of(String name, long size) {
    int start = Math.floorMod(mix(name.hashCode()), BLOCK);
    int n = (int) ((size + BLOCK - 1) / BLOCK);
    ByteBuffer[] parts = new ByteBuffer[Math.max(1, n)];
    long left = size;
    for (int i = 0; i < parts.length; i++) {
      int len = (int) Math.min(BLOCK, left);
      parts[i] = DOUBLED.duplicate().position(start).limit(start + len).slice();
      left -= len;
    }
    return parts;
  }

  /** The first {@code length} bytes of the body of {@code name} (for tests and small bodies). */
  public static byte[] bytes(String name, int length) {
    byte[] out = new byte[length];
    int off = 0;
    for (ByteBuffer b : of(name, length)) {
      int n = b.remaining();
      b.get(out, off, n);
      off += n;
    }
    return out;
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private static ByteBuffer doubled() {
    byte[] block = new byte[BLOCK];
    Random r = new Random(1998);
    String[] words = {"shoal", "cache", "proxy", "node", "hash", "trace", "surge", "origin",
        "<p>", "</p>", "web", "object", "request", "the", "a", "of", "and", "to", "in", "server",
        "client", "cluster", "key", "load", "balance", "<a href=\"/x\">", "</a>", "image"};
    int i = 0;
    while (i < BLOCK) {
      String w = r.nextInt(12) == 0 ? Long.toString(r.nextLong() & 0xFFFFFFFFL, 36)
          : words[r.nextInt(words.length)];
      for (int j = 0; j < w.length() && i < BLOCK; j++) {
        block[i++] = (byte) w.charAt(j);
      }
      if (i < BLOCK) {
        block[i++] = (byte) (r.nextInt(16) == 0 ? '\n' : ' ');
      }
    }
    ByteBuffer b = ByteBuffer.allocateDirect(2 * BLOCK);
    b.put(block).put(block).flip();
    return b.asReadOnlyBuffer();
  }
}
