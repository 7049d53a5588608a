package io.shoal.traces.internal;

import java.util.SplittableRandom;

/**
 * Draws indexes without replacement from a multiset given by counts, in O(log n) per draw (a
 * Fenwick tree of the remaining counts). Deterministic for a seed.
 */
public final class WeightedSampler {
  private final long[] tree;
  private final SplittableRandom random;
  private final int highBit;
  private long remaining;

  public WeightedSampler(long[] counts, long seed) {
    tree = new long[counts.length + 1];
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 0) {
        throw new IllegalArgumentException("counts[" + i + "]: " + counts[i] + " (expected: >= 0)");
      }
      remaining += counts[i];
      add(i, counts[i]);
    }
    random = new SplittableRandom(seed);
    highBit = counts.length == 0 ? 0 : Integer.highestOneBit(counts.length);
  }

  /** How many draws are left. */
  public long remaining() {
    return remaining;
  }

  /** The next index; each index comes up exactly as many times as its count. */
  public int next() {
    if (remaining == 0) {
      throw new IllegalStateException("no draws left");
    }
    long target = random.nextLong(remaining);
    int pos = 0;
    for (int step = highBit; step > 0; step >>= 1) {
      int next = pos + step;
      if (next < tree.length && tree[next] <= target) {
        pos = next;
        target -= tree[next];
      }
    }
    add(pos, -1);
    remaining--;
    return pos;
  }

  private void add(int index, long delta) {
    for (int i = index + 1; i < tree.length; i += i & -i) {
      tree[i] += delta;
    }
  }
}
