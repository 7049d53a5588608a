package io.shoal.hashing.internal;

import io.shoal.hashing.CacheKey;
import io.shoal.hashing.Member;
import io.shoal.hashing.Strategy;
import io.shoal.hashing.View;
import java.util.List;

/**
 * A highest-score strategy: each member scores the key, the highest score wins (the first member
 * in view order on a tie) and failover goes by descending score. A subclass says what it
 * precomputes per view ({@code T}), how it hashes the key and how a member scores it.
 */
abstract class ScoreStrategy<T> implements Strategy {
  private final ViewCache<T> tables = new ViewCache<>(this::table);

  /** What {@link #score} needs of {@code view}, computed once per view. */
  abstract T table(View view);

  /** The key's hash that {@link #score} combines with each member's. */
  abstract long keyHash(CacheKey key);

  /** Member {@code member}'s score for the key hashed to {@code keyHash}. */
  abstract double score(T table, long keyHash, int member);

  @Override
  public final List<Member> candidates(CacheKey key, View view) {
    Lookups.check(key, view);
    T table = tables.get(view);
    long keyHash = keyHash(key);
    double[] scores = new double[view.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = score(table, keyHash, i);
    }
    return Orders.byScoreDescending(view, scores);
  }

  @Override
  public final Member owner(CacheKey key, View view) {
    Lookups.check(key, view);
    T table = tables.get(view);
    long keyHash = keyHash(key);
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < view.size(); i++) {
      double score = score(table, keyHash, i);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    return view.get(best);
  }
}
