package io.shoal.front;

import io.shoal.base.Checks;
import io.shoal.base.config.Config;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Everything a {@link Front} needs; built by {@link #builder()}, which checks every value as it is set. */
public final class FrontConfig {
  final InetSocketAddress listen;
  final InetSocketAddress admin;
  final List<NodeAddress> nodes;
  final String balancer;
  final Duration idleTimeout;
  final Duration connectTimeout;
  final int maxConnections;
  final int maxConnectionsPerClient;
  final Duration healthInterval;
  final int rise;
  final int fall;
  final String healthPath;
  final boolean proxyProtocol;
  final Set<NodeAddress> drained;
  final String transport;

  private FrontConfig(Builder b) {
    listen = b.listen;
    admin = b.admin;
    nodes = List.copyOf(b.nodes);
    balancer = b.balancer;
    idleTimeout = b.idleTimeout;
    connectTimeout = b.connectTimeout;
    maxConnections = b.maxConnections;
    maxConnectionsPerClient = b.maxConnectionsPerClient;
    healthInterval = b.healthInterval;
    rise = b.rise;
    fall = b.fall;
    healthPath = b.healthPath;
    proxyProtocol = b.proxyProtocol;
    drained = Set.copyOf(b.drained);
    transport = b.transport;
  }

  public static Builder builder() {
    return new Builder();
  }

  public InetSocketAddress listen() { return listen; }
  public InetSocketAddress admin() { return admin; }
  public List<NodeAddress> nodes() { return nodes; }
  public String balancer() { return balancer; }
  public Duration idleTimeout() { return idleTimeout; }
  public Duration connectTimeout() { return connectTimeout; }
  public int maxConnections() { return maxConnections; }
  public int maxConnectionsPerClient() { return maxConnectionsPerClient; }
  public Duration healthInterval() { return healthInterval; }
  public int rise() { return rise; }
  public int fall() { return fall; }
  /** The HTTP path of the health check, or null for a plain TCP connect check. */
  public String healthPath() { return healthPath; }
  public boolean proxyProtocol() { return proxyProtocol; }
  public Set<NodeAddress> drained() { return drained; }
  /** {@code auto} (epoll where available, else NIO), {@code epoll} or {@code nio}. */
  public String transport() { return transport; }

  /** Builds a {@link FrontConfig}; defaults are those of {@link FrontSettings}. */
  public static final class Builder {
    private InetSocketAddress listen = FrontSettings.LISTEN.defaultValue();
    private InetSocketAddress admin;
    private final List<NodeAddress> nodes = new ArrayList<>();
    private String balancer = FrontSettings.BALANCER.defaultValue();
    private Duration idleTimeout = FrontSettings.IDLE_TIMEOUT.defaultValue();
    private Duration connectTimeout = FrontSettings.CONNECT_TIMEOUT.defaultValue();
    private int maxConnections = FrontSettings.MAX_CONNECTIONS.defaultValue();
    private int maxConnectionsPerClient = FrontSettings.MAX_PER_CLIENT.defaultValue();
    private Duration healthInterval = FrontSettings.HEALTH_INTERVAL.defaultValue();
    private int rise = FrontSettings.HEALTH_RISE.defaultValue();
    private int fall = FrontSettings.HEALTH_FALL.defaultValue();
    private String healthPath;
    private boolean proxyProtocol;
    private final Set<NodeAddress> drained = new LinkedHashSet<>();
    private String transport = FrontSettings.TRANSPORT.defaultValue();

    private Builder() {}

    /** Every setting of {@link FrontSettings} from {@code config}; the nodes only when it lists some. */
    public Builder settings(Config config) {
      if (!config.get(FrontSettings.NODES).isEmpty()) {
        nodes(config.get(FrontSettings.NODES));
      }
      listen(config.get(FrontSettings.LISTEN));
      String adminAddress = config.get(FrontSettings.ADMIN);
      admin(adminAddress.isEmpty() ? null : NodeAddress.listen(adminAddress));
      balancer(config.get(FrontSettings.BALANCER));
      idleTimeout(config.get(FrontSettings.IDLE_TIMEOUT));
      connectTimeout(config.get(FrontSettings.CONNECT_TIMEOUT));
      maxConnections(config.get(FrontSettings.MAX_CONNECTIONS));
      maxConnectionsPerClient(config.get(FrontSettings.MAX_PER_CLIENT));
      healthInterval(config.get(FrontSettings.HEALTH_INTERVAL));
      rise(config.get(FrontSettings.HEALTH_RISE));
      fall(config.get(FrontSettings.HEALTH_FALL));
      String path = config.get(FrontSettings.HEALTH_PATH);
      healthPath(path.isEmpty() ? null : path);
      proxyProtocol(config.get(FrontSettings.PROXY_PROTOCOL));
      return transport(config.get(FrontSettings.TRANSPORT));
    }

    public Builder listen(InetSocketAddress listen) {
      this.listen = Objects.requireNonNull(listen, "listen");
      return this;
    }

    /** Where {@code /status} and {@code /metrics} are served; null (the default) for nowhere. */
    public Builder admin(InetSocketAddress admin) {
      this.admin = admin;
      return this;
    }

    public Builder node(NodeAddress node) {
      Objects.requireNonNull(node, "node");
      for (NodeAddress n : nodes) {
        if (n.address().equals(node.address())) {
          throw new IllegalArgumentException("nodes: " + node + " twice (expected: each node once)");
        }
      }
      nodes.add(node);
      return this;
    }

    public Builder nodes(List<NodeAddress> nodes) {
      nodes.forEach(this::node);
      return this;
    }

    public Builder balancer(String name) {
      Balancers.create(name);
      this.balancer = name;
      return this;
    }

    public Builder idleTimeout(Duration d) {
      this.idleTimeout = Checks.positive("idleTimeout", d);
      return this;
    }

    public Builder connectTimeout(Duration d) {
      this.connectTimeout = Checks.positive("connectTimeout", d);
      return this;
    }

    public Builder maxConnections(int max) {
      this.maxConnections = Checks.positive("maxConnections", max);
      return this;
    }

    public Builder maxConnectionsPerClient(int max) {
      this.maxConnectionsPerClient = Checks.positive("maxConnectionsPerClient", max);
      return this;
    }

    public Builder healthInterval(Duration d) {
      this.healthInterval = Checks.positive("healthInterval", d);
      return this;
    }

    /** Consecutive good checks that bring a down node back. */
    public Builder rise(int rise) {
      this.rise = Checks.positive("rise", rise);
      return this;
    }

    /** Consecutive failed checks that take a node down. */
    public Builder fall(int fall) {
      this.fall = Checks.positive("fall", fall);
      return this;
    }

    /** Check nodes with {@code GET path} (2xx is healthy) instead of a TCP connect; null or empty for TCP. */
    public Builder healthPath(String path) {
      this.healthPath = path == null || FrontSettings.HEALTH_PATH.parse(path).isEmpty() ? null : path;
      return this;
    }

    /** Send a PROXY protocol v2 header on every node connection. */
    public Builder proxyProtocol(boolean on) {
      this.proxyProtocol = on;
      return this;
    }

    /** Start with this node draining: it keeps its connections but gets no new ones. */
    public Builder drain(NodeAddress node) {
      drained.add(Objects.requireNonNull(node, "node"));
      return this;
    }

    public Builder transport(String transport) {
      this.transport = FrontSettings.TRANSPORT.parse(transport);
      return this;
    }

    public FrontConfig build() {
      if (nodes.isEmpty()) {
        throw new IllegalArgumentException("nodes: 0 (expected: at least one node)");
      }
      Set<java.net.InetSocketAddress> known = new HashSet<>();
      nodes.forEach(n -> known.add(n.address()));
      for (NodeAddress d : drained) {
        if (!known.contains(d.address())) {
          throw new IllegalArgumentException("drain: " + d + " (expected: one of the nodes)");
        }
      }
      return new FrontConfig(this);
    }
  }
}
