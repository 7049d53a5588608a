package io.shoal.router;

import io.shoal.base.Checks;
import io.shoal.base.config.Config;
import io.shoal.hashing.CacheKey;
import io.shoal.router.internal.HopTokens;
import io.shoal.router.internal.cluster.ClusterSettings;
import io.shoal.router.internal.cluster.JGroupsNode;
import io.shoal.router.internal.cluster.JGroupsStack;
import io.shoal.router.internal.cluster.LoadSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The cluster over JGroups: the {@link Membership} the router sees, from the agreed JGroups view,
 * and the {@link ControlPlane} on the same channel (load reports, strategy switch and state
 * replication from the coordinator, invalidation on the owner, drain).
 *
 * <p>Each member's metadata (node id, proxy address, weight, hop token) travels in its JGroups
 * address, so it is part of the agreed view. Peers are ordered by node id: every node derives the
 * same order, whatever the join history or merges, and a restarted node takes its old place. The
 * epoch is the JGroups view id.
 *
 * <p>The coordinator (the first member of the JGroups view) decides the strategy: a switch goes
 * through it, it announces its spec and generation after every view change (joiners adopt it), and
 * it broadcasts the state of a stateful strategy every {@code stateInterval}. Each node is the
 * authority on its own load and drain mark and re-announces them after every view change.
 */
public final class JGroupsMembership implements Membership, ControlPlane {
  private final String clusterName;
  private final JGroupsNode node;

