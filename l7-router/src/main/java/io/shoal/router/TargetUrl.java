package io.shoal.router;

import java.util.Objects;

/**
 * A parsed absolute {@code http} or {@code https} URL with scheme and host lower-cased and the
 * fragment and user info gone. The path and query are kept exactly as received, for forwarding;
 * {@link UrlNormalizer#key} derives the cache key.
 */
public final class TargetUrl {
  private final String scheme;
  private final String host;
  private final int port;
  private final String path;
  private final String query;

  TargetUrl(String scheme, String host, int port, String path, String query) {
    this.scheme = scheme;
    this.host = host;
    this.port = port;
    this.path = path;
    this.query = query;
  }

  /** {@code http} or {@code https}. */
  public String scheme() {
    return scheme;
  }

  /** The lower-cased host; an IPv6 literal keeps its brackets. */
  public String host() {
    return host;
  }

  /** The port, the scheme's default when the URL names none. */
  public int port() {
    return port;
  }

  /** Whether the port is the scheme's default. */
  public boolean defaultPort() {
    return port == UrlNormalizer.defaultPort(scheme);
  }

  /** The raw path, never empty ({@code /} at least). */
  public String path() {
    return path;
  }

  /** The raw query without {@code ?}, or null when there is none. */
  public String query() {
    return query;
  }

  /** {@code host} or {@code host:port} when the port is not the default. */
  public String authority() {
    return defaultPort() ? host : host + ":" + port;
  }

  /** Path and query as sent in an origin-form request line. */
  public String pathAndQuery() {
    return query == null ? path : path + "?" + query;
  }

  /** The absolute URL, as forwarded. */
  @Override
  public String toString() {
    return scheme + "://" + authority() + pathAndQuery();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TargetUrl && toString().equals(o.toString());
  }

  @Override
  public int hashCode() {
    return Objects.hash(scheme, host, port, path, query);
  }
}
