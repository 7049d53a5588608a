package io.shoal.hashing.internal;

import io.shoal.hashing.CacheKey;
import io.shoal.hashing.View;

/**
 * Weighted rendezvous (highest random weight) hashing: member i scores
 * {@code -w_i / ln(u_i)} where {@code u_i} in (0, 1) comes from
 * {@code mix64(hash64(key) ^ hash64(id_i))}; the highest score wins. With equal weights the
 * score is monotone in {@code u_i}, so the logarithm is skipped.
 */
public final class RendezvousStrategy extends ScoreStrategy<RendezvousStrategy.Table> {

  record Table(long[] seeds, double[] weights, boolean uniform) {}

  @Override
  public String name() {
    return "rendezvous";
  }

  @Override
  Table table(View view) {
    long[] seeds = new long[view.size()];
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = Hashes.hash64(view.get(i).id());
    }
    return new Table(seeds, KetamaStrategy.weightsOf(view), view.uniformWeights());
  }

  @Override
  long keyHash(CacheKey key) {
    return Hashes.hash64(key.bytes());
  }

  @Override
  double score(Table table, long keyHash, int member) {
    long h = Hashes.mix64(keyHash ^ table.seeds[member]);
    if (table.uniform) {
      return h >>> 11; // 53 bits: exact in a double, same order as -w / ln(u)
    }
    return -table.weights[member] / Math.log(Hashes.unitOpen(h));
  }
}
