package io.shoal.hashing.internal;

import io.shoal.hashing.CacheKey;
import io.shoal.hashing.View;

/**
 * {@code owner = ketama_hashi(key) mod N}: the first 4 bytes of MD5 read little-endian, modulo
 * the view size. Failover goes to the following indices. Adding a member moves most keys.
 */
public final class Md5Strategy extends RotationStrategy {

  @Override
  public String name() {
    return "md5";
  }

  @Override
  protected int ownerIndex(CacheKey key, View view) {
    return (int) (Hashes.ketamaHash(key.bytes()) % view.size());
  }
}
