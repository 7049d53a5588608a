package io.shoal.front;

import io.shoal.base.config.Section;
import io.shoal.base.config.Setting;
import io.shoal.base.config.Values;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * The {@code front.*} settings of {@code shoal.yaml}: the nodes, the listener, the balancer,
 * connection limits and health checks of the L4 front. {@code shoal front}'s options override them.
 */
public final class FrontSettings {
  public static final Section SECTION = Section.of("front", "The L4 front");
  private static final Section LIVE = SECTION.live();

  public static final Setting<List<NodeAddress>> NODES = LIVE.add("nodes", "", "list",
      "a list of host:port[*weight] such as 10.0.0.2:3128, 10.0.0.3:3128*2", Values.list(NodeAddress::parse),
      "The nodes connections are spread over (host:port[*weight]); shoal front needs them here or in --nodes.");
  public static final Setting<InetSocketAddress> LISTEN = SECTION.add("listen", "0.0.0.0:3128", "address",
      "host:port", NodeAddress::listen, "Where the userspace relay listens (the VIP's port in kernel-dr mode).");
  public static final Setting<String> ADMIN = SECTION.add("admin", "", "address", "host:port or empty",
      Values.orEmpty(s -> {
        NodeAddress.listen(s);
        return s;
      }), "Where /status and /metrics are served; empty: nowhere.");
  public static final Setting<String> BALANCER = LIVE.add("balancer", "round-robin", "balancer",
      "one of " + String.join(", ", Balancers.names()), s -> {
        Balancers.create(s);
        return s;
      }, "How the next node is picked: round-robin, weighted (by the nodes' weights) or least-connections.");
  public static final Setting<Duration> IDLE_TIMEOUT = LIVE.duration("idle-timeout", "300s",
      "Connections idle this long in both directions are closed.");
  public static final Setting<Duration> CONNECT_TIMEOUT = LIVE.duration("connect-timeout", "2s",
      "Timeout to connect to a node (then the next node is tried).");
  public static final Setting<Integer> MAX_CONNECTIONS = LIVE.positive("max-connections", "100000",
      "Most client connections at once; more are refused.");
  public static final Setting<Integer> MAX_PER_CLIENT = LIVE.positive("max-connections-per-client", "10000",
      "Most connections from one client address at once.");
  public static final Setting<Duration> HEALTH_INTERVAL = LIVE.duration("health.interval", "2s",
      "How often each node is checked.");
  public static final Setting<Integer> HEALTH_RISE = LIVE.positive("health.rise", "2",
      "Consecutive good checks that bring a down node back.");
  public static final Setting<Integer> HEALTH_FALL = LIVE.positive("health.fall", "3",
      "Consecutive failed checks that take a node down.");
  public static final Setting<String> HEALTH_PATH = LIVE.add("health.path", "", "path",
      "an absolute path without spaces such as /health, or empty", Values.orEmpty(FrontSettings::path),
      "Check nodes with GET path (2xx passes); empty: a TCP connect.");
  public static final Setting<Boolean> PROXY_PROTOCOL = SECTION.bool("proxy-protocol", "false",
      "Send a PROXY protocol v2 header on every node connection (the nodes need proxy.proxy-protocol: true).");
  public static final Setting<String> TRANSPORT = SECTION.oneOf("transport", "auto",
      "auto: epoll where available, else NIO.", "auto", "epoll", "nio");

  private FrontSettings() {}

  private static String path(String s) {
    if (!s.startsWith("/") || s.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
      throw new IllegalArgumentException();
    }
    return s;
  }
}
