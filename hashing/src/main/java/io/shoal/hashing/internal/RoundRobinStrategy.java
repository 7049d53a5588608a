package io.shoal.hashing.internal;

import io.shoal.hashing.CacheKey;
import io.shoal.hashing.Member;
import io.shoal.hashing.Strategy;
import io.shoal.hashing.View;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Each lookup starts one member further along the view; the key is ignored. */
public final class RoundRobinStrategy implements Strategy {
  private final AtomicLong next = new AtomicLong();

  @Override
  public String name() {
    return "round-robin";
  }

  @Override
  public List<Member> candidates(CacheKey key, View view) {
    Checks.lookup(key, view);
    return Orders.rotation(view, (int) Math.floorMod(next.getAndIncrement(), (long) view.size()));
  }

  @Override
  public List<Member> peek(CacheKey key, View view) {
    Checks.lookup(key, view);
    return Orders.rotation(view, (int) Math.floorMod(next.get(), (long) view.size()));
  }

  @Override
  public Member owner(CacheKey key, View view) {
    Checks.lookup(key, view);
    return view.get((int) Math.floorMod(next.getAndIncrement(), (long) view.size()));
  }
}
