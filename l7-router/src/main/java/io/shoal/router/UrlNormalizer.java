package io.shoal.router;

import io.shoal.hashing.CacheKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Turns request targets into cache keys. Parsing ({@link #parse}) accepts absolute {@code http}
 * and {@code https} URLs, lower-cases scheme and host, drops the fragment and refuses user info,
 * bad ports, bad percent-encoding and characters that are never legal in a URL. The key
 * ({@link #key}) also drops the default port, decodes percent-encoded unreserved characters,
 * upper-cases the hex digits of the others, percent-encodes the rest of the non-URL characters
 * (e.g. UTF-8 in a path), removes dot segments and, as configured, keeps, drops, filters or sorts
 * the query. Instances are immutable and thread-safe.
 */
public final class UrlNormalizer {
  private static final UrlNormalizer DEFAULTS = builder().build();
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final boolean includeQuery;
  private final boolean sortQuery;
  private final boolean removeDotSegments;
  private final Set<String> ignoredQueryParameters;

  private UrlNormalizer(Builder b) {
    this.includeQuery = b.includeQuery;
    this.sortQuery = b.sortQuery;
    this.removeDotSegments = b.removeDotSegments;
    this.ignoredQueryParameters = Set.copyOf(b.ignoredQueryParameters);
  }

  /** The default normalizer: query kept as is, dot segments removed. */
  public static UrlNormalizer defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The default port of {@code scheme} ({@code http} or {@code https}). */
  public static int defaultPort(String scheme) {
    return "https".equals(scheme) ? 443 : 80;
  }

  /** The normalized form of an absolute URL, as a string. */
  public String normalize(String absoluteUrl) {
    return keyString(parse(absoluteUrl));
  }

  /** The cache key of an absolute URL. */
  public CacheKey key(String absoluteUrl) {
    return CacheKey.of(normalize(absoluteUrl));
  }

  /** The cache key of a parsed URL. */
  public CacheKey key(TargetUrl url) {
    return CacheKey.of(keyString(url));
  }

  /** The cache key of a parsed URL, as a string. */
  public String keyString(TargetUrl url) {
    StringBuilder b = new StringBuilder(url.toString().length() + 8);
    b.append(url.scheme()).append("://").append(url.authority());
    String path = normalizePercent(url.path());
    b.append(removeDotSegments ? removeDots(path) : path);
    String query = includeQuery && url.query() != null ? query(url.query()) : null;
    if (query != null) {
      b.append('?').append(query);
    }
    return b.toString();
  }

  /**
   * Parses an absolute URL, or an origin-form target when {@code scheme} and {@code authority}
   * come from elsewhere (a reverse proxy's origin, the {@code Host} header).
   *
   * @throws InvalidUrlException naming what is wrong
   */
  public TargetUrl parse(String absoluteUrl) {
    Objects.requireNonNull(absoluteUrl, "absoluteUrl");
    int colon = absoluteUrl.indexOf("://");
    if (colon <= 0) {
      throw new InvalidUrlException(absoluteUrl, "not an absolute URL (expected: http://host/path)");
    }
    String scheme = absoluteUrl.substring(0, colon).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new InvalidUrlException(absoluteUrl,
          "unsupported scheme \"" + scheme + "\" (expected: http or https)");
    }
    int start = colon + 3;
    int end = start;
    while (end < absoluteUrl.length() && "/?#".indexOf(absoluteUrl.charAt(end)) < 0) {
      end++;
    }
    return parse(absoluteUrl, scheme, absoluteUrl.substring(start, end), absoluteUrl.substring(end));
  }

  /**
   * Parses {@code target} (an origin-form path and query, possibly empty) on the given scheme and
   * authority.
   */
  public TargetUrl parse(String scheme, String authority, String target) {
    String s = Objects.requireNonNull(scheme, "scheme").toLowerCase(Locale.ROOT);
    String whole = s + "://" + authority + target;
    if (!s.equals("http") && !s.equals("https")) {
      throw new InvalidUrlException(whole, "unsupported scheme \"" + s + "\" (expected: http or https)");
    }
    if (!target.isEmpty() && target.charAt(0) != '/' && target.charAt(0) != '?' && target.charAt(0) != '#') {
      throw new InvalidUrlException(whole, "path does not start with / ");
    }
    return parse(whole, s, authority, target);
  }

  private TargetUrl parse(String whole, String scheme, String authority, String rest) {
    checkCharacters(whole);
    if (authority.indexOf('@') >= 0) {
      throw new InvalidUrlException(whole, "user info is not allowed in the authority");
    }
    String host;
    String portText = null;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw new InvalidUrlException(whole, "unclosed IPv6 literal");
      }
      host = authority.substring(0, close + 1).toLowerCase(Locale.ROOT);
      checkIpv6(whole, host);
      String after = authority.substring(close + 1);
      if (!after.isEmpty()) {
        if (after.charAt(0) != ':') {
          throw new InvalidUrlException(whole, "unexpected \"" + after + "\" after the IPv6 literal");
        }
        portText = after.substring(1);
      }
    } else {
      int c = authority.lastIndexOf(':');
      host = (c < 0 ? authority : authority.substring(0, c)).toLowerCase(Locale.ROOT);
      portText = c < 0 ? null : authority.substring(c + 1);
      checkHost(whole, host);
    }
    int port = port(whole, scheme, portText);
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      rest = rest.substring(0, hash);
    }
    int q = rest.indexOf('?');
    String path = q < 0 ? rest : rest.substring(0, q);
    String query = q < 0 ? null : rest.substring(q + 1);
    if (path.isEmpty()) {
      path = "/";
    }
    return new TargetUrl(scheme, host, port, path, query);
  }

  private static void checkCharacters(String whole) {
    for (int i = 0; i < whole.length(); i++) {
      char c = whole.charAt(i);
      if (c <= 0x20 || c == 0x7f) {
        throw new InvalidUrlException(whole, String.format(Locale.ROOT,
            "invalid character 0x%02X at index %d", (int) c, i));
      }
      if (c == '%') {
        if (i + 2 >= whole.length() || hex(whole.charAt(i + 1)) < 0 || hex(whole.charAt(i + 2)) < 0) {
          throw new InvalidUrlException(whole, "bad percent-encoding at index " + i
              + " (expected: % and two hex digits)");
        }
      }
    }
  }

  private static void checkHost(String whole, String host) {
    if (host.isEmpty()) {
      throw new InvalidUrlException(whole, "empty host");
    }
    if (host.length() > 253) {
      throw new InvalidUrlException(whole, "host longer than 253 characters");
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
      if (!ok) {
        throw new InvalidUrlException(whole, "invalid character '" + c + "' in host");
      }
    }
  }

  private static void checkIpv6(String whole, String host) {
    for (int i = 1; i < host.length() - 1; i++) {
      char c = host.charAt(i);
      if (hex(c) < 0 && c != ':' && c != '.') {
        throw new InvalidUrlException(whole, "invalid character '" + c + "' in IPv6 literal");
      }
    }
    if (host.length() < 4) {
      throw new InvalidUrlException(whole, "empty IPv6 literal");
    }
  }

  private static int port(String whole, String scheme, String text) {
    if (text == null || text.isEmpty()) {
      return defaultPort(scheme);
    }
    if (text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new InvalidUrlException(whole, "bad port \"" + text + "\" (expected: 1-65535)");
    }
    int port = Integer.parseInt(text);
    if (port < 1 || port > 65535) {
      throw new InvalidUrlException(whole, "bad port " + port + " (expected: 1-65535)");
    }
    return port;
  }

  private String query(String raw) {
    if (ignoredQueryParameters.isEmpty() && !sortQuery) {
      return normalizePercent(raw);
    }
    List<String> kept = new ArrayList<>();
    for (String pair : raw.split("&", -1)) {
      String normalized = normalizePercent(pair);
      int eq = normalized.indexOf('=');
      String name = eq < 0 ? normalized : normalized.substring(0, eq);
      if (!ignoredQueryParameters.contains(name) && !pair.isEmpty()) {
        kept.add(normalized);
      }
    }
    if (sortQuery) {
      kept.sort(null);
    }
    return kept.isEmpty() ? null : String.join("&", kept);
  }

  /**
   * {@code s} (a path, query or both) with percent-encoded unreserved characters decoded, the hex
   * digits of other percent-encodings upper-cased and characters that may not appear in a URL
   * path or query (non-ASCII, {@code " < > \\ ^ ` { | } [ ]}) percent-encoded as UTF-8. The result is
   * equivalent to {@code s} for any server and valid in a {@link java.net.URI}.
   */
  public static String normalizePercent(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()) {
        int v = (hex(s.charAt(i + 1)) << 4) | hex(s.charAt(i + 2));
        b = copy(b, s, i);
        if (unreserved(v)) {
          b.append((char) v);
        } else {
          b.append('%').append(HEX[v >> 4]).append(HEX[v & 15]);
        }
        i += 2;
      } else if (c >= 0x80 || "\"<>\\^`{|}[]".indexOf(c) >= 0) {
        b = copy(b, s, i);
        byte[] bytes = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
          bytes = s.substring(i, i + 2).getBytes(java.nio.charset.StandardCharsets.UTF_8);
          i++;
        }
        for (byte x : bytes) {
          b.append('%').append(HEX[(x >> 4) & 15]).append(HEX[x & 15]);
        }
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }

  private static StringBuilder copy(StringBuilder b, String s, int upTo) {
    return b != null ? b : new StringBuilder(s.length() + 8).append(s, 0, upTo);
  }

  private static boolean unreserved(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** RFC 3986 section 5.2.4, on a path that starts with {@code /}. */
  static String removeDots(String path) {
    if (path.indexOf('.') < 0) {
      return path;
    }
    List<String> out = new ArrayList<>();
    String[] segments = path.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String seg = segments[i];
      boolean last = i == segments.length - 1;
      if (seg.equals(".")) {
        if (last) {
          out.add("");
        }
      } else if (seg.equals("..")) {
        if (!out.isEmpty()) {
          out.remove(out.size() - 1);
        }
        if (last) {
          out.add("");
        }
      } else {
        out.add(seg);
      }
    }
    return "/" + String.join("/", out);
  }

  /** Builds a normalizer; every setter validates. */
  public static final class Builder {
    private boolean includeQuery = true;
    private boolean sortQuery;
    private boolean removeDotSegments = true;
    private final Set<String> ignoredQueryParameters = new LinkedHashSet<>();

    private Builder() {}

    /** Whether the query is part of the key (default true). */
    public Builder includeQuery(boolean include) {
      this.includeQuery = include;
      return this;
    }

    /** Whether query parameters are sorted, so {@code ?b=1&a=2} equals {@code ?a=2&b=1} (default false). */
    public Builder sortQuery(boolean sort) {
      this.sortQuery = sort;
      return this;
    }

    /** Whether {@code .} and {@code ..} segments are resolved (default true). */
    public Builder removeDotSegments(boolean remove) {
      this.removeDotSegments = remove;
      return this;
    }

    /** Query parameters left out of the key, e.g. {@code utm_source} (default none). */
    public Builder ignoreQueryParameters(String... names) {
      for (String name : Arrays.asList(names)) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
          throw new IllegalArgumentException("ignored query parameter: \"\" (expected: a name)");
        }
        ignoredQueryParameters.add(normalizePercent(name));
      }
      return this;
    }

    public UrlNormalizer build() {
      return new UrlNormalizer(this);
    }
  }
}
