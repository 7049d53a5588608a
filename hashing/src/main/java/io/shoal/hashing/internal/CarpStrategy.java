package io.shoal.hashing.internal;

import io.shoal.hashing.CacheKey;
import io.shoal.hashing.View;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * CARP v1.0 (draft-vinod-carp-v1-03) as Squid's {@code carp.cc} computes it, in unsigned 32-bit
 * arithmetic: {@code score = ROTL((u ^ m) * (1 + 0x62531965), 21) * multiplier}; the highest
 * score wins. Bytes are added sign-extended, as Squid does with {@code char} on x86.
 */
public final class CarpStrategy extends ScoreStrategy<CarpStrategy.Table> {
  private static final int MULTIPLIER = 0x62531965;

  /** Per-view precomputation: member hashes and load-factor multipliers, in view order. */
  record Table(int[] memberHashes, double[] multipliers) {}

  @Override
  public String name() {
    return "carp";
  }

  @Override
  long keyHash(CacheKey key) {
    return urlHash(key.bytes());
  }

  @Override
  double score(Table table, long urlHash, int member) {
    int combined = (int) urlHash ^ table.memberHashes[member];
    combined += combined * MULTIPLIER;
    combined = Integer.rotateLeft(combined, 21);
    return (combined & 0xffffffffL) * table.multipliers[member];
  }

  /** {@code h = 0; for each byte c: h += ROTL(h, 19) + c}. */
  public static int urlHash(byte[] url) {
    int h = 0;
    for (byte c : url) {
      h += Integer.rotateLeft(h, 19) + c;
    }
    return h;
  }

  /** The URL hash of the member name, then {@code h += h * 0x62531965; h = ROTL(h, 21)}. */
  public static int memberHash(String name) {
    int h = urlHash(name.getBytes(StandardCharsets.UTF_8));
    h += h * MULTIPLIER;
    return Integer.rotateLeft(h, 21);
  }

  /**
   * The load-factor multipliers of draft §3.3 for these weights, in the same order. Members are
   * taken by ascending weight, and a load factor below 0.001 counts as 0, as in Squid.
   */
  public static double[] multipliers(double[] weights) {
    int k = weights.length;
    double total = Arrays.stream(weights).sum();
    Integer[] order = IntStream.range(0, k).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> weights[i]));
    double[] out = new double[k];
    double lastFactor = 0;
    double product = 1;
    double lastMultiplier = 0;
    for (int j = 1; j <= k; j++) {
      int i = order[j - 1];
      double factor = weights[i] / total;
      if (Math.floor(factor * 1000.0) == 0.0) {
        factor = 0.0;
      }
      double kk1 = k - j + 1;
      double x = (kk1 * (factor - lastFactor)) / product;
      x += Math.pow(lastMultiplier, kk1);
      x = Math.pow(x, 1.0 / kk1);
      out[i] = x;
      product *= x;
      lastMultiplier = x;
      lastFactor = factor;
    }
    return out;
  }

  @Override
  Table table(View view) {
    int[] hashes = new int[view.size()];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = memberHash(view.get(i).id());
    }
    return new Table(hashes, multipliers(KetamaStrategy.weightsOf(view)));
  }
}
