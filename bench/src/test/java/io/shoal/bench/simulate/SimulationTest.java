package io.shoal.bench.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.shoal.bench.paper.Arch;
import io.shoal.hashing.Strategies;
import io.shoal.hashing.Strategy;
import io.shoal.hashing.View;
import io.shoal.traces.TraceRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The model against answers worked out by hand on tiny traces, and its scaling properties. */
class SimulationTest {
  private static final String ORIGIN = "http://10.0.0.2:8080";
  private static final List<String> TWO = List.of("n1", "n2");
  /** 8 Mbit/s at efficiency 1: 1,000,000 bytes/s per link and direction. */
  private static final long RATE = 8_000_000;

  /**
   * Two objects, A (1,000 B) owned by n1 and B (3,000 B) owned by n2, asked A A B B over and over:
   * the front hands even requests to n1 and odd ones to n2, so of each four n1 serves A itself,
   * forwards one B to n2 and serves one A as owner to n2. Per 4 requests (8,000 B to clients),
   * n2's egress carries its replies (1,000 + 3,000) and B once to n1 (3,000): 7,000 B, the most
   * of any link, i.e. 1/N + s2 (N-1)/N = 1/2 + 0.75/2 = 0.875 of the client bytes. Ceiling:
   * 1,000,000 / 1,750 = 571.43 req/s, 571.43 x 2,000 B x 8 = 9.14 Mbit/s.
   */
  @Test
  void twoNodesTwoKeysHashingIsBoundByTheBiggerOwnersEgress() {
    KeyedTrace t = twoKeys("ketama", 1000);
    Prediction p = bare().predict(t, "ketama", TWO, Arch.DISTRIBUTED);
    assertThat(p.requestsPerSecond()).isCloseTo(1_000_000 / 1750.0, within(1e-6));
    assertThat(p.megabitsPerSecond()).isCloseTo(1_000_000 / 1750.0 * 2000 * 8 / 1e6, within(1e-9));
    assertThat(p.boundBy()).isEqualTo("link:n2:egress");
    assertThat(p.ownerShares()).containsExactly(0.25, 0.75);
    assertThat(p.forwardedShare()).isEqualTo(0.5);
    assertThat(p.hitRatio()).isEqualTo(3998 / 4000.0);

    Ceiling.Result c = Ceiling.of(t, "ketama", TWO, Arch.DISTRIBUTED, RATE, 1, 0, 0);
    assertThat(c.requestsPerSecond()).isEqualTo(p.requestsPerSecond());
    assertThat(c.boundBy()).isEqualTo("link:n2:egress");
    assertThat(c.ownerShares()).containsEntry("n1", 0.25).containsEntry("n2", 0.75);
  }

  /** Centralized, every body crosses the switch: 2,000 B per request on 1,000,000 B/s, at any N. */
  @ParameterizedTest
  @ValueSource(strings = {"ketama", "md5", "round-robin"})
  void centralizedIsTheSwitchLink(String strategy) {
    KeyedTrace t = twoKeys("ketama", 1000);
    for (List<String> ids : List.of(List.of("n1"), TWO, List.of("n1", "n2", "n3", "n4"))) {
      Prediction p = bare().predict(t, strategy, ids, Arch.CENTRALIZED);
      assertThat(p.requestsPerSecond()).as("%s nodes", ids.size()).isCloseTo(500, within(1e-9));
      assertThat(p.boundBy()).isEqualTo("link:switch:egress");
    }
  }

  /** Round-robin: each node replies to what it receives and forwards nothing: 2 x the 1-node 500 req/s. */
  @Test
  void roundRobinScalesWithNodes() {
    KeyedTrace t = twoKeys("ketama", 1000);
    assertThat(bare().predict(t, "round-robin", List.of("n1"), Arch.DISTRIBUTED).requestsPerSecond())
        .isCloseTo(500, within(1e-9));
    Prediction p = bare().predict(t, "round-robin", TWO, Arch.DISTRIBUTED);
    assertThat(p.requestsPerSecond()).isCloseTo(1000, within(1e-9));
    assertThat(p.forwardedShare()).isZero();
    assertThat(p.hitRatio()).isEqualTo(3996 / 4000.0);
  }

