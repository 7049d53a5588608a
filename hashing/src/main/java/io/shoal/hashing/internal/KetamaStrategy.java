package io.shoal.hashing.internal;

import io.shoal.hashing.Member;
import io.shoal.hashing.View;
import java.nio.charset.StandardCharsets;

/**
 * libketama's continuum. Member i gets {@code ks = floor(w_i / W * 40 * N)} digests
 * {@code MD5("<id>-<k>")}, each cut into four little-endian 32-bit points; a key goes to the
 * first point at or after {@code ketama_hashi(key)}, wrapping. Float rounding follows libketama
 * ({@code float pct}, {@code floorf}) so the point counts match it exactly.
 */
public final class KetamaStrategy extends ContinuumStrategy {
  private final ViewCache<Ring> rings = new ViewCache<>(view -> ring(view, weightsOf(view)));

  @Override
  public String name() {
    return "ketama";
  }

  @Override
  protected Ring ring(View view) {
    return rings.get(view);
  }

  /** The continuum of {@code view} with the given per-member weights. */
  public static Ring ring(View view, double[] weights) {
    int n = view.size();
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    int[] counts = new int[n];
    int points = 0;
    for (int i = 0; i < n; i++) {
      float pct = (float) weights[i] / (float) total;
      counts[i] = (int) Math.floor((float) (pct * 40.0 * (float) n));
      points += 4 * counts[i];
    }
    if (points == 0) {
      throw new IllegalArgumentException("ketama: no member gets a point (weights too uneven)");
    }
    long[] ring = new long[points];
    int[] owners = new int[points];
    int at = 0;
    for (int i = 0; i < n; i++) {
      String id = view.get(i).id();
      for (int k = 0; k < counts[i]; k++) {
        byte[] d = Hashes.md5((id + "-" + k).getBytes(StandardCharsets.UTF_8));
        for (int h = 0; h < 4; h++) {
          ring[at] = Hashes.littleEndian32(d, 4 * h);
          owners[at++] = i;
        }
      }
    }
    return Ring.of(ring, owners, n, Ring.Space.UNSIGNED_32);
  }

  static double[] weightsOf(View view) {
    return view.members().stream().mapToDouble(Member::weight).toArray();
  }
}
