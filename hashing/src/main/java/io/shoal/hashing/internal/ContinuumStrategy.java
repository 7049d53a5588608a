package io.shoal.hashing.internal;

import io.shoal.hashing.CacheKey;
import io.shoal.hashing.Member;
import io.shoal.hashing.Strategy;
import io.shoal.hashing.View;
import java.util.List;

/**
 * A strategy that places keys on a libketama continuum ({@link KetamaStrategy#ring}): a key goes
 * to the first point at or after {@code ketama_hashi(key)}, failover walks the ring clockwise. A
 * subclass only says which ring a view has.
 */
public abstract class ContinuumStrategy implements Strategy {

  /** The continuum of {@code view}. */
  protected abstract Ring ring(View view);

  @Override
  public final List<Member> candidates(CacheKey key, View view) {
    Lookups.check(key, view);
    return Orders.members(view, ring(view).walk(Hashes.ketamaHash(key.bytes())));
  }

  @Override
  public final Member owner(CacheKey key, View view) {
    Lookups.check(key, view);
    return view.get(ring(view).ownerOf(Hashes.ketamaHash(key.bytes())));
  }
}
