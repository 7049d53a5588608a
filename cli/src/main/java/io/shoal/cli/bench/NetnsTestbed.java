package io.shoal.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoal.base.config.Sizes;
import io.shoal.bench.paper.Arch;
import io.shoal.bench.paper.HostUsage;
import io.shoal.bench.paper.PaperRun;
import io.shoal.bench.paper.Testbed;
import io.shoal.bench.testbed.CpuGroups;
import io.shoal.bench.testbed.Network;
import io.shoal.bench.testbed.Shell;
import io.shoal.bench.testbed.Topology;
import io.shoal.cli.cluster.NodeProcess;
import io.shoal.front.NodeAddress;
import io.shoal.front.kernel.DirectRouting;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The paper's testbed on emulated hosts, run from inside the client's namespace: per run, a
 * {@code shoal node} per cache host, each in its namespace and CPU group, configured as on
 * separate machines (its own address, JGroups over {@code cluster.peers}); the distributed
 * architecture behind the front in kernel direct-routing mode (the nftables {@code fwd} ruleset
 * in the front's namespace, the VIP on every node's {@code lo}), the centralized one behind a
 * switch node on its own host. Node CPU quotas apply once the cluster is up, so start-up is not
 * slowed; counting covers the replay.
 */
final class NetnsTestbed implements Testbed {
  static final int PROXY_PORT = 3128;
  static final int ADMIN_PORT = 9090;
  static final int CLUSTER_PORT = 7800;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
      .connectTimeout(Duration.ofSeconds(2)).build();

  private final Topology topology;
  private final CpuGroups cpu;
  private final long cacheSize;
  private final List<String> javaOpts;
  private final Map<String, String> set;
  private final Path configs;
  private final PrintWriter nodeLog;
  private final AtomicInteger runs = new AtomicInteger();

  NetnsTestbed(Topology topology, long cacheSize, String javaOpts, Map<String, String> set, Path configs,
      PrintWriter nodeLog) {
    this.topology = topology;
    this.cpu = CpuGroups.open(topology.run());
    this.cacheSize = cacheSize;
    this.javaOpts = List.of(javaOpts.strip().split("\\s+"));
    this.set = Map.copyOf(set);
    this.configs = configs;
    this.nodeLog = nodeLog;
  }

  @Override
  public Deployment start(int servers, String strategy, Arch arch) throws InterruptedException {
    if (servers > topology.nodes()) {
      throw new IllegalStateException("nodes: " + servers + " (expected: at most " + topology.nodes() + ", the testbed's)");
    }
    int run = runs.incrementAndGet();
    synchronized (nodeLog) {
      nodeLog.println("=== run " + run + ": " + servers + " nodes, " + strategy + ", " + arch.id());
      nodeLog.flush();
    }
    List<String> hosts = new ArrayList<>();
    for (int i = 1; i <= servers; i++) {
      hosts.add(Topology.node(i));
    }
    if (arch == Arch.CENTRALIZED) {
      hosts.add(Topology.SWITCH);
    }
    Running r = new Running(hosts, arch);
    try {
      String name = "paper-" + topology.run() + "-" + run;
      List<String> peers = hosts.stream().map(h -> topology.address(h) + ":" + CLUSTER_PORT).toList();
      for (String h : hosts) {
        cpu.limit(h, 0);
        Path file = configs.resolve(h + ".yaml");
        write(file, NetnsConfig.node(h, topology.address(h), peers, name, nodeStrategy(strategy, arch), h.equals(Topology.SWITCH),
            cacheSize, set));
        List<String> command = NodeProcess.command(javaOpts, List.of("node", "--config", file.toString()));
        r.nodes.add(NodeProcess.start(h, PROXY_PORT, ADMIN_PORT, CLUSTER_PORT,
            cpu.launcher(h, Shell.in(topology.prefix() + "-" + h, command)), nodeLog));
      }
      for (NodeProcess n : r.nodes) {
        n.awaitReady(Duration.ofSeconds(120));
      }
      awaitView(hosts, servers);
      if (arch == Arch.DISTRIBUTED) {
        directRouting(r, servers);
      }
      for (String h : hosts) {
        cpu.limit(h, topology.hostCpu());
      }
      return r;
    } catch (InterruptedException e) {
      r.close();
      throw e;
    } catch (Exception e) {
      r.close();
      throw new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }
  }

  /**
   * The strategy the nodes run. Distributed round-robin (the paper's AS-RR) is the front's
   * round-robin alone: each node serves what it receives ({@code local}), as the paper's servers
   * behind an L4 switch did; a node that also spread requests round-robin would forward
   * (N-1)/N of them for nothing.
   */
  static String nodeStrategy(String strategy, Arch arch) {
    return arch == Arch.DISTRIBUTED && strategy.equals("round-robin") ? "local" : strategy;
  }

  /** The front's nftables ruleset over the first {@code servers} nodes, and the VIP on their {@code lo}. */
  private void directRouting(Running r, int servers) throws IOException {
    DirectRouting.Builder dr = DirectRouting.builder().vip(InetAddress.getByName(topology.vip())).device("eth0")
        .port(PROXY_PORT);
    for (int i = 1; i <= servers; i++) {
      dr.node(NodeAddress.parse(topology.address(Topology.node(i)) + ":" + PROXY_PORT));
    }
    r.rules = dr.build();
    for (int i = 1; i <= servers; i++) {
      for (String line : r.rules.nodeSettings().split("\n")) {
        Shell.run(Shell.in(ns(Topology.node(i)), List.of(line.split(" "))).toArray(String[]::new));
      }
    }
    Shell.run(Shell.in(ns(Topology.FRONT), List.of("sh", "-c", "printf '%s' \"$0\" | nft -f -", r.rules.nftRuleset()))
        .toArray(String[]::new));
  }