  /**
   * CPU: a hit 1 ms, a miss 5 ms, forward.sender 2 ms, forward.owner 0.5 ms, on 0.1 core per node.
   * Per 4 requests of A A B B after the first misses: n1 serves A (1), serves A for n2 (1 + 0.5),
   * forwards B (2): 4.5 ms; n2 likewise 4.5 ms. 0.1 core / (4.5 ms / 4) = 88.9 req/s, below the
   * links' 571.
   */
  @Test
  void cpuBoundsWhenItIsTheScarcest() {
    KeyedTrace t = twoKeys("ketama", 4000);
    Simulation s = Simulation.builder().link(RATE, 1).hostCpu(0.1)
        .cpu(new Calibration.Cpu(0.001, 0.005, 0.002, 0.0005, 0.003)).build();
    Prediction p = s.predict(t, "ketama", TWO, Arch.DISTRIBUTED);
    double perRequest = (2 * 4.5e-3 * 1000 + 2 * (0.005 - 0.001)) / 4000; // both nodes, plus 2 first misses
    assertThat(p.requestsPerSecond()).isCloseTo(0.1 / (perRequest / 2), within(0.5));
    assertThat(p.boundBy()).startsWith("cpu:n");
    Prediction central = s.predict(t, "ketama", TWO, Arch.CENTRALIZED);
    assertThat(central.requestsPerSecond()).isCloseTo(0.1 / 0.003, within(1e-9));
    assertThat(central.boundBy()).isEqualTo("cpu:switch");
  }

  /** Heads: 100 B per message: the switch carries request + response each way: 2,200 B per request. */
  @Test
  void headsAndAcknowledgementsCount() {
    KeyedTrace t = twoKeys("ketama", 1000);
    Simulation s = Simulation.builder().link(RATE, 1).headBytes(100).ackShare(0.1).build();
    Prediction p = s.predict(t, "ketama", TWO, Arch.CENTRALIZED);
    // in = out = 100 + (100 + 2000 mean body) = 2,200 B, plus 10% of the other way: 2,420 B per request
    assertThat(p.requestsPerSecond()).isCloseTo(1_000_000 / 2420.0, within(1e-6));
  }

  /** The closed loop: 1 connection per node cannot keep both links busy. */
  @Test
  void fewConnectionsBound() {
    KeyedTrace t = twoKeys("ketama", 1000);
    Prediction p = Simulation.builder().link(RATE, 1).connectionsPerServer(1).build()
        .predict(t, "round-robin", TWO, Arch.DISTRIBUTED);
    assertThat(p.boundBy()).isEqualTo("clients");
    assertThat(p.requestsPerSecond()).isLessThan(1000);
  }

  /** Distributed round-robin with unbounded CPU is exactly N x its 1-node rate, on random traces of equal sizes. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 8, 16})
  void roundRobinIsExactlyNTimesOneNode(int n) {
    Random random = new Random(n);
    List<TraceRequest> requests = new ArrayList<>();
    for (int i = 0; i < 10_080; i++) {
      requests.add(TraceRequest.of(Integer.toString(random.nextInt(500)), 7_000));
    }
    KeyedTrace t = KeyedTrace.of("random", requests, ORIGIN, 0, 8192);
    Simulation s = Simulation.builder().link(RATE, 0.9).cacheBytes(1 << 20)
        .cpu(new Calibration.Cpu(0.01, 0.02, 0.03, 0.04, 0.05)).build();
    double one = s.predict(t, "round-robin", List.of("n1"), Arch.DISTRIBUTED).requestsPerSecond();
    List<String> ids = IntStream.rangeClosed(1, n).mapToObj(i -> "n" + i).toList();
    assertThat(s.predict(t, "round-robin", ids, Arch.DISTRIBUTED).requestsPerSecond())
        .isCloseTo(n * one, within(1e-9 * n * one));
  }

  /** The efficiency from a measured 1-node rate brings the model's 1-node link bound back to that rate. */
  @Test
  void efficiencyFromAMeasuredRun() {
    KeyedTrace t = twoKeys("ketama", 1000);
    // 1 node, centralized: the switch carries 100 + 100 + 2000 B per request each way, plus 2% acks
    double bare = 1_000_000 / (2200 * 1.02);
    double e = Ceiling.efficiency(t, Arch.CENTRALIZED, bare * 0.85, RATE, 100, 0.02);
    assertThat(e).isCloseTo(0.85, within(1e-9));
    Simulation s = Simulation.builder().link(RATE, e).headBytes(100).ackShare(0.02).build();
    assertThat(s.predict(t, "ketama", List.of("n1"), Arch.CENTRALIZED).requestsPerSecond())
        .isCloseTo(bare * 0.85, within(1e-6));
    assertThat(Ceiling.efficiency(t, Arch.CENTRALIZED, bare * 2, RATE, 100, 0.02)).isEqualTo(1);
    assertThatThrownBy(() -> Ceiling.efficiency(t, Arch.CENTRALIZED, 0, RATE, 100, 0.02))
        .hasMessage("measured requests/s: 0.0 (expected: a finite number > 0)");
  }

