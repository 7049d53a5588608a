package io.shoal.hashing.internal;

import io.shoal.hashing.CacheKey;
import io.shoal.hashing.View;
import java.util.Objects;

/** The argument checks of a lookup, shared by the strategies. */
public final class Lookups {
  private Lookups() {}

  /** Fails fast on a null key or view. */
  public static void check(CacheKey key, View view) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(view, "view");
  }

  /** Fails unless every member of {@code view} has the same weight. */
  public static void uniformWeights(String strategy, View view) {
    if (!view.uniformWeights()) {
      throw new IllegalArgumentException(strategy + ": members have different weights "
          + "(expected: equal weights; this strategy cannot weight members)");
    }
  }
}
