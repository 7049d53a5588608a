package io.shoal.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoal.front.Front;
import io.shoal.front.FrontConfig;
import io.shoal.front.NodeAddress;
import io.shoal.node.NodeConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shoal cluster}: starts N node processes on this machine (separate ports, one JGroups
 * group), optionally a switch and the L4 front in front of them, prints who listens where and
 * runs until interrupted (Ctrl-C), then stops everything. A node that dies (or is killed) is
 * reported and the rest keep serving.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = {"Run a whole Shoal cluster on this machine: N node processes in one JGroups group (and the L4 front with --front).",
        "Each node is a separate 'shoal node' process, so killing one (kill -9 PID) is a real node failure."})
public final class ClusterCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Option(names = "--nodes", paramLabel = "N", defaultValue = "3", description = "Cache nodes to start (default ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--strategy", paramLabel = "SPEC", defaultValue = "ketama", description = "Placement strategy (cluster.strategy; default ${DEFAULT-VALUE}).")
  String strategy;

  @Option(names = "--name", paramLabel = "NAME", defaultValue = "shoal", description = "Cluster name (cluster.name; default ${DEFAULT-VALUE}).")
  String name;

  @Option(names = "--front", description = "Also start the L4 front (round-robin over every node) on --front-port.")
  boolean front;

  @Option(names = "--front-port", paramLabel = "PORT", defaultValue = "3128", description = "Port of the front (default ${DEFAULT-VALUE}; the nodes then start one above; 0: a free port).")
  int frontPort;

  @Option(names = "--switch", description = "Also start one node in role switch (routes and relays only, no cache: the centralized baseline).")
  boolean withSwitch;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Address every listener binds (default ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--base-port", paramLabel = "PORT", description = "First proxy port; node i listens on PORT+i (default 3128, or front port + 1). 0: free ports everywhere.")
  Integer basePort;

  @Option(names = "--admin-base-port", paramLabel = "PORT", defaultValue = "9090", description = "First admin port (default ${DEFAULT-VALUE}).")
  int adminBase;

  @Option(names = "--cluster-base-port", paramLabel = "PORT", defaultValue = "7800", description = "First cluster (JGroups) port; FD_SOCK2 uses port+100 (default ${DEFAULT-VALUE}).")
  int clusterBase;

  @Option(names = "--cache-size", paramLabel = "SIZE", defaultValue = "128MB", description = "Cache memory per node (default ${DEFAULT-VALUE}).")
  String cacheSize;

  @Option(names = "--java-opts", paramLabel = "OPTS", defaultValue = "-Xms64m -Xmx512m", description = "JVM options of each node process (default '${DEFAULT-VALUE}').")
  String javaOpts;

  @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Any node setting, for every node (repeatable), e.g. --set proxy.allowed-destinations=127.0.0.1/32.")
  Map<String, String> set = new LinkedHashMap<>();

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    List<Planned> plan = plan();
    List<NodeProcess> started = new ArrayList<>();
    Front l4 = null;
    try {
      List<String> peers = plan.stream().map(p -> host + ":" + p.cluster).toList();
      for (Planned p : plan) {
        started.add(NodeProcess.start(p.id, p.proxy, p.admin, p.cluster, List.of(javaOpts.strip().split("\\s+")),
            nodeArgs(p, peers), out));
      }
      for (NodeProcess n : started) {
        n.awaitReady(Duration.ofSeconds(90));
      }
      awaitView(started, plan, out);
      if (front) {
        FrontConfig.Builder fb = FrontConfig.builder().listen(new InetSocketAddress(host, frontPort));
        for (Planned p : plan) {
          if (!p.isSwitch) {
            fb.node(NodeAddress.parse(host + ":" + p.proxy));
          }
        }
        l4 = Front.start(fb.build());
      }
      table(out, started, plan, l4);
    } catch (Exception e) {
      started.forEach(n -> n.stop(Duration.ofSeconds(5)));
      throw new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }
    Front frontToClose = l4;
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop(started, frontToClose, out);
      stopped.countDown();
    }, "shoal-cluster-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Runtime.getRuntime().removeShutdownHook(hook);
      stop(started, frontToClose, out);
    }
  }

  private record Planned(String id, int proxy, int admin, int cluster, boolean isSwitch) {}

  private List<Planned> plan() {
    if (nodes < 1 || nodes > 64) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--nodes: " + nodes + " (expected: 1-64)");
    }
    Map<String, String> check = new LinkedHashMap<>(set);
    check.put("cluster.strategy", strategy);
    check.put("cluster.name", name);
    check.put("cache.size", cacheSize);
    try {
      NodeConfig.of(check);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    boolean free = basePort != null && basePort == 0;
    int base = basePort != null ? basePort : front ? frontPort + 1 : 3128;
    List<Planned> out = new ArrayList<>();
    int total = nodes + (withSwitch ? 1 : 0);
    List<Integer> taken = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      boolean sw = i == nodes;
      String id = sw ? "switch" : "node-" + (i + 1);
      out.add(new Planned(id, free ? freePort(taken, false) : base + i, free ? freePort(taken, false) : adminBase + i,
          free ? freePort(taken, true) : clusterBase + i, sw));
    }
    return out;
  }

  private List<String> nodeArgs(Planned p, List<String> peers) {
    List<String> a = new ArrayList<>(List.of("--id", p.id, "--port", Integer.toString(p.proxy),
        "--admin-port", Integer.toString(p.admin), "--cache-size", cacheSize));
    Map<String, String> s = new LinkedHashMap<>();
    s.put("proxy.host", host);
    s.put("admin.host", host);
    s.put("cluster.enabled", "true");
    s.put("cluster.name", name);
    s.put("cluster.bind-address", host);
    s.put("cluster.bind-port", Integer.toString(p.cluster));
    s.put("cluster.peers", String.join(",", peers));
    s.put("cluster.strategy", strategy);
    if (p.isSwitch) {
      s.put("node.role", "switch");
    }
    s.putAll(set);
    s.forEach((k, v) -> {
      a.add("--set");
      a.add(k + "=" + v);
    });
    return a;
  }

  /** Waits (up to 30 s) until every node's view has all the cache nodes. */
  private void awaitView(List<NodeProcess> started, List<Planned> plan, PrintWriter out) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    ObjectMapper json = new ObjectMapper();
    long owners = plan.stream().filter(p -> !p.isSwitch).count();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      boolean all = true;
      for (NodeProcess n : started) {
        all &= members(http, json, n) == owners;
      }
      if (all) {
        return;
      }
      Thread.sleep(200);
    }
    out.println("shoal cluster: warning: not every node sees all " + owners + " nodes yet (see their /status)");
  }

  private int members(HttpClient http, ObjectMapper json, NodeProcess n) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + hostForUrl() + ":" + n.adminPort + "/status"))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode members = json.readTree(r.body()).path("cluster").path("members");
      int count = 0;
      for (JsonNode m : members) {
        count += m.path("role").asText().equals("cache") ? 1 : 0;
      }
      return count;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private void table(PrintWriter out, List<NodeProcess> started, List<Planned> plan, Front l4) {
    String h = hostForUrl();
    out.printf(Locale.ROOT, "shoal cluster '%s': %d nodes%s, strategy %s%n", name, nodes,
        withSwitch ? " + 1 switch" : "", strategy);
    out.printf(Locale.ROOT, "  %-8s %-7s %-22s %-30s %-22s %s%n", "member", "role", "proxy", "admin (/status)", "cluster", "pid");
    for (int i = 0; i < started.size(); i++) {
      NodeProcess n = started.get(i);
      out.printf(Locale.ROOT, "  %-8s %-7s %-22s %-30s %-22s %d%n", n.id, plan.get(i).isSwitch ? "switch" : "cache",
          h + ":" + n.proxyPort, "http://" + h + ":" + n.adminPort + "/status", h + ":" + n.clusterPort, n.pid());
    }
    if (l4 != null) {
      out.printf(Locale.ROOT, "  %-8s %-7s %-22s round-robin over the cache nodes%n", "front", "l4",
          h + ":" + l4.address().getPort());
    }
    int port = l4 != null ? l4.address().getPort() : started.get(0).proxyPort;
    out.println("try:  curl -x http://" + h + ":" + port + " http://HOST/PATH   (any node's proxy port works)");
    out.println("Ctrl-C stops the cluster; kill -9 PID stops one node and the others take over its URLs.");
    out.flush();
  }

  private static void stop(List<NodeProcess> started, Front l4, PrintWriter out) {
    if (l4 != null) {
      l4.close();
    }
    List<Thread> stoppers = new ArrayList<>();
    for (NodeProcess n : started) {
      Thread t = new Thread(() -> n.stop(Duration.ofSeconds(20)));
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
    out.println("shoal cluster: stopped");
    out.flush();
  }

  private String hostForUrl() {
    return host.contains(":") ? "[" + host + "]" : host.equals("0.0.0.0") ? "127.0.0.1" : host;
  }

  private int freePort(List<Integer> taken, boolean pair) {
    for (int attempt = 0; attempt < 100; attempt++) {
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host))) {
        int p = s.getLocalPort();
        if (taken.contains(p) || (pair && (p > 65435 || taken.contains(p + 100) || !free(p + 100)))) {
          continue;
        }
        taken.add(p);
        if (pair) {
          taken.add(p + 100);
        }
        return p;
      } catch (IOException e) {
        throw new IllegalStateException("--host " + host + ": cannot bind (" + e.getMessage() + ")", e);
      }
    }
    throw new IllegalStateException("no free port on " + host);
  }

  private boolean free(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(host))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
