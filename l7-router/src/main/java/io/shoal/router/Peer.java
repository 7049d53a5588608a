package io.shoal.router;

import java.util.Objects;

/**
 * One node of the cluster as the router sees it: its id (the member id strategies hash), the
 * address of its HTTP proxy listener (where peers forward to), its weight, and the token that
 * proves a forwarded request came from it (sent in the hop header; never shown to clients).
 */
public record Peer(String id, String host, int port, double weight, String hopToken) {

  public Peer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(hopToken, "hopToken");
    if (id.isEmpty() || !id.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ';' && c != ',')) {
      throw new IllegalArgumentException("peer id: '" + id
          + "' (expected: visible ASCII without ';' or ',')");
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("peer " + id + ": host empty (expected: a host name or address)");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("peer " + id + ": port " + port + " (expected: 1-65535)");
    }
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("peer " + id + ": weight " + weight + " (expected: a finite number > 0)");
    }
    if (hopToken.length() < 16) {
      throw new IllegalArgumentException("peer " + id + ": hop token of " + hopToken.length()
          + " characters (expected: >= 16)");
    }
  }

  /** {@code host:port} of the proxy listener, IPv6 literals in brackets. */
  public String authority() {
    return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    return "Peer{" + id + " at " + authority() + ", weight=" + weight + "}";
  }
}
