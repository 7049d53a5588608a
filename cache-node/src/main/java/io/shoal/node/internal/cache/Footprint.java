package io.shoal.node.internal.cache;

/**
 * The heap a stored response takes, in bytes, as the cache's weigher counts it: the sizes of the
 * objects an entry holds on a 64-bit JVM with compressed references (12-byte object headers,
 * 16-byte array headers, 8-byte alignment; heaps under 32 GB), so {@code cache.size} is the heap
 * the entries really take. {@code StoredResponseFootprintTest} checks these against a class
 * histogram.
 */
final class Footprint {
  /** A {@link StoredResponse}: header, an int, three longs, a reference. */
  static final int STORED_RESPONSE = 48;
  /**
   * The cache's own cost per entry: Caffeine's node (40 B), the ConcurrentHashMap node (32 B),
   * its share of the map's table (4 B a slot, 1.3 to 2.7 slots an entry: about 8 B) and of the
   * frequency sketch (8 B).
   */
  static final int CACHE_ENTRY = 88;

  private Footprint() {}

  /** One entry: the response with its array (head, key and body) of {@code dataLength} bytes. */
  static int entry(int dataLength) {
    return (int) Math.min(Integer.MAX_VALUE, CACHE_ENTRY + STORED_RESPONSE + array(dataLength));
  }

  /** A byte array of {@code length} bytes. */
  static long array(int length) {
    return (16L + length + 7) & ~7L;
  }
}
