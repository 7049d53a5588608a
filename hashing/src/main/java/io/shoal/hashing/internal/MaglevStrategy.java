package io.shoal.hashing.internal;

import com.google.common.hash.Hashing;
import com.google.common.math.IntMath;
import io.shoal.hashing.CacheKey;
import io.shoal.hashing.Member;
import io.shoal.hashing.Strategy;
import io.shoal.hashing.View;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Maglev hashing (Eisenbud et al., NSDI 2016). Each member's permutation of the prime table is
 * {@code (offset + j * skip) mod M}, offset and skip from two seeded MurmurHash3 hashes of its
 * id; members take turns claiming their next free entry until the table is full. Weights give
 * turns in proportion (with equal weights this is the paper's loop exactly). A key owns entry
 * {@code hash64(key) mod M}; failover walks the table onward.
 */
public final class MaglevStrategy implements Strategy {
  private static final int OFFSET_SEED = 0x4d61676c;
  private static final int SKIP_SEED = 0x65763131;

  private final int tableSize;
  private final ViewCache<int[]> tables;

  public MaglevStrategy(int tableSize) {
    if (tableSize < 3 || !IntMath.isPrime(tableSize)) {
      throw new IllegalArgumentException(
          "maglev size: " + tableSize + " (expected: a prime >= 3, e.g. 65537)");
    }
    this.tableSize = tableSize;
    this.tables = new ViewCache<>(this::populate);
  }

  @Override
  public String name() {
    return "maglev(size=" + tableSize + ")";
  }

  @Override
  public List<Member> candidates(CacheKey key, View view) {
    Lookups.check(key, view);
    int[] table = tables.get(view);
    int start = (int) Long.remainderUnsigned(Hashes.hash64(key.bytes()), tableSize);
    int[] order = new int[view.size()];
    boolean[] seen = new boolean[view.size()];
    int found = 0;
    for (int step = 0; step < tableSize && found < order.length; step++) {
      int owner = table[(start + step) % tableSize];
      if (!seen[owner]) {
        seen[owner] = true;
        order[found++] = owner;
      }
    }
    return Orders.members(view, order);
  }

  @Override
  public Member owner(CacheKey key, View view) {
    Lookups.check(key, view);
    int[] table = tables.get(view);
    return view.get(table[(int) Long.remainderUnsigned(Hashes.hash64(key.bytes()), tableSize)]);
  }

  /** The lookup table of {@code view}: entry to member index. */
  int[] populate(View view) {
    int n = view.size();
    if (n >= tableSize) {
      throw new IllegalArgumentException("maglev size: " + tableSize
          + " for " + n + " members (expected: a table larger than the view, ideally 100x)");
    }
    long[] offset = new long[n];
    long[] skip = new long[n];
    double[] share = new double[n];
    double maxWeight = view.members().stream().mapToDouble(Member::weight).max().orElseThrow();
    for (int i = 0; i < n; i++) {
      offset[i] = offset(view.get(i).id(), tableSize);
      skip[i] = skip(view.get(i).id(), tableSize);
      share[i] = view.get(i).weight() / maxWeight;
    }
    return fill(offset, skip, share, tableSize);
  }

  /** Where member {@code id}'s permutation of a table of {@code size} entries starts. */
  public static long offset(String id, int size) {
    return Long.remainderUnsigned(seeded(OFFSET_SEED, id), size);
  }

  /** The step of member {@code id}'s permutation of a table of {@code size} entries. */
  public static long skip(String id, int size) {
    return Long.remainderUnsigned(seeded(SKIP_SEED, id), size - 1) + 1;
  }

  private static long seeded(int seed, String id) {
    return Hashing.murmur3_128(seed).hashBytes(id.getBytes(StandardCharsets.UTF_8)).asLong();
  }

  /**
   * The paper's population loop: member i claims {@code (offset[i] + j * skip[i]) mod size} for
   * j = 0, 1, ... skipping taken entries, members taking turns; {@code share[i]} in (0, 1] is the
   * fraction of turns member i takes (1 for all in the paper).
   */
  static int[] fill(long[] offset, long[] skip, double[] share, int size) {
    int n = offset.length;
    int[] entry = new int[size];
    Arrays.fill(entry, -1);
    long[] next = new long[n];
    double[] credit = new double[n];
    int filled = 0;
    while (true) {
      for (int i = 0; i < n; i++) {
        credit[i] += share[i];
        if (credit[i] < 1) {
          continue;
        }
        credit[i] -= 1;
        int c = (int) ((offset[i] + next[i] * skip[i]) % size);
        while (entry[c] >= 0) {
          next[i]++;
          c = (int) ((offset[i] + next[i] * skip[i]) % size);
        }
        entry[c] = i;
        next[i]++;
        if (++filled == size) {
          return entry;
        }
      }
    }
  }
}
