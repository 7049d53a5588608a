package io.shoal.front;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/** A node the front relays to: a resolved address, a port and a weight (for weighted policies). */
public record NodeAddress(InetSocketAddress address, int weight) {

  public NodeAddress {
    Objects.requireNonNull(address, "address");
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("node " + address + ": unresolved (expected: a resolvable host)");
    }
    if (weight < 1) {
      throw new IllegalArgumentException("node " + address + ": weight " + weight + " (expected: >= 1)");
    }
  }

  /**
   * Parses {@code host:port}, {@code [v6]:port} or either with {@code *weight}, e.g.
   * {@code 10.0.0.2:3128*3}; the host is resolved now so a typo fails at start.
   */
  public static NodeAddress parse(String spec) {
    Objects.requireNonNull(spec, "spec");
    String s = spec.strip();
    int weight = 1;
    int star = s.lastIndexOf('*');
    if (star >= 0) {
      weight = parseInt(spec, "weight", s.substring(star + 1));
      s = s.substring(0, star);
    }
    int colon = s.lastIndexOf(':');
    if (colon <= 0 || colon == s.length() - 1) {
      throw new IllegalArgumentException("node '" + spec + "': missing port (expected: host:port)");
    }
    String host = s.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw new IllegalArgumentException("node '" + spec + "': IPv6 address without brackets (expected: [addr]:port)");
    }
    int port = parseInt(spec, "port", s.substring(colon + 1));
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("node '" + spec + "': port " + port + " (expected: 1..65535)");
    }
    if (weight < 1) {
      throw new IllegalArgumentException("node '" + spec + "': weight " + weight + " (expected: >= 1)");
    }
    try {
      return new NodeAddress(new InetSocketAddress(InetAddress.getByName(host), port), weight);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("node '" + spec + "': unknown host '" + host + "'");
    }
  }

  /** A listen address: {@code host:port} as {@link #parse}, but port 0 (any free port) is allowed too. */
  public static InetSocketAddress listen(String spec) {
    Objects.requireNonNull(spec, "spec");
    String s = spec.strip();
    if (!s.endsWith(":0")) {
      return parse(spec).address();
    }
    try {
      return new InetSocketAddress(parse(s.substring(0, s.length() - 1) + "1").address().getAddress(), 0);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage().replace(s.substring(0, s.length() - 1) + "1", spec), e);
    }
  }

  private static int parseInt(String spec, String what, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("node '" + spec + "': " + what + " '" + value + "' (expected: a number)");
    }
  }

  /** {@code host:port} as given to the relay, e.g. {@code 10.0.0.2:3128}. */
  @Override
  public String toString() {
    String host = address.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }
}
