package io.shoal.node;

import io.shoal.base.config.Section;
import io.shoal.base.config.Setting;
import io.shoal.base.config.Values;
import io.shoal.router.TargetUrl;
import io.shoal.router.UrlNormalizer;
import java.time.Duration;
import java.util.List;

/** The {@code proxy.*} settings: the proxy listener, who may use it and where it may go. */
public final class ProxySettings {
  public static final Section SECTION = Section.of("proxy", "The proxy listener");
  private static final Section LIVE = SECTION.live();
  private static final String CIDRS = "a list of CIDRs such as 10.0.0.0/8";
  private static final String PRIVATE = "127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7";

  public static final Setting<String> HOST = SECTION.string("host", "0.0.0.0",
      "Address the proxy listener binds.");
  public static final Setting<Integer> PORT = SECTION.port("port", "3128",
      "Proxy listener port (forward proxy, and reverse proxy when proxy.reverse-origin is set); 0: any free port.");
  public static final Setting<String> REVERSE_ORIGIN = SECTION.add("reverse-origin", "", "URL",
      "http(s)://host[:port] with no path, or empty", ProxySettings::origin,
      "Reverse proxy: origin-form requests go to this origin; empty: forward proxy only.");
  public static final Setting<List<Integer>> CONNECT_PORTS = LIVE.add("connect-ports", "443", "list",
      "a list of ports 1-65535", Values.list(s -> Values.integer(s, 1, 65535)),
      "Ports CONNECT tunnels may reach; others get 403.");
  public static final Setting<List<Cidr>> CLIENT_ACL = LIVE.add("client-acl", PRIVATE, "list", CIDRS,
      Values.list(Cidr::parse),
      "Clients allowed to use the proxy; others get 403. Loopback and private ranges by default.");
  public static final Setting<List<Cidr>> ALLOWED_DESTINATIONS = LIVE.add("allowed-destinations", "", "list",
      "a list of CIDRs such as 127.0.0.0/8", Values.list(Cidr::parse),
      "Destinations allowed although loopback, link-local, unspecified or the node's own address (refused with 403 otherwise).");
  public static final Setting<Boolean> PROXY_PROTOCOL = SECTION.bool("proxy-protocol", "false",
      "Accept a PROXY protocol v2 header (from the L4 front) at the start of a connection: its client address is used for proxy.client-acl, X-Forwarded-For and the access log.");
  public static final Setting<List<Cidr>> PROXY_PROTOCOL_FROM = SECTION.add("proxy-protocol-from", PRIVATE, "list",
      CIDRS, Values.list(Cidr::parse),
      "Who may send a PROXY header (the fronts); from anyone else a connection starting with one is closed. Connections without one are plain HTTP.");
  public static final Setting<Long> MAX_HEADER_BYTES = SECTION.size("max-header-bytes", "32KB",
      "Largest request header section; larger gets 431.");
  public static final Setting<Long> MAX_REQUEST_BODY = LIVE.size("max-request-body", "16MB",
      "Largest request body forwarded to an origin; larger gets 413.");
  public static final Setting<Duration> REQUEST_TIMEOUT = SECTION.duration("request-timeout", "30s",
      "Time a client has to send a whole request head (slowloris); then 408 and the connection is closed.");
  public static final Setting<Duration> IDLE_TIMEOUT = SECTION.duration("idle-timeout", "60s",
      "Idle keep-alive client connections are closed after this.");
  public static final Setting<Integer> IO_THREADS = SECTION.count("io-threads", "0",
      "Non-blocking I/O threads; 0: one per core.");
  public static final Setting<Integer> WORKER_THREADS = SECTION.count("worker-threads", "256",
      "Threads that relay misses; also the bound on concurrent origin fetches being relayed.");

  private ProxySettings() {}

  private static String origin(String s) {
    if (s.isEmpty()) {
      return s;
    }
    TargetUrl url = UrlNormalizer.defaults().parse(s);
    if (!url.path().equals("/") || url.query() != null || s.endsWith("/")) {
      throw new IllegalArgumentException("no path allowed");
    }
    return url.scheme() + "://" + url.authority();
  }
}
