package io.shoal.bench.simulate.internal;

import java.util.BitSet;
import java.util.LinkedHashMap;

/**
 * The cache of each node, cold at the start: LRU by bytes, an object larger than the cache never
 * stored. When every object of the trace fits in one node's cache nothing is ever evicted, so
 * a node's cache is then just the set of objects it has stored.
 */
final class Caches {
  private final long capacity;
  private final BitSet[] stored;
  private final Lru[] lru;

  Caches(int nodes, int objects, long objectBytes, long capacity) {
    this.capacity = capacity;
    boolean fits = objectBytes <= capacity;
    this.stored = fits ? new BitSet[nodes] : null;
    this.lru = fits ? null : new Lru[nodes];
    for (int i = 0; i < nodes; i++) {
      if (fits) {
        stored[i] = new BitSet(objects);
      } else {
        lru[i] = new Lru();
      }
    }
  }

  /** Looks {@code object} up on {@code node}: true on a hit; a miss stores it. */
  boolean hit(int node, int object, long size) {
    if (stored != null) {
      if (stored[node].get(object)) {
        return true;
      }
      stored[node].set(object);
      return false;
    }
    return lru[node].hit(object, size);
  }

  private final class Lru {
    private final LinkedHashMap<Integer, Long> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long used;

    boolean hit(int object, long size) {
      if (entries.get(object) != null) {
        return true;
      }
      if (size <= capacity) {
        entries.put(object, size);
        used += size;
        var it = entries.values().iterator();
        while (used > capacity) {
          used -= it.next();
          it.remove();
        }
      }
      return false;
    }
  }
}
