package io.shoal.hashing.internal;

import io.shoal.hashing.CacheKey;
import io.shoal.hashing.Member;
import io.shoal.hashing.Strategy;
import io.shoal.hashing.View;
import java.util.List;

/**
 * Weighted rendezvous (highest random weight) hashing: member i scores
 * {@code -w_i / ln(u_i)} where {@code u_i} in (0, 1) comes from
 * {@code mix64(hash64(key) ^ hash64(id_i))}; the highest score wins. With equal weights the
 * score is monotone in {@code u_i}, so the logarithm is skipped.
 */
public final class RendezvousStrategy implements Strategy {

  private record Table(long[] seeds, double[] weights, boolean uniform) {}

  private final ViewCache<Table> tables = new ViewCache<>(view -> {
    long[] seeds = new long[view.size()];
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = Hashes.hash64(view.get(i).id());
    }
    return new Table(seeds, KetamaStrategy.weightsOf(view), view.uniformWeights());
  });

  @Override
  public String name() {
    return "rendezvous";
  }

  @Override
  public List<Member> candidates(CacheKey key, View view) {
    Checks.lookup(key, view);
    Table table = tables.get(view);
    long keyHash = Hashes.hash64(key.bytes());
    double[] scores = new double[table.seeds.length];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = score(table, keyHash, i);
    }
    return Orders.byScoreDescending(view, scores);
  }

  @Override
  public Member owner(CacheKey key, View view) {
    Checks.lookup(key, view);
    Table table = tables.get(view);
    long keyHash = Hashes.hash64(key.bytes());
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < table.seeds.length; i++) {
      double score = score(table, keyHash, i);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    return view.get(best);
  }

  private static double score(Table table, long keyHash, int member) {
    long h = Hashes.mix64(keyHash ^ table.seeds[member]);
    if (table.uniform) {
      return h >>> 11; // 53 bits: exact in a double, same order as -w / ln(u)
    }
    return -table.weights[member] / Math.log(Hashes.unitOpen(h));
  }
}
