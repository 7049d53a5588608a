package io.shoal.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Every setting of a node, in one place: the config loader, the command line, the reference file
 * and the tests all read this registry. Adding a setting is one line here and one entry in
 * {@code shoal-reference.yaml} (a test checks they agree).
 */
public final class Settings {
  private static final List<Setting<?>> ALL = new ArrayList<>();

  public static final Setting<String> NODE_ID = add(string("node.id", "",
      "The node's id in Via, X-Cache and logs; empty: shoal-<hostname>."));
  public static final Setting<String> NODE_ROLE = add(new Setting<>("node.role", "cache", "cache or switch",
      s -> oneOf(s, "cache", "switch"),
      "cache: a cluster node that owns and caches its share of the URLs; switch: routes and relays only, no cache (the paper's centralized L7 switch; needs cluster.enabled)."));

  public static final Setting<String> PROXY_HOST = add(string("proxy.host", "0.0.0.0",
      "Address the proxy listener binds."));
  public static final Setting<Integer> PROXY_PORT = add(port("proxy.port", "3128",
      "Proxy listener port (forward proxy, and reverse proxy when proxy.reverse-origin is set); 0: any free port."));
  public static final Setting<String> REVERSE_ORIGIN = add(new Setting<>("proxy.reverse-origin", "",
      "http(s)://host[:port] with no path, or empty", Settings::origin,
      "Reverse proxy: origin-form requests go to this origin; empty: forward proxy only."));
  public static final Setting<List<Integer>> CONNECT_PORTS = add(new Setting<>("proxy.connect-ports", "443",
      "a list of ports 1-65535", list(Settings::portNumber),
      "Ports CONNECT tunnels may reach; others get 403."));
  public static final Setting<List<Cidr>> CLIENT_ACL = add(new Setting<>("proxy.client-acl",
      "127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7",
      "a list of CIDRs such as 10.0.0.0/8", list(Cidr::parse),
      "Clients allowed to use the proxy; others get 403. Loopback and private ranges by default."));
  public static final Setting<List<Cidr>> ALLOWED_DESTINATIONS = add(new Setting<>("proxy.allowed-destinations",
      "", "a list of CIDRs such as 127.0.0.0/8", list(Cidr::parse),
      "Destinations allowed although loopback, link-local, unspecified or the node's own address (refused with 403 otherwise)."));
  public static final Setting<Boolean> PROXY_PROTOCOL = add(bool("proxy.proxy-protocol", "false",
      "Accept a PROXY protocol v2 header (from the L4 front) at the start of a connection: its client address is used for proxy.client-acl, X-Forwarded-For and the access log."));
  public static final Setting<List<Cidr>> PROXY_PROTOCOL_FROM = add(new Setting<>("proxy.proxy-protocol-from",
      "127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7",
      "a list of CIDRs such as 10.0.0.0/8", list(Cidr::parse),
      "Who may send a PROXY header (the fronts); from anyone else a connection starting with one is closed. Connections without one are plain HTTP."));
  public static final Setting<Long> MAX_HEADER_BYTES = add(size("proxy.max-header-bytes", "32KB",
      "Largest request header section; larger gets 431."));
  public static final Setting<Long> MAX_REQUEST_BODY = add(size("proxy.max-request-body", "16MB",
      "Largest request body forwarded to an origin; larger gets 413."));
  public static final Setting<Duration> REQUEST_TIMEOUT = add(duration("proxy.request-timeout", "30s",
      "Time a client has to send a whole request head (slowloris); then 408 and the connection is closed."));
  public static final Setting<Duration> IDLE_TIMEOUT = add(duration("proxy.idle-timeout", "60s",
      "Idle keep-alive client connections are closed after this."));
  public static final Setting<Integer> IO_THREADS = add(count("proxy.io-threads", "0",
      "Non-blocking I/O threads; 0: one per core."));
  public static final Setting<Integer> WORKER_THREADS = add(count("proxy.worker-threads", "256",
      "Threads that relay misses; also the bound on concurrent origin fetches being relayed."));

