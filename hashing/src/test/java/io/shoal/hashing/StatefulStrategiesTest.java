package io.shoal.hashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The strategies with run-time state: round-robin, local, ht-rr, mod-ch, bounded-load. */
class StatefulStrategiesTest {
  private static final List<CacheKey> KEYS = Keys.urls(20_000, 21);

  @Test
  void roundRobinVisitsEveryMemberInTurn() {
    View view = Keys.nodes(3);
    Strategy rr = Strategy.roundRobin();
    CacheKey key = KEYS.get(0);
    assertThat(List.of(rr.owner(key, view), rr.owner(key, view), rr.owner(key, view), rr.owner(key, view)))
        .extracting(Member::id)
        .containsExactly("cache0.shoal:3128", "cache1.shoal:3128", "cache2.shoal:3128", "cache0.shoal:3128");
  }

  /** peek: what the next request would get, while it changes nothing a request would. */
  @Test
  void peekingCountsAsNoRequest() {
    View view = Keys.nodes(4);
    Strategy rr = Strategy.roundRobin();
    CacheKey key = KEYS.get(0);
    rr.owner(key, view);
    for (int i = 0; i < 10; i++) {
      assertThat(rr.peek(key, view).get(0).id()).isEqualTo("cache1.shoal:3128");
    }
    assertThat(rr.candidates(key, view)).as("the next request gets what peek said").extracting(Member::id)
        .containsExactly("cache1.shoal:3128", "cache2.shoal:3128", "cache3.shoal:3128", "cache0.shoal:3128");
    assertThat(rr.peek(key, view).get(0).id()).isEqualTo("cache2.shoal:3128");

    HtRrStrategy htRr = Strategy.htRr(4096, 100, 0.05);
    CacheKey popular = KEYS.get(1);
    List<Member> peeked = htRr.peek(popular, view);
    for (int i = 0; i < 1_000; i++) {
      assertThat(htRr.peek(popular, view)).isEqualTo(peeked);
    }
    assertThat(htRr.isHot(popular)).as("a status page asking 1,000 times makes no key hot").isFalse();
    assertThat(htRr.exportState().buckets()).as("and assigns no bucket").containsOnlyNulls();
    assertThat(htRr.candidates(popular, view)).as("the first request goes where peek said").isEqualTo(peeked);
    assertThat(htRr.peek(popular, view)).as("and its bucket stays there").isEqualTo(peeked);

    for (String spec : List.of("ketama", "md5", "carp", "rendezvous", "jump", "maglev", "mod-ch", "bounded-load")) {
      Strategy s = Strategies.create(spec);
      for (CacheKey k : KEYS.subList(0, 200)) {
        assertThat(s.peek(k, view)).as(spec).isEqualTo(s.candidates(k, view));
      }
    }
  }

  @Test
  void localPutsSelfFirstAndTheOthersInViewOrder() {
    View view = Keys.nodes(4);
    assertThat(Strategy.local("cache2.shoal:3128").candidates(KEYS.get(0), view)).extracting(Member::id)
        .containsExactly("cache2.shoal:3128", "cache0.shoal:3128", "cache1.shoal:3128", "cache3.shoal:3128");
    assertThat(Strategies.create("local", "cache3.shoal:3128").owner(KEYS.get(1), view).id())
        .isEqualTo("cache3.shoal:3128");
  }

  @Test
  void htRrAssignsNewBucketsRoundRobinAndKeepsThem() {
    View view = Keys.nodes(4);
    HtRrStrategy htRr = Strategy.htRr(64, 1000, 0.5);
    Map<String, Integer> bucketsPerMember = new HashMap<>();
    Map<CacheKey, Member> first = new HashMap<>();
    for (CacheKey key : KEYS.subList(0, 5_000)) {
      first.put(key, htRr.owner(key, view));
    }
    List<String> buckets = htRr.exportState().buckets();
    assertThat(buckets).doesNotContainNull();
    buckets.forEach(id -> bucketsPerMember.merge(id, 1, Integer::sum));
    assertThat(bucketsPerMember.values()).containsOnly(16);
    // A key keeps its member: the table is fixed at run time.
    first.forEach((key, owner) -> assertThat(htRr.owner(key, view)).isEqualTo(owner));
  }

