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