  public static final Setting<Duration> ORIGIN_CONNECT_TIMEOUT = add(duration("origin.connect-timeout", "5s",
      "Timeout to connect to an origin (then 502)."));
  public static final Setting<Duration> ORIGIN_RESPONSE_TIMEOUT = add(duration("origin.response-timeout", "30s",
      "Timeout for an origin's response headers, and between body reads (then 504)."));
  public static final Setting<Duration> ORIGIN_IDLE_TIMEOUT = add(duration("origin.idle-timeout", "60s",
      "Pooled idle origin connections are closed after this."));
  public static final Setting<Integer> ORIGIN_MAX_CONNECTIONS = add(positive("origin.max-connections", "1024",
      "Most open origin connections in total."));
  public static final Setting<Integer> ORIGIN_MAX_PER_ROUTE = add(positive("origin.max-connections-per-origin", "256",
      "Most open connections to one origin."));
  public static final Setting<Duration> ORIGIN_DNS_TTL = add(duration("origin.dns-ttl", "30s",
      "How long resolved origin addresses are cached."));

  public static final Setting<Long> CACHE_SIZE = add(size("cache.size", "256MB",
      "Memory for cached responses, headers and bookkeeping counted."));
  public static final Setting<Long> CACHE_MAX_OBJECT = add(size("cache.max-object-size", "16MB",
      "Larger responses are passed through and not stored."));
  public static final Setting<Double> CACHE_HEURISTIC_FRACTION = add(new Setting<>("cache.heuristic-fraction",
      "0.1", "a number from 0 to 1", Settings::fraction,
      "Heuristic freshness: this fraction of (Date - Last-Modified) when no explicit expiry; 0 turns it off."));
  public static final Setting<Duration> CACHE_HEURISTIC_MAX = add(duration("cache.heuristic-max", "1d",
      "Cap on heuristic freshness."));
  public static final Setting<Duration> CACHE_NOT_STORABLE_TTL = add(duration("cache.not-storable-ttl", "10s",
      "After a collapsed miss turns out not storable, requests for the key skip collapsing for this long."));
  public static final Setting<Duration> CACHE_COLLAPSE_TIMEOUT = add(duration("cache.collapse-timeout", "30s",
      "Longest a request waits for another's fetch of the same key before fetching itself."));
  public static final Setting<Boolean> KEY_QUERY = add(bool("cache.key.query", "true",
      "Whether the query string is part of the cache key."));
  public static final Setting<Boolean> KEY_SORT_QUERY = add(bool("cache.key.sort-query", "false",
      "Whether query parameters are sorted in the key."));
  public static final Setting<List<String>> KEY_IGNORED_PARAMETERS = add(new Setting<>("cache.key.ignored-parameters",
      "", "a list of query parameter names", list(s -> s),
      "Query parameters left out of the key, e.g. utm_source."));

  public static final Setting<String> ADMIN_HOST = add(string("admin.host", "127.0.0.1",
      "Address the admin listener binds."));
  public static final Setting<Integer> ADMIN_PORT = add(port("admin.port", "9090",
      "Admin listener port (/health, /status, /metrics, /purge); 0: any free port."));
  public static final Setting<String> ADMIN_TOKEN = add(string("admin.token", "",
      "Bearer token that purge requests must carry; empty: purge disabled."));

  public static final Setting<String> ACCESS_LOG = add(string("log.access-file", "",
      "Access log in Squid's native format; empty: no access log."));
  public static final Setting<Long> ACCESS_LOG_MAX = add(size("log.max-bytes", "100MB",
      "Rotate the access log when it grows past this."));
  public static final Setting<Integer> ACCESS_LOG_KEEP = add(positive("log.keep", "5",
      "Rotated access logs kept (file.1 ... file.N)."));

