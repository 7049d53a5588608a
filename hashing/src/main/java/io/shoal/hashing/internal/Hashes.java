package io.shoal.hashing.internal;

import com.google.common.hash.HashCode;
import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.MD5Digest;

/** The hash functions strategies are defined over. Every one is fixed: placement depends on it. */
public final class Hashes {
  private static final HashFunction MURMUR3_128 = Hashing.murmur3_128();

  private Hashes() {}

  /** MD5 of {@code data}, 16 bytes. */
  public static byte[] md5(byte[] data) {
    MD5Digest digest = new MD5Digest();
    digest.update(data, 0, data.length);
    byte[] out = new byte[16];
    digest.doFinal(out, 0);
    return out;
  }

  public static byte[] md5(String text) {
    return md5(text.getBytes(StandardCharsets.UTF_8));
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

  /** The first 64 bits (little-endian) of MurmurHash3 x64 128 with seed 0. */
  public static long murmur64(byte[] data) {
    return MURMUR3_128.hashBytes(data).asLong();
  }

  public static long murmur64(String text) {
    return murmur64(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Both halves of MurmurHash3 x64 128 with seed 0: {@code [low, high]}. */
  public static long[] murmur128(byte[] data) {
    HashCode code = MURMUR3_128.hashBytes(data);
    byte[] b = code.asBytes();
    return new long[] {code.asLong(), littleEndian64(b, 8)};
  }

  private static long littleEndian64(byte[] d, int at) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = v << 8 | (d[at + i] & 0xffL);
    }
    return v;
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
