package io.shoal.hashing.internal;

import io.shoal.hashing.CacheKey;
import io.shoal.hashing.View;
import java.util.Objects;

/** Argument checks shared by the strategies. */
public final class Checks {
  private Checks() {}

  /** Fails fast on a null key or view. */
  public static void lookup(CacheKey key, View view) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(view, "view");
  }

  /** Fails fast unless {@code value > 0}. */
  public static int positive(String what, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + ": " + value + " (expected: > 0)");
    }
    return value;
  }

  /** Fails unless every member of {@code view} has the same weight. */
  public static void uniformWeights(String strategy, View view) {
    if (!view.uniformWeights()) {
      throw new IllegalArgumentException(strategy + ": members have different weights "
          + "(expected: equal weights; this strategy cannot weight members)");
    }
  }
}