  public static final Setting<Boolean> CLUSTER_ENABLED = add(bool("cluster.enabled", "false",
      "Join a cluster: each URL is cached on its owner only and other nodes forward to it; false: a single node."));
  public static final Setting<String> CLUSTER_NAME = add(new Setting<>("cluster.name", "shoal", "a non-empty name",
      Settings::nonEmpty, "The JGroups cluster name; nodes with another name never join this cluster."));
  public static final Setting<String> CLUSTER_NODE_ID = add(new Setting<>("cluster.node-id", "",
      "visible ASCII without ';' or ',' (or empty)", Settings::peerId,
      "This node's id in the cluster (what strategies hash); empty: node.id (or its default)."));
  public static final Setting<String> CLUSTER_BIND_ADDRESS = add(new Setting<>("cluster.bind-address", "127.0.0.1",
      "an IP address or host name", Settings::nonEmpty, "Address the cluster transport (JGroups TCP) binds."));
  public static final Setting<Integer> CLUSTER_BIND_PORT = add(new Setting<>("cluster.bind-port", "7800",
      "a port 1-65435", s -> range(Integer.parseInt(s), 1, 65435),
      "Cluster transport port; the failure detector (FD_SOCK2) listens 100 above it."));
  public static final Setting<List<String>> CLUSTER_PEERS = add(new Setting<>("cluster.peers", "",
      "a list of host:port", list(Settings::hostPort),
      "Every node's cluster address (bind-address:bind-port) for static discovery (TCPPING); empty: this node's own."));
  public static final Setting<String> CLUSTER_DNS_QUERY = add(string("cluster.dns-query", "",
      "Discover peers by DNS records of this name (DNS_PING, e.g. a Kubernetes headless service) instead of cluster.peers."));
  public static final Setting<String> CLUSTER_DNS_RECORD_TYPE = add(new Setting<>("cluster.dns-record-type", "A",
      "A or SRV", s -> oneOf(s, "A", "SRV"),
      "A: every address of cluster.dns-query, at cluster.bind-port; SRV: the targets and ports the SRV records name."));
  public static final Setting<String> CLUSTER_DNS_SERVER = add(new Setting<>("cluster.dns-server", "",
      "host:port or empty", s -> s.isEmpty() ? s : hostPort(s),
      "The DNS server cluster.dns-query asks (host:port); empty: the system's resolver."));
  public static final Setting<String> CLUSTER_ADVERTISE = add(new Setting<>("cluster.proxy-address", "",
      "host:port or empty", s -> s.isEmpty() ? s : hostPort(s),
      "Where peers forward requests to (this node's proxy listener); empty: cluster.bind-address and the proxy port."));
  public static final Setting<String> CLUSTER_SECRET = add(string("cluster.secret", "",
      "Shared secret hop tokens derive from; empty: a random token per node, published in the view."));
  public static final Setting<Double> CLUSTER_WEIGHT = add(new Setting<>("cluster.weight", "1",
      "a number > 0", Settings::positiveNumber, "This node's weight for weighted strategies (carp, ketama, rendezvous)."));
  public static final Setting<String> CLUSTER_STRATEGY = add(new Setting<>("cluster.strategy", "ketama",
      "a strategy such as md5, ketama, carp, rendezvous, bounded-load(0.25) (see shoal hash strategies)",
      Settings::strategy, "Placement strategy: which node owns a URL."));
  public static final Setting<String> CLUSTER_LOAD_POLICY = add(new Setting<>("cluster.load-policy", "auto",
      "auto, off, local(T) or next(T) with T >= 0", Settings::loadPolicy,
      "When the owner's load exceeds the cluster mean by T: local(T) serves here, next(T) tries the next candidate; auto: next(0.25) for bounded-load, else off."));
  public static final Setting<Duration> CLUSTER_LOAD_INTERVAL = add(duration("cluster.load-report.interval", "500ms",
      "How often this node samples its load (in-flight requests, CPU, cache fill, request rate)."));
  public static final Setting<Double> CLUSTER_LOAD_THRESHOLD = add(new Setting<>("cluster.load-report.threshold", "0.1",
      "a number from 0 to 1", Settings::fraction, "A load report is broadcast when it differs by more than this from the last one sent."));
  public static final Setting<Duration> CLUSTER_LOAD_SILENCE = add(duration("cluster.load-report.max-silence", "3s",
      "... and at least this often."));
  public static final Setting<Duration> CLUSTER_FAILURE_TIMEOUT = add(duration("cluster.failure-timeout", "10s",
      "A member silent this long leaves the view (FD_ALL3); a closed socket is noticed at once (FD_SOCK2)."));
  public static final Setting<Duration> CLUSTER_HEARTBEAT = add(duration("cluster.heartbeat", "2s",
      "Heartbeat interval (FD_ALL3); must be below cluster.failure-timeout."));
  public static final Setting<Duration> CLUSTER_JOIN_TIMEOUT = add(duration("cluster.join-timeout", "2s",
      "How long a starting node looks for the others before it starts the cluster alone."));
  public static final Setting<Duration> CLUSTER_MERGE_MIN = add(duration("cluster.merge-min", "10s",
      "Partitions are merged (MERGE3) at random intervals between merge-min ..."));
  public static final Setting<Duration> CLUSTER_MERGE_MAX = add(duration("cluster.merge-max", "30s",
      "... and merge-max (must be above merge-min)."));
  public static final Setting<Duration> CLUSTER_STATE_INTERVAL = add(duration("cluster.state-interval", "1s",
      "How often the coordinator replicates a stateful strategy's state (ht-rr, mod-ch, bounded-load)."));
  public static final Setting<Duration> CLUSTER_SUSPECT_TIMEOUT = add(duration("cluster.suspect-timeout", "5s",
      "A peer that failed a forward is skipped this long (unless a request to it succeeds), before the view changes."));
  public static final Setting<Duration> FORWARD_CONNECT_TIMEOUT = add(duration("cluster.forward.connect-timeout", "1s",
      "Timeout to connect to a peer (then it is suspect and the next candidate is tried)."));
  public static final Setting<Duration> FORWARD_RESPONSE_TIMEOUT = add(duration("cluster.forward.response-timeout", "30s",
      "Timeout for a peer's response head and between body reads (then suspect, next candidate)."));
  public static final Setting<Duration> FORWARD_IDLE_TIMEOUT = add(duration("cluster.forward.idle-timeout", "60s",
      "Pooled idle connections to peers are closed after this."));
  public static final Setting<Integer> FORWARD_MAX_CONNECTIONS = add(positive("cluster.forward.max-connections", "1024",
      "Most open connections to peers in total; at the limit a peer without an idle connection is passed over for the next candidate."));
  public static final Setting<Integer> FORWARD_MAX_PER_PEER = add(positive("cluster.forward.max-per-peer", "256",
      "Most open connections to one peer (at most cluster.forward.max-connections); at the limit the next candidate is tried, as nginx's max_conns."));

