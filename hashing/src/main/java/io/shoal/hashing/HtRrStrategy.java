package io.shoal.hashing;

import io.shoal.base.Checks;
import io.shoal.hashing.internal.Hashes;
import io.shoal.hashing.internal.Lookups;
import io.shoal.hashing.internal.Orders;
import io.shoal.hashing.internal.RotationStrategy;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The paper's HT_RR (Kwak and Chung: "the server number is fixed at run time using round
 * robin"), as defined here. A table of B buckets is indexed by {@code hash64(key) mod B}; a
 * bucket with no owner (or whose owner left the view) is given to the next member in round-robin
 * order the first time it is used, and keeps it. A key whose share of the last W lookups exceeds
 * the hot threshold is hot: each of its lookups goes to the next member round-robin, so a
 * popular object is served by all. Every lookup counts as one request.
 *
 * <p>The bucket table, the round-robin cursor and the hot set are the state a cluster
 * replicates, so that every node routes alike.
 */
public final class HtRrStrategy extends RotationStrategy implements Stateful<HtRrStrategy.State> {

  /**
   * The replicated state: the owner id of each bucket (null = unassigned), the round-robin
   * cursor, and the hot keys.
   */
  public record State(List<String> buckets, long cursor, Set<String> hotKeys) {
    public State {
      buckets = java.util.Collections.unmodifiableList(Arrays.asList(buckets.toArray(String[]::new)));
      hotKeys = Set.copyOf(hotKeys);
    }
  }

  private final int bucketCount;
  private final int window;
  private final double hotShare;
  private final AtomicReferenceArray<String> buckets;
  private final AtomicLong cursor = new AtomicLong();
  private final Set<String> hot = ConcurrentHashMap.newKeySet();
  private final ArrayDeque<String> recent;
  private final Map<String, Integer> recentCounts = new HashMap<>();

  HtRrStrategy(int bucketCount, int window, double hotShare) {
    this.bucketCount = Checks.positive("ht-rr buckets", bucketCount);
    this.window = Checks.positive("ht-rr window", window);
    if (!(hotShare > 0 && hotShare <= 1)) {
      throw new IllegalArgumentException("ht-rr hot: " + hotShare + " (expected: 0 < hot <= 1)");
    }
    this.hotShare = hotShare;
    this.buckets = new AtomicReferenceArray<>(bucketCount);
    this.recent = new ArrayDeque<>(window);
  }

  @Override
  public String name() {
    return "ht-rr(buckets=" + bucketCount + ",window=" + window + ",hot=" + hotShare + ")";
  }

  /**
   * Where a request would go now, counting nothing and assigning no bucket: a hot key to the next
   * member in turn, else its bucket's member, else the member the bucket would be given.
   */
  @Override
  public List<Member> peek(CacheKey key, View view) {
    Lookups.check(key, view);
    int next = (int) Math.floorMod(cursor.get(), (long) view.size());
    if (isHot(key)) {
      return Orders.rotation(view, next);
    }
    String assigned = buckets.get(bucket(key));
    int index = assigned == null ? -1 : view.indexOf(assigned);
    return Orders.rotation(view, index >= 0 ? index : next);
  }

  /** Whether {@code key} is currently hot. */
  public boolean isHot(CacheKey key) {
    return hot.contains(key.toString());
  }

  /** Counts the lookup; a hot key's next member in turn, else its bucket's member (assigned now if none). */
  @Override
  protected int ownerIndex(CacheKey key, View view) {
    if (record(key.toString())) {
      return nextRoundRobin(view);
    }
    int bucket = bucket(key);
    while (true) {
      String assigned = buckets.get(bucket);
      int index = assigned == null ? -1 : view.indexOf(assigned);
      if (index >= 0) {
        return index;
      }
      int chosen = nextRoundRobin(view);
      if (buckets.compareAndSet(bucket, assigned, view.get(chosen).id())) {
        return chosen;
      }
    }
  }

  private int bucket(CacheKey key) {
    return (int) Long.remainderUnsigned(Hashes.hash64(key.bytes()), bucketCount);
  }

  private int nextRoundRobin(View view) {
    return (int) Math.floorMod(cursor.getAndIncrement(), (long) view.size());
  }

  /** Counts one lookup of {@code key} in the window; returns whether the key is hot. */
  private synchronized boolean record(String key) {
    if (recent.size() == window) {
      String oldest = recent.removeFirst();
      int left = recentCounts.merge(oldest, -1, Integer::sum);
      if (left == 0) {
        recentCounts.remove(oldest);
      }
      if (left <= hotShare * window) {
        hot.remove(oldest);
      }
    }
    recent.addLast(key);
    int count = recentCounts.merge(key, 1, Integer::sum);
    if (count > hotShare * window) {
      hot.add(key);
    }
    return hot.contains(key);
  }

  @Override
  public State exportState() {
    String[] owners = new String[bucketCount];
    for (int i = 0; i < bucketCount; i++) {
      owners[i] = buckets.get(i);
    }
    return new State(Arrays.asList(owners), cursor.get(), Set.copyOf(hot));
  }

  @Override
  public void importState(State state) {
    Objects.requireNonNull(state, "state");
    if (state.buckets.size() != bucketCount) {
      throw new IllegalArgumentException("ht-rr state: " + state.buckets.size()
          + " buckets (expected: " + bucketCount + ")");
    }
    for (int i = 0; i < bucketCount; i++) {
      buckets.set(i, state.buckets.get(i));
    }
    cursor.set(state.cursor);
    hot.clear();
    hot.addAll(state.hotKeys);
  }
}