  @Test
  void htRrNeverMovesAnAssignedBucketWhenAMemberJoins() {
    View view = Keys.nodes(4);
    HtRrStrategy htRr = Strategy.htRr(256, 1000, 0.5);
    Map<CacheKey, Member> before = new HashMap<>();
    KEYS.subList(0, 5_000).forEach(k -> before.put(k, htRr.owner(k, view)));
    View bigger = view.plus(Member.of("cache-new.shoal:3128"));
    before.forEach((key, owner) -> assertThat(htRr.owner(key, bigger)).isEqualTo(owner));
  }

  @Test
  void htRrReassignsTheBucketsOfAMemberThatLeft() {
    View view = Keys.nodes(4);
    HtRrStrategy htRr = Strategy.htRr(256, 1000, 0.5);
    KEYS.subList(0, 5_000).forEach(k -> htRr.owner(k, view));
    View smaller = view.minus("cache1.shoal:3128");
    for (CacheKey key : KEYS.subList(0, 5_000)) {
      assertThat(htRr.owner(key, smaller).id()).isNotEqualTo("cache1.shoal:3128");
    }
    assertThat(htRr.exportState().buckets()).doesNotContain("cache1.shoal:3128");
  }

  @Test
  void htRrSpreadsAHotKeyOverAllMembers() {
    View view = Keys.nodes(4);
    HtRrStrategy htRr = Strategy.htRr(4096, 100, 0.05);
    CacheKey hot = KEYS.get(0);
    Set<Member> servedBy = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      // One request in four is for the hot key: a 25% share, over the 5% threshold.
      servedBy.add(htRr.owner(hot, view));
      htRr.owner(KEYS.get(1 + 3 * i), view);
      htRr.owner(KEYS.get(2 + 3 * i), view);
      htRr.owner(KEYS.get(3 + 3 * i), view);
    }
    assertThat(htRr.isHot(hot)).isTrue();
    assertThat(servedBy).hasSize(4);
    assertThat(htRr.isHot(KEYS.get(5))).isFalse();
  }

  @Test
  void htRrStateReplicatesPlacement() {
    View view = Keys.nodes(5);
    HtRrStrategy coordinator = Strategy.htRr(512, 1000, 0.5);
    KEYS.subList(0, 3_000).forEach(k -> coordinator.owner(k, view));
    HtRrStrategy replica = Strategy.htRr(512, 1000, 0.5);
    replica.importState(coordinator.exportState());
    for (CacheKey key : KEYS.subList(0, 3_000)) {
      assertThat(replica.owner(key, view)).isEqualTo(coordinator.owner(key, view));
    }
    assertThatThrownBy(() -> Strategy.htRr(64, 1000, 0.5).importState(coordinator.exportState()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ht-rr state: 512 buckets (expected: 64)");
  }

  @Test
  void modChPlacesLikeKetamaUntilLoadIsReported() {
    View view = Keys.nodes(6);
    Strategy ketama = Strategy.ketama();
    ModChStrategy modCh = Strategy.modCh(1000);
    for (CacheKey key : KEYS) {
      assertThat(modCh.owner(key, view)).isEqualTo(ketama.owner(key, view));
    }
  }

  @Test
  void modChShedsKeysFromAnOverloadedMemberAndMovesLittleElse() {
    View view = Keys.nodes(6);
    ModChStrategy modCh = Strategy.modCh(1000);
    Map<CacheKey, Member> before = new HashMap<>();
    KEYS.forEach(k -> before.put(k, modCh.owner(k, view)));
    Map<String, Double> loads = new HashMap<>();
    view.members().forEach(m -> loads.put(m.id(), 10.0));
    loads.put("cache2.shoal:3128", 30.0);
    assertThat(modCh.updateLoads(view.withLoads(loads), 5_000)).isTrue();

    int moved = 0;
    int movedFromOverloaded = 0;
    int overloadedBefore = 0;
    int overloadedAfter = 0;
    for (CacheKey key : KEYS) {
      Member was = before.get(key);
      Member is = modCh.owner(key, view);
      overloadedBefore += was.id().equals("cache2.shoal:3128") ? 1 : 0;
      overloadedAfter += is.id().equals("cache2.shoal:3128") ? 1 : 0;
      if (!was.equals(is)) {
        moved++;
        movedFromOverloaded += was.id().equals("cache2.shoal:3128") ? 1 : 0;
        assertThat(is.id()).isNotEqualTo("cache2.shoal:3128");
      }
    }
    assertThat(overloadedAfter).isLessThan(overloadedBefore);
    assertThat(moved).isPositive();
    // Most of what moves leaves the overloaded member; the rest is the others' new points taking
    // keys from each other (their multipliers grew). Little moves overall.
    assertThat(movedFromOverloaded / (double) moved).isGreaterThan(0.6);
    assertThat(moved / (double) KEYS.size()).isLessThan(0.08);
    assertThat(modCh.exportState().multipliers().get("cache2.shoal:3128")).isLessThan(1.0);
  }

  @Test
  void modChReweightsAtMostOncePerInterval() {
    View loaded = Keys.nodes(3).withLoads(Map.of("cache0.shoal:3128", 5.0, "cache1.shoal:3128", 1.0,
        "cache2.shoal:3128", 1.0));
    ModChStrategy modCh = Strategy.modCh(1000);
    assertThat(modCh.updateLoads(loaded, 10_000)).isTrue();
    assertThat(modCh.updateLoads(loaded, 10_999)).isFalse();
    assertThat(modCh.updateLoads(loaded, 11_000)).isTrue();
    // Each step is clamped to 0.9: two steps, then renormalized to a mean of 1.
    assertThat(modCh.exportState().multipliers().get("cache0.shoal:3128")).isLessThan(0.9).isGreaterThan(0.75);
    assertThat(modCh.exportState().updatedAtMillis()).isEqualTo(11_000);
  }

  @Test
  void modChStateReplicatesPlacement() {
    View view = Keys.nodes(4);
    ModChStrategy coordinator = Strategy.modCh(0);
    coordinator.updateLoads(view.withLoads(Map.of("cache0.shoal:3128", 9.0, "cache1.shoal:3128", 1.0)), 1);
    ModChStrategy replica = Strategy.modCh(0);
    replica.importState(coordinator.exportState());
    for (CacheKey key : KEYS.subList(0, 3_000)) {
      assertThat(replica.owner(key, view)).isEqualTo(coordinator.owner(key, view));
    }
  }

  @Test
  void boundedLoadNeverLetsAMemberExceedItsBound() {
    View view = Keys.nodes(8);
    BoundedLoadStrategy bounded = Strategy.boundedLoad(0.25, Strategy.ketama());
    java.util.ArrayDeque<String> inFlight = new java.util.ArrayDeque<>();
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    // Skewed keys: a few URLs get most requests, so plain ketama would overload their owners.
    for (int i = 0; i < 20_000; i++) {
      CacheKey key = KEYS.get(random.nextInt(10) == 0 ? random.nextInt(KEYS.size()) : random.nextInt(5));
      long bound = bounded.capacity(view);
      Member owner = bounded.owner(key, view);
      bounded.acquire(owner.id());
      inFlight.addLast(owner.id());
      assertThat(bounded.exportState().get(owner.id())).isLessThanOrEqualTo(bound);
      if (inFlight.size() > 40) {
        bounded.release(inFlight.removeFirst());
      }
    }
    long total = bounded.exportState().values().stream().mapToLong(Long::longValue).sum();
    assertThat(total).isEqualTo(40);
    // ceil(1.25 * 40 / 8) = 7
    assertThat(bounded.exportState().values()).allMatch(n -> n <= 7);
  }

  @Test
  void boundedLoadWithoutLoadIsItsRing() {
    View view = Keys.nodes(8);
    BoundedLoadStrategy bounded = Strategy.boundedLoad(0.1, Strategy.carp());
    for (CacheKey key : KEYS.subList(0, 5_000)) {
      assertThat(bounded.candidates(key, view)).isEqualTo(Strategy.carp().candidates(key, view));
    }
  }

  @Test
  void boundedLoadTakesReportedLoads() {
    View view = Keys.nodes(2);
    BoundedLoadStrategy bounded = Strategy.boundedLoad(0.5, Strategy.ketama());
    assertThat(bounded.updateLoads(view.withLoads(Map.of("cache0.shoal:3128", 10.0, "cache1.shoal:3128", 0.0)), 0))
        .isTrue();
    // ceil(1.5 * 11 / 2) = 9: cache0 is full, every key goes to cache1.
    for (CacheKey key : KEYS.subList(0, 1_000)) {
      assertThat(bounded.owner(key, view).id()).isEqualTo("cache1.shoal:3128");
    }
    assertThatThrownBy(() -> Strategy.boundedLoad(0.5, Strategy.ketama()).release("x"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("release of x without acquire");
  }
}
