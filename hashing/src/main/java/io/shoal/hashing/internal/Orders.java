package io.shoal.hashing.internal;

import io.shoal.hashing.Member;
import io.shoal.hashing.View;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Turning per-member indices and scores into candidate lists. */
public final class Orders {
  private Orders() {}

  /** The members at these view indices, in this order. */
  public static List<Member> members(View view, int[] indices) {
    Member[] out = new Member[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = view.get(indices[i]);
    }
    return List.of(out);
  }

  /** View members starting at {@code first} and wrapping around. */
  public static List<Member> rotation(View view, int first) {
    int n = view.size();
    List<Member> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(view.get((first + i) % n));
    }
    return out;
  }

  /** View members by descending score; equal scores keep view order. */
  public static List<Member> byScoreDescending(View view, double[] scores) {
    Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -scores[i]));
    Member[] out = new Member[order.length];
    for (int i = 0; i < order.length; i++) {
      out[i] = view.get(order[i]);
    }
    return List.of(out);
  }

  /** The index of the highest score; the first one on ties. */
  public static int argMax(double[] scores) {
    int best = 0;
    for (int i = 1; i < scores.length; i++) {
      if (scores[i] > scores[best]) {
        best = i;
      }
    }
    return best;
  }
}
