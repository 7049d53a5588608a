package io.shoal.hashing;

import io.shoal.hashing.internal.CarpStrategy;
import io.shoal.hashing.internal.Hashes;
import io.shoal.hashing.internal.MaglevStrategy;

/**
 * The per-member constants and hash functions the strategies are defined over, for code that
 * must place keys exactly like them elsewhere (a proxy auto-config script, another language).
 * Like placement itself, every value here is fixed forever.
 */
public final class PlacementFunctions {
  private PlacementFunctions() {}

  /** {@code ketama_hashi}: the first 4 bytes of MD5 read little-endian, unsigned. */
  public static long ketamaHash(byte[] data) {
    return Hashes.ketamaHash(data);
  }

  /** The 64-bit key hash (FarmHash Fingerprint64) of {@code text}'s UTF-8 bytes. */
  public static long hash64(String text) {
    return Hashes.hash64(text);
  }

  /** MurmurHash3's 64-bit finalizer. */
  public static long mix64(long h) {
    return Hashes.mix64(h);
  }

  /** CARP's hash of a member name. */
  public static int carpMemberHash(String name) {
    return CarpStrategy.memberHash(name);
  }

  /** CARP's load-factor multipliers for these weights, in the same order. */
  public static double[] carpMultipliers(double[] weights) {
    return CarpStrategy.multipliers(weights.clone());
  }

  /** Where member {@code id}'s Maglev permutation of a table of {@code size} entries starts. */
  public static long maglevOffset(String id, int size) {
    return MaglevStrategy.offset(id, size);
  }

  /** The step of member {@code id}'s Maglev permutation of a table of {@code size} entries. */
  public static long maglevSkip(String id, int size) {
    return MaglevStrategy.skip(id, size);
  }
}