  private String ns(String host) {
    return topology.prefix() + "-" + host;
  }

  /** Waits (up to 60 s) until every node's view has all {@code servers} cache nodes. */
  private void awaitView(List<String> hosts, int servers) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      boolean all = true;
      for (String h : hosts) {
        JsonNode members = status(h).path("cluster").path("members");
        int caches = 0;
        for (JsonNode m : members) {
          caches += m.path("role").asText().equals("cache") ? 1 : 0;
        }
        all &= caches == servers;
      }
      if (all) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the nodes did not all see " + servers + " cache nodes within 60 s (see nodes.log)");
  }

  private URI statusUri(String host) {
    return URI.create("http://" + topology.address(host) + ":" + ADMIN_PORT + "/status");
  }

  /** A node's {@code /status}, empty when it does not answer (or on an interrupt, which stays set). */
  private JsonNode status(String host) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(statusUri(host)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? JSON.readTree(r.body()) : JSON.createObjectNode();
    } catch (IOException e) {
      return JSON.createObjectNode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return JSON.createObjectNode();
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** One run's cluster: its node processes, the front's rules, and the counts at the start of the replay. */
  private final class Running implements Deployment {
    final List<String> hosts;
    final Arch arch;
    final List<NodeProcess> nodes = new ArrayList<>();
    DirectRouting rules;
    long startNanos;
    long machineAtStart;
    Map<String, Network.Bytes> bytesAtStart = Map.of();
    final Map<String, Long> cpuAtStart = new HashMap<>();

    Running(List<String> hosts, Arch arch) {
      this.hosts = List.copyOf(hosts);
      this.arch = arch;
    }

    @Override
    public URI proxy() {
      String host = arch == Arch.DISTRIBUTED ? topology.vip() : topology.address(Topology.SWITCH);
      return URI.create("http://" + host + ":" + PROXY_PORT);
    }

    @Override
    public List<URI> cacheStatus() {
      return hosts.stream().filter(h -> !h.equals(Topology.SWITCH)).map(NetnsTestbed.this::statusUri).toList();
    }

    @Override
    public List<Long> pids() {
      return nodes.stream().map(NodeProcess::pid).toList();
    }

    @Override
    public void startCounting() {
      bytesAtStart = Network.counters(topology.prefix());
      for (String h : counted()) {
        cpuAtStart.put(h, cpu.usageNanos(h));
      }
      machineAtStart = CpuGroups.machineBusyNanos();
      startNanos = System.nanoTime();
    }

    /** The hosts whose CPU is counted: this run's nodes (and switch), the client and the origin. */
    private List<String> counted() {
      List<String> c = new ArrayList<>(hosts);
      c.add(Topology.CLIENT);
      c.add(Topology.ORIGIN);
      return c;
    }

    @Override
    public List<HostUsage> usage() {
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      Map<String, Network.Bytes> bytes = Network.counters(topology.prefix());
      Map<String, JsonNode> status = new HashMap<>();
      Map<String, Long> forwardedIn = new HashMap<>();
      for (String h : hosts) {
        JsonNode s = status(h);
        status.put(h, s);
        for (JsonNode m : s.path("cluster").path("members")) {
          forwardedIn.merge(m.path("id").asText(), m.path("forwards").path("forwards").asLong(), Long::sum);
        }
      }
      List<HostUsage> out = new ArrayList<>();
      out.add(new HostUsage(PaperRun.MACHINE, seconds, (CpuGroups.machineBusyNanos() - machineAtStart) / 1e9,
          Runtime.getRuntime().availableProcessors(), 0, 0, 0, 0, 0, 0, 0));
      List<String> all = new ArrayList<>(List.of(Topology.CLIENT, Topology.ORIGIN, Topology.FRONT));
      all.addAll(hosts);
      for (String h : all) {
        Network.Bytes b = bytes.getOrDefault(h, new Network.Bytes(0, 0))
            .minus(bytesAtStart.getOrDefault(h, new Network.Bytes(0, 0)));
        double cpuSeconds = cpuAtStart.containsKey(h) ? (cpu.usageNanos(h) - cpuAtStart.get(h)) / 1e9 : Double.NaN;
        JsonNode s = status.getOrDefault(h, JSON.createObjectNode());
        long forwarded = 0;
        for (JsonNode m : s.path("cluster").path("members")) {
          forwarded += m.path("forwards").path("forwards").asLong();
        }
        out.add(new HostUsage(h, seconds, cpuSeconds, hosts.contains(h) ? topology.hostCpu() : 0, b.rx(), b.tx(),
            topology.shaped(h) ? topology.linkBitsPerSecond() : 0, s.path("requests").path("total").asLong(),
            s.path("requests").path("hits").asLong(), forwarded, forwardedIn.getOrDefault(h, 0L)));
      }
      return out;
    }

    @Override
    public void close() {
      if (rules != null) {
        Shell.exec(Shell.in(ns(Topology.FRONT), List.of("nft", "delete", "table", "netdev", "shoal_front")));
      }
      List<Thread> stoppers = new ArrayList<>();
      for (NodeProcess n : nodes) {
        Thread t = new Thread(() -> n.stop(Duration.ofSeconds(10)), "shoal-testbed-stop");
        t.start();
        stoppers.add(t);
      }
      for (Thread t : stoppers) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      for (String h : hosts) {
        cpu.limit(h, 0);
      }
    }
  }
}
