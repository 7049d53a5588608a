package io.shoal.hashing.internal;

import io.shoal.hashing.CacheKey;
import io.shoal.hashing.Member;
import io.shoal.hashing.Strategy;
import io.shoal.hashing.View;
import java.util.List;

/**
 * A strategy that picks the owner's index in the view; failover goes to the following indices,
 * wrapping. A subclass only says which index owns a key.
 */
public abstract class RotationStrategy implements Strategy {

  /** The view index of {@code key}'s owner; called once per {@link #candidates} or {@link #owner}. */
  protected abstract int ownerIndex(CacheKey key, View view);

  @Override
  public final List<Member> candidates(CacheKey key, View view) {
    Lookups.check(key, view);
    return Orders.rotation(view, ownerIndex(key, view));
  }

  @Override
  public final Member owner(CacheKey key, View view) {
    Lookups.check(key, view);
    return view.get(ownerIndex(key, view));
  }
}
