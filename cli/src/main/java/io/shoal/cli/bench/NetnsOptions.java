package io.shoal.cli.bench;

import io.shoal.base.config.Durations;
import io.shoal.base.config.Rates;
import io.shoal.bench.origin.BenchOriginSettings;
import io.shoal.bench.paper.Testbed;
import io.shoal.bench.testbed.Topology;
import io.shoal.cli.cluster.NodeOptions;
import io.shoal.cli.options.Usage;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The testbed options of {@code bench paper}, checked: {@code --testbed netns} with its link
 * rate, link delay and host CPU quota. The same command runs twice in that mode: outside (as
 * root: builds the hosts and supervises) and inside the client's namespace ({@link #inner()}: runs
 * the experiment on {@link NetnsTestbed}).
 */
final class NetnsOptions {
  /**
   * Links' default rate. With it, eight nodes move 160 Mbit/s: the links saturate while the two
   * cores of the machine this was tuned on stay below half busy, as the paper's 100 Mbit/s links
   * saturated before its PCs' CPUs.
   */
  static final String LINK = "20mbit";
  /** Nodes' and the switch's default CPU quota, in cores: eight nodes and a switch get up to 2.25 cores. */
  static final String HOST_CPU = "0.25";

  private final long bitsPerSecond;
  private final Duration delay;
  private final double hostCpu;

  private NetnsOptions(long bitsPerSecond, Duration delay, double hostCpu) {
    this.bitsPerSecond = bitsPerSecond;
    this.delay = delay;
    this.hostCpu = hostCpu;
  }

  /**
   * The netns options, or null for the loopback testbed.
   *
   * @throws picocli.CommandLine.ParameterException on a bad value, or a netns option without {@code --testbed netns}
   */
  static NetnsOptions of(CommandSpec spec, String testbed, Long link, Duration delay, Double hostCpu) {
    String kind = testbed.strip().toLowerCase(Locale.ROOT);
    if (kind.equals("loopback")) {
      for (var given : List.of(Map.entry("--link", link == null), Map.entry("--link-delay", delay == null),
          Map.entry("--host-cpu", hostCpu == null))) {
        if (!given.getValue()) {
          throw Usage.error(spec, given.getKey() + ": needs --testbed netns (the loopback testbed shapes nothing)");
        }
      }
      return null;
    }
    if (!kind.equals("netns")) {
      throw Usage.error(spec, "--testbed: \"" + testbed + "\" (expected: loopback or netns)");
    }
    long bytes = link != null ? link : Rates.parse(LINK);
    if (bytes <= 0) {
      throw Usage.error(spec, "--link: 0 (expected: a rate above 0, such as " + LINK + ")");
    }
    double cpu = hostCpu != null ? hostCpu : Double.parseDouble(HOST_CPU);
    int cores = Runtime.getRuntime().availableProcessors();
    if (!(cpu >= 0.01 && cpu <= cores)) {
      throw Usage.error(spec, "--host-cpu: " + cpu + " (expected: a fraction of a core from 0.01 to " + cores
          + ", this machine's cores)");
    }
    return new NetnsOptions(bytes * 8, delay == null ? Duration.ZERO : delay, cpu);
  }

  /** Whether this is the inner run, inside the client's namespace. */
  boolean inner() {
    return System.getenv(NetnsSupervisor.ENV) != null;
  }

  /**
   * The outer run: checks the machine, builds the testbed for the largest of {@code nodes} and
   * runs this command inside it; its exit code.
   *
   * @throws IllegalStateException naming every missing prerequisite
   */
  int supervise(CommandSpec spec, List<Integer> nodes, Path out) throws IOException, InterruptedException {
    String missing = NetnsSupervisor.missing(!delay.isZero());
    if (missing != null) {
      throw new IllegalStateException(missing);
    }
    Topology t = new Topology(Long.toString(ProcessHandle.current().pid()), Collections.max(nodes), bitsPerSecond, delay,
        hostCpu);
    PrintWriter err = spec.commandLine().getErr();
    err.printf(Locale.ROOT, "%s: netns testbed: %d nodes, links %s each way, %.2f cores per node%n",
        spec.qualifiedName(), t.nodes(), mbit(bitsPerSecond), hostCpu);
    err.flush();
    return new NetnsSupervisor(t, err).run(spec.commandLine().getParseResult().originalArgs(), out);
  }

  private static String mbit(long bitsPerSecond) {
    return String.format(Locale.ROOT, "%.4gmbit", bitsPerSecond / 1e6).replaceAll("\\.?0+mbit$", "mbit");
  }

  /** The inner run's origin, on its own host. */
  URI origin() {
    return URI.create(System.getenv(NetnsSupervisor.ORIGIN_ENV));
  }

  /** The inner run's testbed, as the outer run wrote it. */
  private Topology topology() {
    return Topology.read(Path.of(System.getenv(NetnsSupervisor.ENV)));
  }

  /** The inner run's ceilings and calibration. */
  NetnsResults results(double imageShare) {
    return new NetnsResults(topology(), origin(), imageShare, BenchOriginSettings.DEFAULT_SIZE.defaultValue());
  }

  /** The inner run's testbed; adds its description to the run log's {@code parameters}. */
  Testbed testbed(NodeOptions node, Path out, PrintWriter nodeLog, Map<String, String> parameters) throws IOException {
    Topology t = topology();
    parameters.put("testbed", "netns: a namespace per host on one bridge; links of the front, switch and nodes "
        + mbit(t.linkBitsPerSecond()) + " each way (tc tbf)" + (t.linkDelay().isZero() ? ""
        : " + " + Durations.format(t.linkDelay()) + " delay") + "; client and origin unshaped; nodes and switch "
        + t.hostCpu() + " cores each (cgroup cpu quota)");
    return new NetnsTestbed(t, node.cacheSize, node.javaOpts, node.set,
        Files.createDirectories(out.resolve("testbed")), nodeLog);
  }
}
