package io.shoal.cli.bench;

import io.shoal.bench.paper.Arch;
import io.shoal.cli.cluster.NodeOptions;
import io.shoal.cli.options.Usage;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** Checks every cluster setting of {@code bench paper} before anything starts: a bad one is a usage error. */
final class ClusterTestbedChecks {
  private ClusterTestbedChecks() {}

  static void check(CommandSpec spec, List<String> strategies, List<Integer> nodes, NodeOptions node) {
    ClusterTestbed probe = new ClusterTestbed(node, null);
    for (int n : nodes) {
      if (n < 1 || n > 64) {
        throw Usage.error(spec, "--nodes: " + n + " (expected: 1-64)");
      }
    }
    for (String s : strategies) {
      Usage.of(spec, () -> probe.builder(1, s, Arch.DISTRIBUTED).validate());
    }
  }
}