  public static final Setting<Boolean> DISTILL_ENABLED = add(bool("distill.enabled", "true",
      "Distillation on miss (smaller images, gzip for text) for clients that ask for it; false: no Vary added, nothing distilled."));
  public static final Setting<String> DISTILL_DEFAULT_PROFILE = add(string("distill.default-profile", "",
      "Profile for requests that no header selects; empty: none (the original bytes)."));
  public static final Setting<String> DISTILL_SAVE_DATA_PROFILE = add(string("distill.save-data-profile", "save-data",
      "Profile that Save-Data: on selects; empty: Save-Data is ignored."));
  public static final Setting<String> DISTILL_CLIENT_HEADER = add(new Setting<>("distill.client-header", "",
      "a header field name such as X-Shoal-Profile, or empty", Settings::fieldName,
      "Request field whose value names a profile (or none); empty: none."));
  public static final Setting<Integer> DISTILL_THREADS = add(count("distill.threads", "0",
      "Distiller worker threads; 0: one per core."));
  public static final Setting<Integer> DISTILL_QUEUE = add(count("distill.queue", "0",
      "Objects that may wait for a distiller worker; beyond, served undistilled at once (counted as overloaded); 0: as many as threads."));
  public static final Setting<Duration> DISTILL_TIMEOUT = add(duration("distill.timeout", "2s",
      "Longest a request waits for its distillation before the original is sent."));
  public static final Setting<Long> DISTILL_MAX_PIXELS = add(new Setting<>("distill.max-pixels", "16777216",
      "an integer > 0", s -> positiveLong(Long.parseLong(s)),
      "Images declaring more pixels (width x height, from the header) are never decoded (decompression bombs)."));
  public static final Setting<Boolean> DISTILL_STORE_ORIGINAL = add(bool("distill.store-original", "true",
      "Store the original beside the distilled variant (true) or only the variant (false)."));
  public static final Setting<Map<String, io.shoal.distiller.Profile>> DISTILL_PROFILES = add(new Setting<>(
      "distill.profiles", "",
      "profiles by name, e.g. mobile: {quality: 40, huffman: optimized, max-dimension: 800, to-jpeg: false, distillers: [jpeg, png, gif, gzip]}",
      DistillProfiles::parse,
      "Profiles by name: quality (1-100, 50), huffman (JPEG Huffman tables: standard, faster, or optimized, smaller; standard), max-dimension (0 or 16-65535 px, 0), to-jpeg (false), distillers (jpeg, png, gif, gzip); save-data is built in (q50, optimized, 1280 px, all four) and a profile of that name replaces it."));

