package io.shoal.bench.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.shoal.bench.paper.Arch;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ceiling on the bundled BU trace against the formula from owner shares: distributed, node
 * i's egress carries 1/N + s_i (N-1)/N of the client bytes (s_i, what it receives, for
 * round-robin); centralized the switch's link carries them all.
 */
class CeilingTest {
  private static final long RATE = 100_000_000;
  private static final double EFFICIENCY = 0.9;
  private static KeyedTrace bu;

  @BeforeAll
  static void load() {
    bu = KeyedTrace.load("webcachesim:classpath:bu-1998-webcachesim.tr.gz", 20_000, "http://10.0.0.2:8080", 0, 8192);
  }

  @ParameterizedTest
  @CsvSource({"ketama,4", "ketama,8", "carp,8", "md5,4", "ht-rr,8", "round-robin,8", "mod-ch,16"})
  void distributedIsTheBusiestOwnersEgressFromItsShare(String strategy, int n) {
    List<String> ids = SimulationGrid.nodeIds(n);
    Ceiling.Result r = Ceiling.of(bu, strategy, ids, Arch.DISTRIBUTED, RATE, EFFICIENCY, 0, 0);
    double max = 0;
    for (double s : r.ownerShares().values()) {
      // round-robin: a node owns what it receives, and replies to it all
      max = Math.max(max, strategy.equals("round-robin") ? s : 1.0 / n + s * (n - 1) / n);
    }
    double formula = RATE / 8.0 * EFFICIENCY / max;
    // the front hands out requests, not bytes, evenly: each node's 1/N of the bytes is 1/N give or take
    assertThat(r.megabitsPerSecond() * 1e6 / 8).as("bytes/s to clients").isCloseTo(formula, within(formula * 0.06));
    assertThat(r.ownerShares().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-9));
    assertThat(r.boundBy()).matches("link:n[0-9]+:egress");
  }

  @ParameterizedTest
  @CsvSource({"ketama,1", "ketama,8", "round-robin,64"})
  void centralizedIsTheSwitchLinkExactly(String strategy, int n) {
    Ceiling.Result r = Ceiling.of(bu, strategy, SimulationGrid.nodeIds(n), Arch.CENTRALIZED, RATE, EFFICIENCY, 0, 0);
    assertThat(r.megabitsPerSecond()).isCloseTo(RATE * EFFICIENCY / 1e6, within(1e-6));
    assertThat(r.boundBy()).isEqualTo("link:switch:egress");
  }

  @Test
  void fittedEfficiencyMakesTheModelsOneNodeCellTheMeasuredOneAndStopsAtTheWire() {
    Calibration c = Calibration.builder().linkBitsPerSecond(20_000_000).linkEfficiency(0.5).hostCpu(1).machineCores(2)
        .connectionsPerServer(63).cacheBytes(256L << 20).origin("http://10.0.0.2:8080").defaultSize(8192)
        .runRequests(20_000).trace("bu", "webcachesim:classpath:bu-1998-webcachesim.tr.gz",
            new Calibration.Cpu(0, 0, 0, 0, 0)).build();
    double atHalf = Simulation.builder(c, "bu").build().predict(bu, "round-robin", List.of("n1"), Arch.DISTRIBUTED)
        .requestsPerSecond();
    double e = Ceiling.fitEfficiency(c, "bu", bu, atHalf * 1.5);
    assertThat(e).isCloseTo(0.75, within(0.01));
    double fitted = Simulation.builder(c.toBuilder().linkEfficiency(e).build(), "bu").build()
        .predict(bu, "round-robin", List.of("n1"), Arch.DISTRIBUTED).requestsPerSecond();
    assertThat(fitted).isCloseTo(atHalf * 1.5, org.assertj.core.data.Percentage.withPercentage(1));
    assertThat(Ceiling.fitEfficiency(c, "bu", bu, atHalf * 10)).as("never above the wire").isEqualTo(1);
    assertThatThrownBy(() -> Ceiling.fitEfficiency(c, "bu", bu, 0))
        .hasMessage("measured requests/s: 0.0 (expected: a finite number > 0)");
  }
}
