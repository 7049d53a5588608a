package io.shoal.hashing.internal;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash functions strategies are defined over. Every one is fixed forever: placement depends
 * on it.
 *
 * <p>MD5 is the JDK's, which HotSpot intrinsifies on x86-64 and AArch64: about twice as fast as
 * Bouncy Castle's pure-Java {@code MD5Digest} on URL-sized keys (see {@code KeyHashBenchmark});
 * the tests check it against Bouncy Castle. The 64-bit key hash is FarmHash Fingerprint64,
 * which Guava guarantees never to change.
 */
public final class Hashes {
  private static final HashFunction FINGERPRINT64 = Hashing.farmHashFingerprint64();
  private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every Java platform", e);
    }
  });

  private Hashes() {}

  /** MD5 of {@code data}, 16 bytes. */
  public static byte[] md5(byte[] data) {
    return MD5.get().digest(data);
  }

  /**
   * libketama's {@code ketama_hashi}: the first 4 bytes of MD5 read little-endian, as an unsigned
   * 32-bit value.
   */
  public static long ketamaHash(byte[] data) {
    return littleEndian32(md5(data), 0);
  }

  /** Bytes {@code d[at..at+3]} read little-endian as an unsigned 32-bit value. */
  public static long littleEndian32(byte[] d, int at) {
    return (d[at] & 0xffL)
        | (d[at + 1] & 0xffL) << 8
        | (d[at + 2] & 0xffL) << 16
        | (d[at + 3] & 0xffL) << 24;
  }

  /** The 64-bit key hash: FarmHash Fingerprint64 of {@code data}. */
  public static long hash64(byte[] data) {
    return FINGERPRINT64.hashBytes(data).asLong();
  }

  public static long hash64(String text) {
    return hash64(text.getBytes(StandardCharsets.UTF_8));
  }

  /** MurmurHash3's 64-bit finalizer: a bijective mix of every input bit into every output bit. */
  public static long mix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  /** A double uniform in the open interval (0, 1) from the top 53 bits of {@code h}. */
  public static double unitOpen(long h) {
    return ((h >>> 11) + 0.5) * 0x1.0p-53;
  }
}
