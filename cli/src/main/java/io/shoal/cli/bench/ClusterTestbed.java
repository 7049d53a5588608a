package io.shoal.cli.bench;

import io.shoal.bench.paper.Arch;
import io.shoal.bench.paper.Testbed;
import io.shoal.cli.cluster.LocalCluster;
import io.shoal.cli.cluster.NodeOptions;
import java.io.PrintWriter;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The paper's testbed on this machine: a {@link LocalCluster} of node processes per run on free
 * loopback ports, with the L4 front (distributed) or one switch node (centralized) in front; the
 * nodes' output goes to {@code nodeLog}. Each run gets its own JGroups cluster name.
 */
final class ClusterTestbed implements Testbed {
  private final long cacheSize;
  private final String javaOpts;
  private final Map<String, String> settings;
  private final PrintWriter nodeLog;
  private final String name = "paper-" + ProcessHandle.current().pid();
  private final AtomicInteger runs = new AtomicInteger();

  ClusterTestbed(NodeOptions node, PrintWriter nodeLog) {
    this.cacheSize = node.cacheSize;
    this.javaOpts = node.javaOpts;
    this.settings = settings(node.set);
    this.nodeLog = nodeLog;
  }

  /** What every node gets: loopback origins allowed, a quick join and a short drain, then {@code set}. */
  static Map<String, String> settings(Map<String, String> set) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("proxy.allowed-destinations", "127.0.0.0/8");
    s.put("cluster.join-timeout", "1s");
    s.put("shutdown.timeout", "2s");
    s.putAll(set);
    return s;
  }

  /** A cluster builder with this testbed's settings (also used to check them before anything starts). */
  LocalCluster.Builder builder(int servers, String strategy, Arch arch) {
    return LocalCluster.builder().nodes(servers).strategy(strategy).name(name + "-" + runs.get())
        .front(arch == Arch.DISTRIBUTED).frontPort(0).withSwitch(arch == Arch.CENTRALIZED).basePort(0)
        .cacheSize(cacheSize).javaOpts(javaOpts).set(settings);
  }

  @Override
  public Deployment start(int servers, String strategy, Arch arch) throws InterruptedException {
    int run = runs.incrementAndGet();
    synchronized (nodeLog) {
      nodeLog.println("=== run " + run + ": " + servers + " nodes, " + strategy + ", " + arch.id());
      nodeLog.flush();
    }
    LocalCluster c = builder(servers, strategy, arch).start(nodeLog);
    return new Deployment() {
      @Override
      public URI proxy() {
        int port = c.front() != null ? c.front().getPort()
            : c.members().stream().filter(LocalCluster.Member::isSwitch).findFirst().orElseThrow().proxyPort();
        return URI.create("http://" + c.urlHost() + ":" + port);
      }

      @Override
      public List<URI> cacheStatus() {
        return c.members().stream().filter(m -> !m.isSwitch()).map(c::statusUri).toList();
      }

      @Override
      public List<Long> pids() {
        return c.members().stream().map(LocalCluster.Member::pid).toList();
      }

      @Override
      public void close() {
        c.close();
      }
    };
  }
}
