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
import java.util.Map;
import java.util.Objects;

/**
 * A whole Shoal cluster on this machine: N {@code shoal node} child processes in one JGroups
 * group, optionally one node in role {@code switch} and the L4 front (in process) in front of the
 * cache nodes. Shared by {@code shoal cluster} and {@code shoal bench paper}.
 *
 * <pre>{@code
 * try (LocalCluster c = LocalCluster.builder().nodes(4).strategy("carp").front(true).frontPort(0)
 *     .basePort(0).start(out)) {
 *   URI proxy = c.proxyUri();
 * }
 * }</pre>
 */
public final class LocalCluster implements AutoCloseable {
  /** One started member: a cache node or the switch. */
  public record Member(String id, boolean isSwitch, int proxyPort, int adminPort, int clusterPort, long pid) {}

  private final Builder b;
  private final List<NodeProcess> started;
  private final List<Member> members;
  private final Front front;

  private LocalCluster(Builder b, List<NodeProcess> started, List<Member> members, Front front) {
    this.b = b;
    this.started = started;
    this.members = members;
    this.front = front;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every member, cache nodes first, then the switch (if any). */
  public List<Member> members() {
    return members;
  }

  /** The L4 front's address, or null without one. */
  public InetSocketAddress front() {
    return front == null ? null : front.address();
  }

  /** The host to put in URLs (the bind address, loopback for a wildcard). */
  public String urlHost() {
    return b.urlHost();
  }

  /** The admin {@code /status} URI of a member. */
  public URI statusUri(Member m) {
    return URI.create("http://" + urlHost() + ":" + m.adminPort() + "/status");
  }

  /** Whether every node process still runs. */
  public boolean allAlive() {
    return started.stream().allMatch(NodeProcess::alive);
  }

  /** Stops the front, then every node (SIGTERM, SIGKILL after 20 s), in parallel. */
  @Override
  public void close() {
    stop(started, front);
  }

  private static void stop(List<NodeProcess> started, Front front) {
    if (front != null) {
      front.close();
    }
    List<Thread> stoppers = new ArrayList<>();
    for (NodeProcess n : started) {
      Thread t = new Thread(() -> n.stop(Duration.ofSeconds(20)), "shoal-cluster-stop-" + n.id);
      t.start();
      stoppers.add(t);
    }
    boolean interrupted = false;
    for (Thread t : stoppers) {
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // keep waiting: no child may outlive us
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Settings of a {@link LocalCluster}; {@link #validate()} checks them all. */
  public static final class Builder {
    private int nodes = 3;
    private String strategy = "ketama";
    private String name = "shoal";
    private boolean front;
    private int frontPort = 3128;
    private boolean withSwitch;
    private String host = "127.0.0.1";
    private Integer basePort;
    private int adminBase = 9090;
    private int clusterBase = 7800;
    private String cacheSize = "128MB";
    private String javaOpts = "-Xms64m -Xmx512m";
    private Map<String, String> set = new LinkedHashMap<>();
    private Duration readyTimeout = Duration.ofSeconds(90);
    private Duration viewTimeout = Duration.ofSeconds(30);

    private Builder() {}

    public Builder nodes(int nodes) {
      this.nodes = nodes;
      return this;
    }

    public Builder strategy(String strategy) {
      this.strategy = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** Also start the L4 front (round-robin over the cache nodes). */
    public Builder front(boolean front) {
      this.front = front;
      return this;
    }

    /** The front's port (0: a free one); the nodes start one above unless {@link #basePort}. */
    public Builder frontPort(int frontPort) {
      this.frontPort = frontPort;
      return this;
    }

    /** Also start one node in role switch (routes and relays only). */
    public Builder withSwitch(boolean withSwitch) {
      this.withSwitch = withSwitch;
      return this;
    }

    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The first proxy port (null: 3128, or front port + 1; 0: free ports everywhere). */
    public Builder basePort(Integer basePort) {
      this.basePort = basePort;
      return this;
    }

    public Builder adminBase(int adminBase) {
      this.adminBase = adminBase;
      return this;
    }

    public Builder clusterBase(int clusterBase) {
      this.clusterBase = clusterBase;
      return this;
    }

    public Builder cacheSize(String cacheSize) {
      this.cacheSize = Objects.requireNonNull(cacheSize, "cacheSize");
      return this;
    }

    public Builder javaOpts(String javaOpts) {
      this.javaOpts = Objects.requireNonNull(javaOpts, "javaOpts");
      return this;
    }

    /** Node settings for every node (applied last). */
    public Builder set(Map<String, String> set) {
      this.set = new LinkedHashMap<>(set);
      return this;
    }

    /** How long a node may take to listen (default 90 s). */
    public Builder readyTimeout(Duration readyTimeout) {
      this.readyTimeout = Objects.requireNonNull(readyTimeout, "readyTimeout");
      return this;
    }

    public int nodes() {
      return nodes;
    }

    public String strategy() {
      return strategy;
    }

    public String name() {
      return name;
    }

    public boolean withSwitch() {
      return withSwitch;
    }

    /**
     * Checks every setting as the nodes will read it.
     *
     * @throws IllegalArgumentException naming the setting, e.g. {@code --nodes: 0 (expected: 1-64)}
     */
    public Builder validate() {
      if (nodes < 1 || nodes > 64) {
        throw new IllegalArgumentException("--nodes: " + nodes + " (expected: 1-64)");
      }
      Map<String, String> check = new LinkedHashMap<>(set);
      check.put("cluster.strategy", strategy);
      check.put("cluster.name", name);
      check.put("cache.size", cacheSize);
      NodeConfig.of(check);
      return this;
    }

    /**
     * Starts every node, waits until each listens and (up to 30 s) sees all the cache nodes,
     * then starts the front. Node output goes to {@code out}, each line prefixed {@code [id]}.
     * On any failure (or interrupt) everything started so far is stopped.
     *
     * @throws IllegalStateException naming the node that failed, or a bad setting
     */
    public LocalCluster start(PrintWriter out) throws InterruptedException {
      validate();
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
          n.awaitReady(readyTimeout);
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
      } catch (InterruptedException e) {
        stop(started, l4);
        throw e;
      } catch (Exception e) {
        stop(started, l4);
        if (e.getCause() instanceof InterruptedException) {
          throw new InterruptedException(e.getMessage());
        }
        throw new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
      }
      List<Member> members = new ArrayList<>();
      for (int i = 0; i < started.size(); i++) {
        NodeProcess n = started.get(i);
        members.add(new Member(n.id, plan.get(i).isSwitch, n.proxyPort, n.adminPort, n.clusterPort, n.pid()));
      }
      return new LocalCluster(this, List.copyOf(started), List.copyOf(members), l4);
    }

    /** Each node's share of the machine's cores, for its I/O threads: at least one. */
    static int ioThreadsPerNode(int cores, int nodes) {
      return Math.max(1, cores / nodes);
    }

    private record Planned(String id, int proxy, int admin, int cluster, boolean isSwitch) {}

    private List<Planned> plan() {
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
      // The nodes share this machine's cores: one I/O thread each per share, at least one. Four
      // nodes on two cores forwarded 15% more hits with one I/O thread each than with two.
      s.put("proxy.io-threads", Integer.toString(ioThreadsPerNode(Runtime.getRuntime().availableProcessors(), nodes + (withSwitch ? 1 : 0))));
      s.putAll(set);
      s.forEach((k, v) -> {
        a.add("--set");
        a.add(k + "=" + v);
      });
      return a;
    }

    /** Waits (up to the view timeout) until every node's view has all the cache nodes. */
    private void awaitView(List<NodeProcess> started, List<Planned> plan, PrintWriter out) throws InterruptedException {
      HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
          .connectTimeout(Duration.ofSeconds(2)).build();
      ObjectMapper json = new ObjectMapper();
      long owners = plan.stream().filter(p -> !p.isSwitch).count();
      long deadline = System.nanoTime() + viewTimeout.toNanos();
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
      out.flush();
    }

    private int members(HttpClient http, ObjectMapper json, NodeProcess n) throws InterruptedException {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + urlHost() + ":" + n.adminPort + "/status"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode members = json.readTree(r.body()).path("cluster").path("members");
        int count = 0;
        for (JsonNode m : members) {
          count += m.path("role").asText().equals("cache") ? 1 : 0;
        }
        return count;
      } catch (IOException e) {
        return -1;
      }
    }

    String urlHost() {
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
}
