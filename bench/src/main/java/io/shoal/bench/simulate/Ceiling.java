package io.shoal.bench.simulate;

import io.shoal.bench.paper.Arch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The link-bound ceiling of a cell: the {@link Simulation} with CPU, clients and caches unbounded,
 * so only the links limit. Distributed, a node's link carries the replies to the clients it
 * received from (1/N of the bodies) and the bodies it serves as owner to the other nodes: per byte
 * delivered, node {@code i}'s egress carries {@code 1/N + s_i (N-1)/N} for a hashing strategy
 * whose node {@code i} owns the share {@code s_i} of the requested bytes, {@code 1/N} for
 * round-robin. The ceiling is {@code rate_eff / max_i(...)} (plus heads, acknowledgements and the
 * origin's bodies on first misses, which the model counts too). Centralized, every body crosses
 * the switch's link: the ceiling is {@code rate_eff}.
 *
 * <p>Reading a trace takes a second or so: read it once ({@link KeyedTrace#load}) for all its cells.
 *
 * <pre>{@code
 * KeyedTrace bu = KeyedTrace.load("webcachesim:classpath:bu-1998-webcachesim.tr.gz", 0,
 *     "http://10.0.0.2:8080", 0, 8192);
 * Ceiling.Result r = Ceiling.of(bu, "ketama", List.of("n1", "n2", "n3", "n4"), Arch.DISTRIBUTED,
 *     100_000_000, 0.92, 300, 0.0228);
 * }</pre>
 */
public final class Ceiling {
  /**
   * A ceiling.
   *
   * @param requestsPerSecond the link-bound requests/s
   * @param megabitsPerSecond the bodies delivered at that rate, Mbit/s
   * @param boundBy the link that bounds it, e.g. {@code link:n3:egress}, {@code link:switch:egress}
   * @param ownerShares node id -> the share of the requested body bytes it owns, in id order
   */
  public record Result(double requestsPerSecond, double megabitsPerSecond, String boundBy,
      Map<String, Double> ownerShares) {}

  private Ceiling() {}

  /**
   * The ceiling of {@code trace} through {@code nodeIds} placing with {@code strategy} in
   * {@code arch}, on links of {@code bitsPerSecond} carrying {@code efficiency} of it, counting
   * {@code headBytes} per HTTP message and {@code ackShare} acknowledgement bytes per byte
   * received (0 and 0 for the bare formula above).
   *
   * @throws IllegalArgumentException an unknown strategy, no node, a repeated id, a bad number
   */
  public static Result of(KeyedTrace trace, String strategy, List<String> nodeIds, Arch arch, long bitsPerSecond,
      double efficiency, int headBytes, double ackShare) {
    Simulation s = Simulation.builder().link(bitsPerSecond, efficiency).headBytes(headBytes).ackShare(ackShare)
        .build();
    return result(s.predict(trace, strategy, nodeIds, arch), nodeIds);
  }

  /** The same with a calibration's link, heads and acknowledgements. */
  public static Result of(KeyedTrace trace, String strategy, List<String> nodeIds, Arch arch, Calibration c) {
    Objects.requireNonNull(c, "calibration");
    return of(trace, strategy, nodeIds, arch, c.linkBitsPerSecond(), c.linkEfficiency(), c.headBytes(),
        c.ackShare());
  }

  /**
   * The {@code link.efficiency} that makes the model's 1-node link bound equal a measured 1-node
   * rate: {@code measured / ceiling at efficiency 1} (at most 1). Use a run its link bounded (the
   * busiest link saturated), in the architecture measured; the strategy does not matter at 1 node.
   *
   * @throws IllegalArgumentException a measured rate that is not a number > 0, or a bad number
   */
  public static double efficiency(KeyedTrace trace, Arch arch, double measuredRequestsPerSecond, long bitsPerSecond,
      int headBytes, double ackShare) {
    if (!(measuredRequestsPerSecond > 0) || Double.isInfinite(measuredRequestsPerSecond)) {
      throw new IllegalArgumentException("measured requests/s: " + measuredRequestsPerSecond
          + " (expected: a finite number > 0)");
    }
    double ceiling = of(trace, "round-robin", List.of("n1"), arch, bitsPerSecond, 1, headBytes, ackShare)
        .requestsPerSecond();
    return Math.min(1, measuredRequestsPerSecond / ceiling);
  }

  private static Result result(Prediction p, List<String> nodeIds) {
    Map<String, Double> shares = new LinkedHashMap<>();
    for (int i = 0; i < nodeIds.size(); i++) {
      shares.put(nodeIds.get(i), p.ownerShares().get(i));
    }
    return new Result(p.requestsPerSecond(), p.megabitsPerSecond(), p.boundBy(), shares);
  }

  /**
   * The {@code link.efficiency} with which {@code c}'s model predicts {@code measured} requests/s
   * for {@code trace} through one node in the distributed architecture: the model's own 1-node
   * cell (its measured window, cold misses and all) scaled to the measurement, at most 1. The
   * efficiency absorbs what the model leaves out of a link-bound run, e.g. which responses of a
   * heavy-tailed trace complete inside a short window. {@code c}'s own value when its 1-node cell
   * is not link-bound.
   *
   * @throws IllegalArgumentException a measured rate that is not a finite number > 0
   */
  public static double fitEfficiency(Calibration c, String traceName, KeyedTrace trace, double measured) {
    if (!(measured > 0) || Double.isInfinite(measured)) {
      throw new IllegalArgumentException("measured requests/s: " + measured + " (expected: a finite number > 0)");
    }
    double e = c.linkEfficiency();
    for (int i = 0; i < 3; i++) { // the window depends on the rate: settle in a few steps
      Calibration at = c.toBuilder().linkEfficiency(e).build();
      Prediction p = Simulation.builder(at, traceName).build().predict(trace, "round-robin", List.of("n1"),
          Arch.DISTRIBUTED);
      if (!p.boundBy().startsWith("link:")) {
        return e;
      }
      e = Math.min(1, e * measured / p.requestsPerSecond());
    }
    return e;
  }
}