  private JGroupsMembership(String clusterName, JGroupsNode node) {
    this.clusterName = clusterName;
    this.node = node;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String selfId() {
    return node.views().selfId();
  }

  @Override
  public ClusterView current() {
    return node.views().current();
  }

  @Override
  public void addListener(Consumer<ClusterView> listener) {
    node.views().addListener(listener);
  }

  @Override
  public void bind(Placement p, Supplier<LoadReport> load) {
    node.bind(p, load);
  }

  /** This object: the membership and its control plane are one JGroups channel. */
  @Override
  public Membership membership() {
    return this;
  }

  @Override
  public String clusterName() {
    return clusterName;
  }

  @Override
  public boolean isCoordinator() {
    return node.views().isCoordinator();
  }

  /** The JGroups address this node listens on for the cluster. */
  public InetSocketAddress clusterAddress() {
    return node.clusterAddress();
  }

  @Override
  public CompletableFuture<Long> switchStrategy(String spec) {
    return node.strategy().switchStrategy(spec);
  }

  @Override
  public CompletableFuture<Boolean> invalidate(CacheKey key) {
    return node.invalidations().invalidate(key);
  }

  @Override
  public CompletableFuture<Void> drain(Supplier<Long> inFlight, Duration timeout) {
    return node.draining().drain(inFlight, timeout);
  }

  @Override
  public boolean draining() {
    return node.draining().draining();
  }

  @Override
  public void close() {
    node.close();
  }

  /** Builds and joins a JGroups membership; every setter validates. */
  public static final class Builder {
    private String clusterName = MembershipSettings.NAME.defaultValue();
    private String nodeId;
    private HostPort proxy;
    private double weight = RouterSettings.WEIGHT.defaultValue();
    private String bindAddress = MembershipSettings.BIND_ADDRESS.defaultValue();
    private int bindPort = MembershipSettings.BIND_PORT.defaultValue();
    private List<InetSocketAddress> initialHosts = List.of();
    private JGroupsStack.Dns dnsQuery;
    private String secret;
    private Duration failureTimeout = MembershipSettings.FAILURE_TIMEOUT.defaultValue();
    private Duration heartbeat = MembershipSettings.HEARTBEAT.defaultValue();
    private Duration joinTimeout = MembershipSettings.JOIN_TIMEOUT.defaultValue();
    private Duration mergeMin = MembershipSettings.MERGE_MIN.defaultValue();
    private Duration mergeMax = MembershipSettings.MERGE_MAX.defaultValue();
    private Duration loadInterval = MembershipSettings.LOAD_INTERVAL.defaultValue();
    private Duration loadMaxSilence = MembershipSettings.LOAD_SILENCE.defaultValue();
    private double loadThreshold = MembershipSettings.LOAD_THRESHOLD.defaultValue();
    private Duration stateInterval = MembershipSettings.STATE_INTERVAL.defaultValue();
    private Duration invalidationTimeout = Duration.ofSeconds(5);
    private Supplier<LoadReport> loadSource;
    private Invalidator invalidator;
    private boolean relay;

    private Builder() {}

    /**
     * Every setting of {@link MembershipSettings} and {@code cluster.weight} from {@code config}:
     * the cluster, the transport, discovery (cluster.dns-query, else cluster.peers, else this
     * node's own cluster address), the secret, failure detection, merging, load reports and state.
     */
    public Builder settings(Config config) {
      clusterName(config.get(MembershipSettings.NAME));
      weight(config.get(RouterSettings.WEIGHT));
      bindAddress(config.get(MembershipSettings.BIND_ADDRESS));
      bindPort(config.get(MembershipSettings.BIND_PORT));
      String dns = config.get(MembershipSettings.DNS_QUERY);
      if (!dns.isEmpty()) {
        dnsQuery(dns, config.get(MembershipSettings.DNS_RECORD_TYPE), config.get(MembershipSettings.DNS_SERVER));
      } else {
        List<String> peers = config.get(MembershipSettings.PEERS);
        peers(peers.isEmpty() ? List.of(bindAddress + ":" + bindPort) : peers);
      }
      if (!config.get(MembershipSettings.SECRET).isEmpty()) {
        secret(config.get(MembershipSettings.SECRET));
      }
      failureDetection(config.get(MembershipSettings.FAILURE_TIMEOUT), config.get(MembershipSettings.HEARTBEAT));
      joinTimeout(config.get(MembershipSettings.JOIN_TIMEOUT));
      mergeInterval(config.get(MembershipSettings.MERGE_MIN), config.get(MembershipSettings.MERGE_MAX));
      loadReports(config.get(MembershipSettings.LOAD_INTERVAL), config.get(MembershipSettings.LOAD_THRESHOLD),
          config.get(MembershipSettings.LOAD_SILENCE));
      return stateInterval(config.get(MembershipSettings.STATE_INTERVAL));
    }

    /**
     * Whether this node is a relay (default false): a member that routes and forwards but never
     * owns keys, like the single L7 switch of the paper's centralized architecture.
     */
    public Builder relay(boolean relay) {
      this.relay = relay;
      return this;
    }

    /** The JGroups cluster name (default: {@code cluster.name}); clusters with different names never merge. */
    public Builder clusterName(String name) {
      Objects.requireNonNull(name, "clusterName");
      if (name.isBlank()) {
        throw new IllegalArgumentException("clusterName: empty (expected: a name)");
      }
      this.clusterName = name;
      return this;
    }

    /** This node's id (required): the member id strategies hash, unique in the cluster. */
    public Builder nodeId(String id) {
      Objects.requireNonNull(id, "nodeId");
      new Peer(id, "h", 1, 1, "validated-now-placeholder");
      this.nodeId = id;
      return this;
    }

    /** Where this node's HTTP proxy listens for peers ({@code host:port}, required). */
    public Builder proxyAddress(String hostPort) {
      HostPort hp = HostPort.parse("proxyAddress", hostPort);
      if (hp.port() == 0) {
        throw new IllegalArgumentException("proxyAddress: '" + hostPort + "': port 0 (expected: the real listening port)");
      }
      this.proxy = hp;
      return this;
    }

    /** This node's weight (default: {@code cluster.weight}). */
    public Builder weight(double weight) {
      if (!(weight > 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException("weight: " + weight + " (expected: a finite number > 0)");
      }
      this.weight = weight;
      return this;
    }

    /** The address the cluster transport binds to (default: {@code cluster.bind-address}). */
    public Builder bindAddress(String address) {
      this.bindAddress = Objects.requireNonNull(address, "bindAddress");
      return this;
    }

    /** The cluster transport port (default: {@code cluster.bind-port}; FD_SOCK2 listens 100 above it). */
    public Builder bindPort(int port) {
      if (port < 0 || port > 65535 - 100) {
        throw new IllegalArgumentException("bindPort: " + port + " (expected: 0-65435)");
      }
      this.bindPort = port;
      return this;
    }

    /** The peers' cluster addresses ({@code host:port}) for static TCPPING discovery. */
    public Builder peers(List<String> hostPorts) {
      Objects.requireNonNull(hostPorts, "peers");
      List<InetSocketAddress> out = new ArrayList<>();
      for (String hp : hostPorts) {
        HostPort p = HostPort.parse("peers", hp);
        out.add(new InetSocketAddress(p.host(), p.port()));
      }
      this.initialHosts = List.copyOf(out);
      return this;
    }

    /** Discovers peers with DNS A records of {@code query} (through the system's resolver) instead of the static list. */
    public Builder dnsQuery(String query) {
      return dnsQuery(query, "A", "");
    }

    /**
     * Discovers peers with DNS instead of the static list: {@code type} "A" (every address of
     * {@code query}, at this node's bind port) or "SRV" (the targets and ports of its SRV records),
     * asking {@code server} (host:port; empty: the system's resolver).
     */
    public Builder dnsQuery(String query, String type, String server) {
      Objects.requireNonNull(query, "dnsQuery");
      if (query.isBlank()) {
        throw new IllegalArgumentException("dnsQuery: empty (expected: a DNS name)");
      }
      if (!type.equals("A") && !type.equals("SRV")) {
        throw new IllegalArgumentException("dnsRecordType: '" + type + "' (expected: A or SRV)");
      }
      if (!server.isEmpty()) {
        HostPort.parse("dnsServer", server);
      }
      this.dnsQuery = new JGroupsStack.Dns(query, type, server);
      return this;
    }

    /** A shared secret hop tokens derive from (default: a random token per node, published in the view). */
    public Builder secret(String secret) {
      this.secret = HopTokens.checkSecret(Objects.requireNonNull(secret, "secret"));
      return this;
    }

    /** FD_ALL3's timeout and heartbeat interval (defaults: {@code cluster.failure-timeout} and {@code cluster.heartbeat}). */
    public Builder failureDetection(Duration timeout, Duration heartbeatInterval) {
      Checks.positive("failureTimeout", timeout);
      Checks.positive("heartbeat", heartbeatInterval);
      if (heartbeatInterval.compareTo(timeout) >= 0) {
        throw new IllegalArgumentException("heartbeat: " + heartbeatInterval + " (expected: < failureTimeout " + timeout + ")");
      }
      this.failureTimeout = timeout;
      this.heartbeat = heartbeatInterval;
      return this;
    }

    /** GMS join timeout: how long a node looks for the others before it starts a cluster alone (default: {@code cluster.join-timeout}). */
    public Builder joinTimeout(Duration timeout) {
      this.joinTimeout = Checks.positive("joinTimeout", timeout);
      return this;
    }

    /** MERGE3's interval range: how soon partitions heal (defaults: {@code cluster.merge-min} and {@code cluster.merge-max}). */
    public Builder mergeInterval(Duration min, Duration max) {
      Checks.positive("mergeMin", min);
      Checks.positive("mergeMax", max);
      if (max.compareTo(min) <= 0) {
        throw new IllegalArgumentException("mergeMax: " + max + " (expected: > mergeMin " + min + ")");
      }
      this.mergeMin = min;
      this.mergeMax = max;
      return this;
    }

    /**
     * Load reports: sampled every {@code interval}, broadcast when they differ by more than
     * {@code threshold} from the last one sent, and at least every {@code maxSilence}
     * (defaults: {@code cluster.load-report.*}).
     */
    public Builder loadReports(Duration interval, double threshold, Duration maxSilence) {
      Checks.positive("loadInterval", interval);
      Checks.positive("loadMaxSilence", maxSilence);
      if (!(threshold >= 0) || Double.isInfinite(threshold)) {
        throw new IllegalArgumentException("loadThreshold: " + threshold + " (expected: a finite number >= 0)");
      }
      this.loadInterval = interval;
      this.loadThreshold = threshold;
      this.loadMaxSilence = maxSilence;
      return this;
    }

    /** What this node reports as its load (default: the router's in-flight count, CPU, request rate). */
    public Builder loadSource(Supplier<LoadReport> source) {
      this.loadSource = Objects.requireNonNull(source, "loadSource");
      return this;
    }

    /** How often the coordinator broadcasts the state of a stateful strategy (default: {@code cluster.state-interval}). */
    public Builder stateInterval(Duration interval) {
      this.stateInterval = Checks.positive("stateInterval", interval);
      return this;
    }

    /** How long {@link #invalidate} waits for the owner (default 5 s). */
    public Builder invalidationTimeout(Duration timeout) {
      this.invalidationTimeout = Checks.positive("invalidationTimeout", timeout);
      return this;
    }

    /** What removes a cache key on this node when the cluster invalidates a URL it owns. */
    public Builder invalidator(Invalidator invalidator) {
      this.invalidator = Objects.requireNonNull(invalidator, "invalidator");
      return this;
    }

    /**
     * Joins the cluster (blocks up to the join timeout while it looks for the others).
     *
     * @throws IllegalStateException when the channel cannot start, with the reason
     */
    public JGroupsMembership join() {
      if (nodeId == null) {
        throw new IllegalStateException("nodeId: not set (expected: this node's unique id)");
      }
      if (proxy == null) {
        throw new IllegalStateException("proxyAddress: not set (expected: host:port of this node's proxy listener)");
      }
      if (dnsQuery == null && initialHosts.isEmpty()) {
        throw new IllegalStateException("peers: none (expected: the cluster addresses of the nodes, this one included, or a dnsQuery)");
      }
      String token = secret == null ? HopTokens.random() : HopTokens.derive(secret, nodeId);
      Peer self = new Peer(nodeId, proxy.host(), proxy.port(), weight, token);
      JGroupsStack.Settings stack = new JGroupsStack.Settings(bindAddress, bindPort, initialHosts, dnsQuery,
          failureTimeout.toMillis(), heartbeat.toMillis(), joinTimeout.toMillis(), mergeMin.toMillis(), mergeMax.toMillis());
      LoadSettings loads = new LoadSettings(loadInterval, loadThreshold, loadMaxSilence, loadSource);
      try {
        return new JGroupsMembership(clusterName, JGroupsNode.join(new ClusterSettings(clusterName, self, relay, stack,
            loads, stateInterval, invalidationTimeout, invalidator)));
      } catch (IllegalStateException | IllegalArgumentException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("cluster " + clusterName + ": cannot join on " + bindAddress + ":"
            + bindPort + ": " + e.getMessage(), e);
      }
    }
  }
}
