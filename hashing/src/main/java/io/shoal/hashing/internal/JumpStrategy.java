package io.shoal.hashing.internal;

import io.shoal.base.Checks;
import io.shoal.hashing.CacheKey;
import io.shoal.hashing.Member;
import io.shoal.hashing.Strategy;
import io.shoal.hashing.View;
import java.util.ArrayList;
import java.util.List;

/**
 * Jump consistent hash (Lamping and Veach, 2014) of {@code hash64(key)} over the view's
 * indices. Failover: the owner is removed and the next one is jumped to among the remaining
 * members with {@code mix64(hash + i)}. Jump hash cannot weight members: a view with unequal
 * weights is refused.
 */
public final class JumpStrategy implements Strategy {

  @Override
  public String name() {
    return "jump";
  }

  @Override
  public List<Member> candidates(CacheKey key, View view) {
    Lookups.check(key, view);
    Lookups.uniformWeights(name(), view);
    long hash = Hashes.hash64(key.bytes());
    List<Member> remaining = new ArrayList<>(view.members());
    List<Member> out = new ArrayList<>(view.size());
    for (int i = 0; !remaining.isEmpty(); i++) {
      long h = i == 0 ? hash : Hashes.mix64(hash + i);
      out.add(remaining.remove(bucket(h, remaining.size())));
    }
    return List.copyOf(out);
  }

  @Override
  public Member owner(CacheKey key, View view) {
    Lookups.check(key, view);
    Lookups.uniformWeights(name(), view);
    return view.get(bucket(Hashes.hash64(key.bytes()), view.size()));
  }

  /** The jump hash of {@code key} into {@code buckets} buckets, exactly as in the paper. */
  public static int bucket(long key, int buckets) {
    Checks.positive("buckets", buckets);
    long b = -1;
    long j = 0;
    while (j < buckets) {
      b = j;
      key = key * 2862933555777941757L + 1;
      j = (long) ((b + 1) * ((double) (1L << 31) / (double) ((key >>> 33) + 1)));
    }
    return (int) b;
  }
}
