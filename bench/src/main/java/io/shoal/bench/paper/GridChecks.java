package io.shoal.bench.paper;

import java.util.List;

/** The checks of a grid's axes, shared by the paper's experiment and the simulator's grid. */
public final class GridChecks {
  private GridChecks() {}

  /**
   * {@code servers}, copied, when every number is 1..{@code max}.
   *
   * @throws IllegalArgumentException {@code nodes: N (expected: 1-MAX)}, or none given
   */
  public static List<Integer> servers(List<Integer> servers, int max) {
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("nodes: none (expected: at least one number of servers)");
    }
    for (int n : servers) {
      if (n < 1 || n > max) {
        throw new IllegalArgumentException("nodes: " + n + " (expected: 1-" + max + ")");
      }
    }
    return List.copyOf(servers);
  }

  /** {@code strategies}, copied, when there is one at least (their names are checked elsewhere). */
  public static List<String> strategies(List<String> strategies) {
    if (strategies.isEmpty()) {
      throw new IllegalArgumentException("strategies: none (expected: at least one)");
    }
    return List.copyOf(strategies);
  }

  /** {@code archs}, copied, when there is one at least. */
  public static List<Arch> archs(List<Arch> archs) {
    if (archs.isEmpty()) {
      throw new IllegalArgumentException("arch: none (expected: centralized, distributed or both)");
    }
    return List.copyOf(archs);
  }
}