  /** The replay drops the origin's trailing slash, so the keys are the same with or without it. */
  @Test
  void theOriginsTrailingSlashDoesNotChangeTheKeys() {
    List<TraceRequest> r = List.of(TraceRequest.of("7", 100), TraceRequest.of("www.bu.edu/a/../b.gif", 50));
    KeyedTrace plain = KeyedTrace.of("t", r, ORIGIN, 0, 8192);
    KeyedTrace slash = KeyedTrace.of("t", r, ORIGIN + "/", 0, 8192);
    assertThat(slash.key(0)).isEqualTo(plain.key(0));
    assertThat(plain.key(0).toString()).isEqualTo(ORIGIN + "/o/100/7.html");
    assertThat(plain.key(1).toString()).as("normalized as a node does").isEqualTo(ORIGIN + "/o/50/www.bu.edu/b.gif");
  }

  @Test
  void badInputIsRefused() {
    KeyedTrace t = twoKeys("ketama", 10);
    assertThatThrownBy(() -> bare().predict(t, "nope", TWO, Arch.DISTRIBUTED))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strategy: \"nope\"");
    assertThatThrownBy(() -> bare().predict(t, "ketama", List.of("n1", "n1"), Arch.DISTRIBUTED))
        .hasMessageContaining("duplicate member id 'n1'");
    assertThatThrownBy(() -> Simulation.builder().link(RATE, 1.5))
        .hasMessage("link efficiency: 1.5 (expected: > 0 and <= 1)");
    assertThatThrownBy(() -> Simulation.builder().build()).hasMessageContaining("link: not set");
  }

  private static Simulation bare() {
    return Simulation.builder().link(RATE, 1).build();
  }

  /**
   * A A B B repeated {@code cycles} times, A = 1,000 B owned by n1 and B = 3,000 B owned by n2
   * under {@code strategy} over n1, n2: the first ids found that the strategy places so.
   */
  static KeyedTrace twoKeys(String strategy, int cycles) {
    List<TraceRequest> probe = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      probe.add(TraceRequest.of(Integer.toString(i), i % 2 == 1 ? 1000 : 3000));
    }
    KeyedTrace p = KeyedTrace.of("probe", probe, ORIGIN, 0, 8192);
    Strategy s = Strategies.create(strategy);
    View view = View.of("n1", "n2");
    String a = null;
    String b = null;
    for (int i = 0; i < probe.size(); i++) {
      String owner = s.owner(p.key(i), view).id();
      if (a == null && i % 2 == 0 && owner.equals("n1")) {
        a = probe.get(i).key();
      }
      if (b == null && i % 2 == 1 && owner.equals("n2")) {
        b = probe.get(i).key();
      }
    }
    List<TraceRequest> requests = new ArrayList<>();
    for (int c = 0; c < cycles; c++) {
      requests.add(TraceRequest.of(a, 1000));
      requests.add(TraceRequest.of(a, 1000));
      requests.add(TraceRequest.of(b, 3000));
      requests.add(TraceRequest.of(b, 3000));
    }
    return KeyedTrace.of("two-keys", requests, ORIGIN, 0, 8192);
  }
}
