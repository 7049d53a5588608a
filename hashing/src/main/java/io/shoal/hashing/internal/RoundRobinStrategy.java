package io.shoal.hashing.internal;

import io.shoal.hashing.CacheKey;
import io.shoal.hashing.Member;
import io.shoal.hashing.View;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Each lookup starts one member further along the view; the key is ignored. */
public final class RoundRobinStrategy extends RotationStrategy {
  private final AtomicLong next = new AtomicLong();

  @Override
  public String name() {
    return "round-robin";
  }

  /** The next member's turn: each call takes one. */
  @Override
  protected int ownerIndex(CacheKey key, View view) {
    return (int) Math.floorMod(next.getAndIncrement(), (long) view.size());
  }

  @Override
  public List<Member> peek(CacheKey key, View view) {
    Lookups.check(key, view);
    return Orders.rotation(view, (int) Math.floorMod(next.get(), (long) view.size()));
  }
}
