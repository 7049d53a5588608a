package io.shoal.cli.cluster;

import io.shoal.cli.Foreground;
import io.shoal.cli.options.SettingOptions;
import io.shoal.front.FrontSettings;
import io.shoal.node.AdminSettings;
import io.shoal.router.MembershipSettings;
import io.shoal.router.RouterSettings;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code shoal cluster}: starts N node processes on this machine (separate ports, one JGroups
 * group), optionally a switch and the L4 front in front of them, prints who listens where and
 * runs until interrupted (Ctrl-C), then stops everything. A node that dies (or is killed) is
 * reported and the rest keep serving.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true, defaultValueProvider = ClusterCommand.Defaults.class,
    description = {"Run a whole Shoal cluster on this machine: N node processes in one JGroups group (and the L4 front with --front).",
        "Each node is a separate 'shoal node' process, so killing one (kill -9 PID) is a real node failure."})
public final class ClusterCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Option(names = "--nodes", paramLabel = "N", description = "Cache nodes to start (default ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--strategy", paramLabel = "SPEC", description = "Placement strategy (cluster.strategy; default ${DEFAULT-VALUE}).")
  String strategy;

  @Option(names = "--name", paramLabel = "NAME", description = "Cluster name (cluster.name; default ${DEFAULT-VALUE}).")
  String name;

  @Option(names = "--front", description = "Also start the L4 front (round-robin over every node) on --front-port.")
  boolean front;

  @Option(names = "--front-port", paramLabel = "PORT", description = "Port of the front (default ${DEFAULT-VALUE}; the nodes then start one above; 0: a free port).")
  int frontPort;

  @Option(names = "--switch", description = "Also start one node in role switch (routes and relays only, no cache: the centralized baseline).")
  boolean withSwitch;

  @Option(names = "--host", paramLabel = "ADDRESS", description = "Address every listener binds (default ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--base-port", paramLabel = "PORT", description = "First proxy port; node i listens on PORT+i (default 3128, or front port + 1). 0: free ports everywhere.")
  Integer basePort;

  @Option(names = "--admin-base-port", paramLabel = "PORT", description = "First admin port (default ${DEFAULT-VALUE}).")
  int adminBase;

  @Option(names = "--cluster-base-port", paramLabel = "PORT", description = "First cluster (JGroups) port; FD_SOCK2 uses port+100 (default ${DEFAULT-VALUE}).")
  int clusterBase;

  @Mixin
  NodeOptions node;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    LocalCluster.Builder b = LocalCluster.builder().nodes(nodes).strategy(strategy).name(name).front(front)
        .frontPort(frontPort).withSwitch(withSwitch).host(host).basePort(basePort).adminBase(adminBase)
        .clusterBase(clusterBase).cacheSize(node.cacheSize).javaOpts(node.javaOpts).set(node.set);
    try {
      b.validate();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    LocalCluster cluster;
    try {
      cluster = b.start(out);
    } catch (InterruptedException e) {
      throw new IllegalStateException("interrupted while starting the cluster", e);
    }
    Foreground.run("shoal-cluster-shutdown", () -> stop(cluster, out), () -> table(out, cluster), () -> { });
  }

  /** The defaults of the node options in {@code shoal cluster}. */
  public static final class Defaults extends SettingOptions {
    public Defaults() {
      super("--nodes", String.valueOf(LocalCluster.NODES), "--host", LocalCluster.HOST,
          "--cache-size", LocalCluster.CACHE_SIZE, "--java-opts", LocalCluster.JAVA_OPTS,
          "--strategy", RouterSettings.STRATEGY, "--name", MembershipSettings.NAME,
          "--front-port", String.valueOf(FrontSettings.LISTEN.defaultValue().getPort()),
          "--admin-base-port", AdminSettings.PORT, "--cluster-base-port", MembershipSettings.BIND_PORT);
    }
  }

  private void table(PrintWriter out, LocalCluster cluster) {
    String h = cluster.urlHost();
    out.printf(Locale.ROOT, "shoal cluster '%s': %d nodes%s, strategy %s%n", name, nodes,
        withSwitch ? " + 1 switch" : "", strategy);
    out.printf(Locale.ROOT, "  %-8s %-7s %-22s %-30s %-22s %s%n", "member", "role", "proxy", "admin (/status)", "cluster", "pid");
    for (LocalCluster.Member n : cluster.members()) {
      out.printf(Locale.ROOT, "  %-8s %-7s %-22s %-30s %-22s %d%n", n.id(), n.isSwitch() ? "switch" : "cache",
          h + ":" + n.proxyPort(), "http://" + h + ":" + n.adminPort() + "/status", h + ":" + n.clusterPort(), n.pid());
    }
    if (cluster.front() != null) {
      out.printf(Locale.ROOT, "  %-8s %-7s %-22s round-robin over the cache nodes%n", "front", "l4",
          h + ":" + cluster.front().getPort());
    }
    int port = cluster.front() != null ? cluster.front().getPort() : cluster.members().get(0).proxyPort();
    out.println("try:  curl -x http://" + h + ":" + port + " http://HOST/PATH   (any node's proxy port works)");
    out.println("Ctrl-C stops the cluster; kill -9 PID stops one node and the others take over its URLs.");
    out.flush();
  }

  private static void stop(LocalCluster cluster, PrintWriter out) {
    cluster.close();
    out.println("shoal cluster: stopped");
    out.flush();
  }
}