  public static final Setting<Duration> SHUTDOWN_TIMEOUT = add(duration("shutdown.timeout", "30s",
      "On shutdown, in-flight requests get this long to finish."));

  private Settings() {}

  /** All settings, in reference-file order. */
  public static List<Setting<?>> all() {
    return Collections.unmodifiableList(ALL);
  }

  /** The setting named {@code name}, or null. */
  public static Setting<?> byName(String name) {
    for (Setting<?> s : ALL) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    return null;
  }

  /** Every default, by name. */
  static Map<String, String> defaults() {
    Map<String, String> m = new LinkedHashMap<>();
    ALL.forEach(s -> m.put(s.name(), s.defaultText()));
    return m;
  }

  private static <T> Setting<T> add(Setting<T> s) {
    ALL.add(s);
    return s;
  }

  private static Setting<String> string(String name, String def, String doc) {
    return new Setting<>(name, def, "a string", s -> s, doc);
  }

  private static Setting<Boolean> bool(String name, String def, String doc) {
    return new Setting<>(name, def, "true or false", s -> {
      if (!s.equals("true") && !s.equals("false")) {
        throw new IllegalArgumentException();
      }
      return Boolean.valueOf(s);
    }, doc);
  }

  private static Setting<Integer> port(String name, String def, String doc) {
    return new Setting<>(name, def, "a port 0-65535", s -> {
      int p = Integer.parseInt(s);
      if (p < 0 || p > 65535) {
        throw new IllegalArgumentException();
      }
      return p;
    }, doc);
  }

  private static Setting<Integer> count(String name, String def, String doc) {
    return new Setting<>(name, def, "an integer >= 0", s -> nonNegative(Integer.parseInt(s)), doc);
  }

  private static Setting<Integer> positive(String name, String def, String doc) {
    return new Setting<>(name, def, "an integer > 0", s -> {
      int v = Integer.parseInt(s);
      if (v <= 0) {
        throw new IllegalArgumentException();
      }
      return v;
    }, doc);
  }

  private static long positiveLong(long v) {
    if (v <= 0) {
      throw new IllegalArgumentException();
    }
    return v;
  }

