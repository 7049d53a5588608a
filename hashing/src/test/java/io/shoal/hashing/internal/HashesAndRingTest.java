package io.shoal.hashing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.digests.MD5Digest;
import org.junit.jupiter.api.Test;

/** The hash functions against reference implementations; the ring index against a plain search. */
class HashesAndRingTest {

  @Test
  void md5MatchesBouncyCastle() {
    SplittableRandom random = new SplittableRandom(5);
    for (int length = 0; length < 300; length++) {
      byte[] data = new byte[length];
      random.nextBytes(data);
      MD5Digest reference = new MD5Digest();
      reference.update(data, 0, data.length);
      byte[] expected = new byte[16];
      reference.doFinal(expected, 0);
      assertThat(Hashes.md5(data)).as("length %d", length).isEqualTo(expected);
    }
  }

  @Test
  void hash64IsFarmHashFingerprint64() {
    // FarmHash's Fingerprint64 of the empty input is its constant k2.
    assertThat(Hashes.hash64("")).isEqualTo(0x9ae16a3b2f90404fL);
  }

  @Test
  void ringCeilingIsTheFirstPointAtOrAfter() {
    SplittableRandom random = new SplittableRandom(9);
    for (int size : new int[] {1, 2, 3, 17, 160, 2_560, 40_000}) {
      long[] unsigned32 = random.longs(size, 0, 1L << 32).toArray();
      long[] flipped64 = random.longs(size).toArray();
      check(Ring.of(unsigned32, new int[size], 1, Ring.Space.UNSIGNED_32), unsigned32,
          random.longs(2_000, 0, 1L << 32).toArray());
      check(Ring.of(flipped64, new int[size], 1, Ring.Space.FLIPPED_64), flipped64, random.longs(2_000).toArray());
    }
  }

  private static void check(Ring ring, long[] points, long[] probes) {
    long[] sorted = points.clone();
    Arrays.sort(sorted);
    for (long h : probes) {
      int expected = 0;
      while (expected < sorted.length && sorted[expected] < h) {
        expected++;
      }
      expected = expected == sorted.length ? 0 : expected;
      assertThat(ring.point(ring.ceiling(h))).as("h=%d", h).isEqualTo(sorted[expected]);
    }
    for (long p : sorted) {
      assertThat(ring.point(ring.ceiling(p))).isEqualTo(p);
    }
  }
}
