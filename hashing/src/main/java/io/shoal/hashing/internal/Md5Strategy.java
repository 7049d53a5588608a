package io.shoal.hashing.internal;

import io.shoal.hashing.CacheKey;
import io.shoal.hashing.Member;
import io.shoal.hashing.Strategy;
import io.shoal.hashing.View;
import java.util.List;

/**
 * {@code owner = ketama_hashi(key) mod N}: the first 4 bytes of MD5 read little-endian, modulo
 * the view size. Failover goes to the following indices. Adding a member moves most keys.
 */
public final class Md5Strategy implements Strategy {

  @Override
  public String name() {
    return "md5";
  }

  @Override
  public List<Member> candidates(CacheKey key, View view) {
    Checks.lookup(key, view);
    return Orders.rotation(view, index(key, view));
  }

  @Override
  public Member owner(CacheKey key, View view) {
    Checks.lookup(key, view);
    return view.get(index(key, view));
  }

  private static int index(CacheKey key, View view) {
    return (int) (Hashes.ketamaHash(key.bytes()) % view.size());
  }
}
