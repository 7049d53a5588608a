package io.shoal.hashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input is refused with a message naming what and what was expected, never a wrong owner. */
class BadInputTest {

  @Test
  void emptyViewIsRefused() {
    assertThatThrownBy(View::of).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("view: no members (expected: at least one)");
  }

  @Test
  void duplicateMemberIdsAreRefused() {
    assertThatThrownBy(() -> View.of("a", "b", "a")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("view: duplicate member id 'a'");
  }

  @ParameterizedTest
  @CsvSource({"0", "-1", "NaN", "Infinity"})
  void nonPositiveOrNonFiniteWeightsAreRefused(double weight) {
    assertThatThrownBy(() -> Member.of("a", weight)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("member a: weight " + weight + " (expected: a finite number > 0)");
  }

  @Test
  void emptyMemberIdIsRefused() {
    assertThatThrownBy(() -> Member.of("")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("member id: empty (expected: a non-empty name)");
  }

  @ParameterizedTest
  @MethodSource("io.shoal.hashing.StrategyPropertiesTest#all")
  void nullKeyOrViewIsRefused(String spec) {
    Strategy strategy = Strategies.create(spec);
    View view = View.of("a", "b");
    assertThatThrownBy(() -> strategy.owner(null, view)).isInstanceOf(NullPointerException.class).hasMessage("key");
    assertThatThrownBy(() -> strategy.candidates(null, view)).isInstanceOf(NullPointerException.class).hasMessage("key");
    assertThatThrownBy(() -> strategy.owner(CacheKey.of("k"), null)).isInstanceOf(NullPointerException.class)
        .hasMessage("view");
    assertThatThrownBy(() -> CacheKey.of(null)).isInstanceOf(NullPointerException.class).hasMessage("key");
  }

  @Test
  void jumpRefusesUnequalWeights() {
    View view = View.of(0, List.of(Member.of("a", 1), Member.of("b", 2)));
    assertThatThrownBy(() -> Strategy.jump().owner(CacheKey.of("k"), view))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jump: members have different weights (expected: equal weights; this strategy cannot weight members)");
  }

  @Test
  void maglevTableMustBeAPrimeLargerThanTheView() {
    assertThatThrownBy(() -> Strategy.maglev(65536)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maglev size: 65536 (expected: a prime >= 3, e.g. 65537)");
    assertThatThrownBy(() -> Strategy.maglev(5).owner(CacheKey.of("k"), View.of("a", "b", "c", "d", "e", "f")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("maglev size: 5 for 6 members");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "nope|strategy: \"nope\" (expected one of: round-robin, local, md5, ketama, carp, mod-ch, ht-rr, rendezvous, jump, maglev, multi-probe, bounded-load)",
      "ketama(points=3)|strategy: \"ketama(points=3)\": parameter: \"points\" (expected: none)",
      "maglev(sizes=7)|strategy: \"maglev(sizes=7)\": parameter: \"sizes\" (expected one of: size)",
      "maglev(size=abc)|strategy: \"maglev(size=abc)\": size: \"abc\" (expected: an integer)",
      "maglev(size=7|strategy: \"maglev(size=7\": missing ')' at the end",
      "maglev(7,9)|strategy: \"maglev(7,9)\": 2 parameters (expected: at most 1: size)",
      "maglev(7,size=9)|strategy: \"maglev(7,size=9)\": size: given twice",
      "bounded-load(epsilon=0,over=ketama)|bounded-load epsilon: 0.0 (expected: > 0)",
      "bounded-load(0.2,over=nope)|strategy: \"nope\" (expected one of: round-robin, local, md5, ketama, carp, mod-ch, ht-rr, rendezvous, jump, maglev, multi-probe, bounded-load)",
      "ht-rr(buckets=0)|ht-rr buckets: 0 (expected: > 0)",
      "ht-rr(hot=2)|ht-rr hot: 2.0 (expected: 0 < hot <= 1)",
      "multi-probe(probes=-1)|multi-probe probes: -1 (expected: > 0)",
      "Ketama|strategy: \"Ketama\" (expected one of: round-robin, local, md5, ketama, carp, mod-ch, ht-rr, rendezvous, jump, maglev, multi-probe, bounded-load)",
      "md5(,)|strategy: \"md5(,)\": empty parameter",
      "md5())|strategy: \"md5())\": unbalanced ')'",
  })
  void badSpecsNameWhatIsWrong(String spec, String message) {
    assertThatThrownBy(() -> Strategies.create(spec)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void specsAcceptPositionalNamedAndNestedParameters() {
    assertThat(Strategies.create("maglev(251)").name()).isEqualTo("maglev(size=251)");
    assertThat(Strategies.create(" multi-probe( probes = 5 ) ").name()).isEqualTo("multi-probe(probes=5)");
    assertThat(Strategies.create("bounded-load(0.1,over=maglev(size=251))").name())
        .isEqualTo("bounded-load(epsilon=0.1,over=maglev(size=251))");
    assertThat(Strategies.create("ht-rr").name()).isEqualTo("ht-rr(buckets=4096,window=1000,hot=0.01)");
  }

  @Test
  void everyRegisteredStrategyRoundTripsThroughItsName() {
    for (String name : Strategies.names()) {
      Strategy strategy = Strategies.create(name);
      assertThat(Strategies.create(strategy.name()).name()).isEqualTo(strategy.name());
    }
  }
}
