package io.shoal.hashing.internal;

import io.shoal.base.Checks;
import io.shoal.hashing.CacheKey;
import io.shoal.hashing.Member;
import io.shoal.hashing.Strategy;
import io.shoal.hashing.View;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Multi-probe consistent hashing (Appleton and O'Reilly, 2015). Each member has one point on a
 * 64-bit ring, {@code hash64(id)} (a member of weight w has {@code round(w / min weight)}
 * points, {@code hash64(id + "#" + j)} past the first). The key is probed k times at
 * {@code h + i * s}, where {@code h = hash64(key)} and {@code s = mix64(h) | 1}; the point closest clockwise to
 * any probe wins. Failover orders members by their own closest distance to any probe.
 */
public final class MultiProbeStrategy implements Strategy {
  private final int probes;
  private final ViewCache<Ring> rings = new ViewCache<>(MultiProbeStrategy::ring);

  public MultiProbeStrategy(int probes) {
    this.probes = Checks.positive("multi-probe probes", probes);
  }

  @Override
  public String name() {
    return "multi-probe(probes=" + probes + ")";
  }

  @Override
  public Member owner(CacheKey key, View view) {
    Lookups.check(key, view);
    Ring ring = rings.get(view);
    long h0 = Hashes.hash64(key.bytes());
    long step = Hashes.mix64(h0) | 1;
    int bestPosition = 0;
    long bestDistance = -1; // unsigned max
    for (int i = 0; i < probes; i++) {
      long probe = h0 + i * step;
      int position = ring.ceiling(probe ^ Long.MIN_VALUE);
      long distance = (ring.point(position) ^ Long.MIN_VALUE) - probe;
      if (Long.compareUnsigned(distance, bestDistance) < 0) {
        bestDistance = distance;
        bestPosition = position;
      }
    }
    return view.get(ring.owner(bestPosition));
  }

  @Override
  public List<Member> candidates(CacheKey key, View view) {
    Lookups.check(key, view);
    Ring ring = rings.get(view);
    long h0 = Hashes.hash64(key.bytes());
    long step = Hashes.mix64(h0) | 1;
    long[] closest = new long[view.size()];
    Arrays.fill(closest, -1);
    for (int p = 0; p < ring.size(); p++) {
      long point = ring.point(p) ^ Long.MIN_VALUE;
      int owner = ring.owner(p);
      for (int i = 0; i < probes; i++) {
        long distance = point - (h0 + i * step);
        if (Long.compareUnsigned(distance, closest[owner]) < 0) {
          closest[owner] = distance;
        }
      }
    }
    Integer[] order = IntStream.range(0, view.size()).boxed().toArray(Integer[]::new);
    Arrays.sort(order, (a, b) -> Long.compareUnsigned(closest[a], closest[b]));
    return Orders.members(view, Arrays.stream(order).mapToInt(Integer::intValue).toArray());
  }

  private static Ring ring(View view) {
    double minWeight = view.members().stream().mapToDouble(Member::weight).min().orElseThrow();
    int[] counts = new int[view.size()];
    int total = 0;
    for (int i = 0; i < counts.length; i++) {
      counts[i] = (int) Math.max(1, Math.round(view.get(i).weight() / minWeight));
      total += counts[i];
    }
    long[] points = new long[total];
    int[] owners = new int[total];
    int at = 0;
    for (int i = 0; i < counts.length; i++) {
      String id = view.get(i).id();
      for (int j = 0; j < counts[i]; j++) {
        long point = Hashes.hash64(j == 0 ? id : id + "#" + j);
        points[at] = point ^ Long.MIN_VALUE; // signed order == unsigned order of the hash
        owners[at++] = i;
      }
    }
    return Ring.of(points, owners, view.size(), Ring.Space.FLIPPED_64);
  }
}