  private static String fieldName(String s) {
    if (!s.chars().allMatch(c -> c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
      throw new IllegalArgumentException();
    }
    return s;
  }

  private static int nonNegative(int v) {
    if (v < 0) {
      throw new IllegalArgumentException();
    }
    return v;
  }

  private static Setting<Long> size(String name, String def, String doc) {
    return new Setting<>(name, def, "a size > 0 such as 512KB, 256MB or 1GB", Settings::parseSize, doc);
  }

  private static Setting<Duration> duration(String name, String def, String doc) {
    return new Setting<>(name, def, "a duration > 0 such as 500ms, 30s, 5m, 1h or 1d",
        Settings::parseDuration, doc);
  }

  private static int portNumber(String s) {
    int p = Integer.parseInt(s);
    if (p < 1 || p > 65535) {
      throw new IllegalArgumentException();
    }
    return p;
  }

  private static double fraction(String s) {
    double d = Double.parseDouble(s);
    if (!(d >= 0 && d <= 1)) {
      throw new IllegalArgumentException();
    }
    return d;
  }

  private static String oneOf(String s, String... allowed) {
    for (String a : allowed) {
      if (a.equals(s)) {
        return s;
      }
    }
    throw new IllegalArgumentException();
  }

  private static String nonEmpty(String s) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException();
    }
    return s;
  }

  private static int range(int v, int min, int max) {
    if (v < min || v > max) {
      throw new IllegalArgumentException();
    }
    return v;
  }

  private static double positiveNumber(String s) {
    double d = Double.parseDouble(s);
    if (!(d > 0) || Double.isInfinite(d)) {
      throw new IllegalArgumentException();
    }
    return d;
  }

  private static String peerId(String s) {
    if (!s.isEmpty() && !s.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ';' && c != ',')) {
      throw new IllegalArgumentException();
    }
    return s;
  }

  private static String hostPort(String s) {
    io.shoal.router.HostPort hp = io.shoal.router.HostPort.parse("address", s);
    if (hp.port() < 1) {
      throw new IllegalArgumentException("port " + hp.port());
    }
    return s;
  }

  private static String strategy(String s) {
    io.shoal.hashing.Strategies.create(s, "self-check");
    return s;
  }

  private static String loadPolicy(String s) {
    if (!s.equals("auto")) {
      io.shoal.router.LoadPolicy.parse(s);
    }
    return s;
  }

  private static String origin(String s) {
    if (s.isEmpty()) {
      return s;
    }
    io.shoal.router.TargetUrl url = io.shoal.router.UrlNormalizer.defaults().parse(s);
    if (!url.path().equals("/") || url.query() != null || s.endsWith("/")) {
      throw new IllegalArgumentException("no path allowed");
    }
    return url.scheme() + "://" + url.authority();
  }

  private static <T> Function<String, List<T>> list(Function<String, T> element) {
    return s -> {
      List<T> out = new ArrayList<>();
      String t = s.strip();
      if (t.startsWith("[") && t.endsWith("]")) {
        t = t.substring(1, t.length() - 1);
      }
      for (String part : t.split(",", -1)) {
        if (!part.isBlank()) {
          out.add(element.apply(part.strip()));
        }
      }
      return List.copyOf(out);
    };
  }

  /** Parses {@code 512}, {@code 64KB}, {@code 256MB}, {@code 1GB} (binary multiples). */
  static long parseSize(String s) {
    String t = s.strip().toUpperCase(Locale.ROOT);
    long mult = 1;
    String[][] units = {{"KB", "1024"}, {"MB", "1048576"}, {"GB", "1073741824"}, {"K", "1024"},
        {"M", "1048576"}, {"G", "1073741824"}, {"B", "1"}};
    for (String[] u : units) {
      if (t.endsWith(u[0])) {
        mult = Long.parseLong(u[1]);
        t = t.substring(0, t.length() - u[0].length()).strip();
        break;
      }
    }
    long v = Math.multiplyExact(Long.parseLong(t), mult);
    if (v <= 0) {
      throw new IllegalArgumentException();
    }
    return v;
  }

  /** Parses {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}. */
  static Duration parseDuration(String s) {
    String t = s.strip().toLowerCase(Locale.ROOT);
    Duration d;
    if (t.endsWith("ms")) {
      d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
    } else if (t.endsWith("s")) {
      d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
    } else if (t.endsWith("m")) {
      d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
    } else if (t.endsWith("h")) {
      d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
    } else if (t.endsWith("d")) {
      d = Duration.ofDays(Long.parseLong(t.substring(0, t.length() - 1)));
    } else {
      throw new IllegalArgumentException();
    }
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException();
    }
    return d;
  }
}
