package io.shoal.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoal.base.config.Sizes;
import io.shoal.front.Front;
import io.shoal.front.FrontConfig;
import io.shoal.front.NodeAddress;
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

/**
 * Starting a {@link LocalCluster}: the settings of its builder, copied, and the steps — the ports
 * of every member, the node processes, the wait until they see each other, the front.
 */
final class ClusterLaunch {
  private final int nodes;
  private final String strategy;
  private final String name;
  private final boolean front;
  private final int frontPort;
  private final boolean withSwitch;
  private final String host;
  private final Integer basePort;
  private final int adminBase;
  private final int clusterBase;
  private final long cacheSize;
  private final String javaOpts;
  private final Map<String, String> set;
  private final Duration readyTimeout;
  private final Duration viewTimeout;

  ClusterLaunch(LocalCluster.Builder b) {
    this.nodes = b.nodes;
    this.strategy = b.strategy;
    this.name = b.name;
    this.front = b.front;
    this.frontPort = b.frontPort;
    this.withSwitch = b.withSwitch;
    this.host = b.host;
    this.basePort = b.basePort;
    this.adminBase = b.adminBase;
    this.clusterBase = b.clusterBase;
    this.cacheSize = b.cacheSize;
    this.javaOpts = b.javaOpts;
    this.set = b.set;
    this.readyTimeout = b.readyTimeout;
    this.viewTimeout = b.viewTimeout;
  }

  /** Each node's share of the machine's cores, for its I/O threads: at least one. */
  static int ioThreadsPerNode(int cores, int nodes) {
    return Math.max(1, cores / nodes);
  }

  /** The host to put in URLs: the bind address, loopback for a wildcard, IPv6 in brackets. */
  static String urlHost(String host) {
    return host.contains(":") ? "[" + host + "]" : host.equals("0.0.0.0") ? "127.0.0.1" : host;
  }

  /** See {@link LocalCluster.Builder#start}. */
  LocalCluster start(PrintWriter out) throws InterruptedException {
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
      LocalCluster.stop(started, l4);
      throw e;
    } catch (Exception e) {
      LocalCluster.stop(started, l4);
      if (e.getCause() instanceof InterruptedException) {
        throw new InterruptedException(e.getMessage());
      }
      throw new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }
    List<LocalCluster.Member> members = new ArrayList<>();
    for (int i = 0; i < started.size(); i++) {
      NodeProcess n = started.get(i);
      members.add(new LocalCluster.Member(n.id, plan.get(i).isSwitch, n.proxyPort, n.adminPort, n.clusterPort,
          n.pid()));
    }
    return new LocalCluster(urlHost(host), started, members, l4);
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
        "--admin-port", Integer.toString(p.admin), "--cache-size", Sizes.format(cacheSize)));
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
    s.put("proxy.io-threads", Integer.toString(ioThreadsPerNode(Runtime.getRuntime().availableProcessors(),
        nodes + (withSwitch ? 1 : 0))));
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
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + urlHost(host) + ":"
          + n.adminPort + "/status")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
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
