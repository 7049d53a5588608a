package io.shoal.node.internal.cache;

/**
 * The heap a stored response takes, in bytes, as the cache's weigher counts it: the sizes of the
 * objects an entry holds on a 64-bit JVM with compressed references (12-byte object headers,
 * 16-byte array headers, 8-byte alignment; heaps under 32 GB), so {@code cache.size} is the heap
 * the entries really take. {@code StoredResponseFootprintTest} checks these against a class
 * histogram.
 */
final class Footprint {
  /** A {@link StoredResponse}: header, two ints, three longs, three references. */
  static final int STORED_RESPONSE = 56;
  /** A String without its array: header, array reference, hash, coder, hashIsZero. */
  static final int STRING = 24;
  /**
   * The cache's own cost per entry: Caffeine's node (40 B), the ConcurrentHashMap node (32 B),
   * its share of the table (about 16 B: up to four slots of 4 B per entry after resizes) and of
   * the frequency sketch (8 B).
   */
  static final int CACHE_ENTRY = 96;

  private Footprint() {}

  /** One entry: the response with head and body arrays of these lengths, under a key of {@code keyChars} Latin-1 chars. */
  static int entry(int headLength, int bodyLength, int keyChars) {
    long bytes = CACHE_ENTRY + STORED_RESPONSE + array(headLength) + array(bodyLength) + STRING + array(keyChars);
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }

  /** A byte array of {@code length} bytes. */
  static long array(int length) {
    return (16L + length + 7) & ~7L;
  }
}
