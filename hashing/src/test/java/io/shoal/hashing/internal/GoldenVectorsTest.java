package io.shoal.hashing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.shoal.hashing.CacheKey;
import io.shoal.hashing.Member;
import io.shoal.hashing.Strategy;
import io.shoal.hashing.View;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Golden vectors from the reference implementations each strategy claims compatibility with. */
class GoldenVectorsTest {

  @Test
  void md5IsLibketamaHashiModN() {
    // MD5("test") = 098f6bcd..., first four bytes little-endian = 0xcd6b8f09.
    assertThat(Hashes.ketamaHash("test".getBytes(StandardCharsets.US_ASCII))).isEqualTo(3446378249L);
    View view = View.of("a", "b", "c", "d");
    assertThat(Strategy.md5().owner(CacheKey.of("test"), view).id()).isEqualTo("b");
    assertThat(Strategy.md5().candidates(CacheKey.of("test"), view))
        .extracting(Member::id).containsExactly("b", "c", "d", "a");
  }

  @Test
  void ketamaMatchesLibketama() {
    View view = View.of(0, List.of(Member.of("127.0.0.1:11211", 600), Member.of("127.0.0.1:11212", 400)));
    Ring ring = KetamaStrategy.ring(view, new double[] {600, 400});
    assertThat(ring.size()).isEqualTo(320);
    long h = Hashes.ketamaHash("test".getBytes(StandardCharsets.US_ASCII));
    assertThat(ring.point(ring.ceiling(h))).isEqualTo(3454255383L);
    assertThat(Strategy.ketama().owner(CacheKey.of("test"), view).id()).isEqualTo("127.0.0.1:11211");
  }

  @Test
  void ketamaGivesEachMemberFortyDigestsWhenWeightsAreEqual() {
    for (int n = 1; n <= 40; n++) {
      String[] ids = IntStream.range(0, n).mapToObj(i -> "node-" + i).toArray(String[]::new);
      double[] weights = new double[n];
      java.util.Arrays.fill(weights, 1);
      assertThat(KetamaStrategy.ring(View.of(ids), weights).size()).as("n=%d", n).isEqualTo(160 * n);
    }
  }

  @Test
  void carpMemberHashesMatchWesselsAppendixC() {
    assertThat(CarpStrategy.memberHash("test1.ircache.net")).isEqualTo(0x96010320);
    assertThat(CarpStrategy.memberHash("test2.web-cache.com")).isEqualTo(0x84965f0f);
    assertThat(CarpStrategy.memberHash("test3.squid-cache.org")).isEqualTo(0x4f5d7332);
    assertThat(CarpStrategy.memberHash("test4.packet-pushers.com")).isEqualTo(0xa79af670);
  }

  @Test
  void carpLoadFactorMultipliersMatchTheDraft() {
    double[] x = CarpStrategy.multipliers(new double[] {1, 1, 2, 3});
    assertThat(x[0]).isCloseTo(0.869442, within(5e-7));
    assertThat(x[1]).isCloseTo(0.869442, within(5e-7));
    assertThat(x[2]).isCloseTo(1.064844, within(5e-7));
    assertThat(x[3]).isCloseTo(1.242318, within(5e-7));
    // The order of the members does not matter, only their weights.
    double[] shuffled = CarpStrategy.multipliers(new double[] {3, 1, 2, 1});
    assertThat(shuffled[0]).isCloseTo(1.242318, within(5e-7));
    assertThat(shuffled[3]).isCloseTo(0.869442, within(5e-7));
  }

  @Test
  void carpUrlHashAndOwnerMatchWesselsAppendixC() {
    byte[] url = "http://www.squid-cache.org/".getBytes(StandardCharsets.US_ASCII);
    assertThat(CarpStrategy.urlHash(url)).isEqualTo(0x16073a01);
    View view = View.of(0, List.of(Member.of("test1.ircache.net", 1), Member.of("test2.web-cache.com", 1),
        Member.of("test3.squid-cache.org", 2), Member.of("test4.packet-pushers.com", 3)));
    assertThat(Strategy.carp().owner(CacheKey.of("http://www.squid-cache.org/"), view).id())
        .isEqualTo("test4.packet-pushers.com");
  }

  @Test
  void jumpMatchesThePaper() {
    int[] one = {0, 0, 0, 0, 0, 0, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 17, 17};
    int[] deadbeef = {0, 1, 2, 3, 3, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 16, 16, 16};
    for (int buckets = 1; buckets <= 19; buckets++) {
      assertThat(JumpStrategy.bucket(1, buckets)).as("key 1, %d buckets", buckets).isEqualTo(one[buckets - 1]);
      assertThat(JumpStrategy.bucket(0xdeadbeefL, buckets)).as("key 0xdeadbeef, %d buckets", buckets)
          .isEqualTo(deadbeef[buckets - 1]);
    }
  }

  @Test
  void maglevPopulationMatchesThePaperExample() {
    // Eisenbud et al., NSDI 2016, Table 1: M = 7; B0 offset 3 skip 4, B1 offset 0 skip 2,
    // B2 offset 3 skip 1 -> lookup table B1 B0 B1 B0 B2 B2 B0.
    int[] table = MaglevStrategy.fill(new long[] {3, 0, 3}, new long[] {4, 2, 1}, new double[] {1, 1, 1}, 7);
    assertThat(table).containsExactly(1, 0, 1, 0, 2, 2, 0);
    // B1 removed (worked by hand from the same permutations; B0 -> 0, B2 -> 1): B0 takes 3, 0, 1,
    // 2 and B2 takes 4, 5, 6; the entries B0 and B2 held before stay theirs.
    int[] without = MaglevStrategy.fill(new long[] {3, 3}, new long[] {4, 1}, new double[] {1, 1}, 7);
    assertThat(without).containsExactly(0, 0, 0, 0, 1, 1, 1);
  }

  @Test
  void maglevGivesEachMemberFloorOrCeilOfTheTable() {
    for (int n : new int[] {1, 3, 7, 16, 64}) {
      String[] ids = IntStream.range(0, n).mapToObj(i -> "10.0.0." + i + ":3128").toArray(String[]::new);
      int[] table = new MaglevStrategy(65537).populate(View.of(ids));
      int[] counts = new int[n];
      for (int owner : table) {
        counts[owner]++;
      }
      for (int count : counts) {
        assertThat(count).as("n=%d", n).isBetween(65537 / n, 65537 / n + 1);
      }
    }
  }
}
