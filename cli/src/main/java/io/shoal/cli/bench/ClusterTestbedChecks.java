package io.shoal.cli.bench;

import io.shoal.bench.paper.Arch;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/** Checks every cluster setting of {@code bench paper} before anything starts: a bad one is a usage error. */
final class ClusterTestbedChecks {
  private ClusterTestbedChecks() {}

  static void check(CommandSpec spec, List<String> strategies, List<Integer> nodes, String cacheSize,
      String javaOpts, Map<String, String> set) {
    ClusterTestbed probe = new ClusterTestbed(cacheSize, javaOpts, set, null);
    for (int n : nodes) {
      if (n < 1 || n > 64) {
        throw BenchArgs.usage(spec, "--nodes: " + n + " (expected: 1-64)");
      }
    }
    for (String s : strategies) {
      BenchArgs.usage(spec, () -> probe.builder(1, s, Arch.DISTRIBUTED).validate());
    }
  }
}
