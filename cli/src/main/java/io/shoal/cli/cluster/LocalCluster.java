package io.shoal.cli.cluster;

import io.shoal.base.config.Sizes;
import io.shoal.front.Front;
import io.shoal.front.FrontSettings;
import io.shoal.node.AdminSettings;
import io.shoal.node.NodeConfig;
import io.shoal.router.MembershipSettings;
import io.shoal.router.RouterSettings;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
 *   InetSocketAddress front = c.front();
 * }
 * }</pre>
 */
public final class LocalCluster implements AutoCloseable {
  /** Nodes a cluster on one machine has unless told. */
  public static final int NODES = 3;
  /** Address every listener binds unless told. */
  public static final String HOST = "127.0.0.1";
  /** Cache memory per node: several node JVMs share this machine. */
  public static final String CACHE_SIZE = "128MB";
  /** JVM options of each node process. */
  public static final String JAVA_OPTS = "-Xms64m -Xmx512m";

  /** One started member: a cache node or the switch. */
  public record Member(String id, boolean isSwitch, int proxyPort, int adminPort, int clusterPort, long pid) {}

  private final String urlHost;
  private final List<NodeProcess> started;
  private final List<Member> members;
  private final Front front;

  LocalCluster(String urlHost, List<NodeProcess> started, List<Member> members, Front front) {
    this.urlHost = urlHost;
    this.started = List.copyOf(started);
    this.members = List.copyOf(members);
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
    return urlHost;
  }

  /** The admin {@code /status} URI of a member. */
  public URI statusUri(Member m) {
    return URI.create("http://" + urlHost + ":" + m.adminPort() + "/status");
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

  static void stop(List<NodeProcess> started, Front front) {
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

  /**
   * Settings of a {@link LocalCluster}; {@link #validate()} checks them all. {@link #start} copies
   * them: a cluster does not change when its builder does afterwards.
   */
  public static final class Builder {
    int nodes = NODES;
    String strategy = RouterSettings.STRATEGY.defaultValue();
    String name = MembershipSettings.NAME.defaultValue();
    boolean front;
    int frontPort = FrontSettings.LISTEN.defaultValue().getPort();
    boolean withSwitch;
    String host = HOST;
    Integer basePort;
    int adminBase = AdminSettings.PORT.defaultValue();
    int clusterBase = MembershipSettings.BIND_PORT.defaultValue();
    long cacheSize = Sizes.parse(CACHE_SIZE);
    String javaOpts = JAVA_OPTS;
    Map<String, String> set = Map.of();
    Duration readyTimeout = Duration.ofSeconds(90);
    Duration viewTimeout = Duration.ofSeconds(30);

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

    /** Cache memory per node, in bytes. */
    public Builder cacheSize(long bytes) {
      this.cacheSize = bytes;
      return this;
    }

    public Builder javaOpts(String javaOpts) {
      this.javaOpts = Objects.requireNonNull(javaOpts, "javaOpts");
      return this;
    }

    /** Node settings for every node (applied last). */
    public Builder set(Map<String, String> set) {
      this.set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
      return this;
    }

    /** How long a node may take to listen (default 90 s). */
    public Builder readyTimeout(Duration readyTimeout) {
      this.readyTimeout = Objects.requireNonNull(readyTimeout, "readyTimeout");
      return this;
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
      check.put("cache.size", Sizes.format(cacheSize));
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
      return new ClusterLaunch(this).start(out);
    }
  }
}
