package io.shoal.router;

import java.util.Objects;

/** A {@code host:port} pair as written in configuration ({@code [::1]:3128} for IPv6). */
public record HostPort(String host, int port) {

  public HostPort {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty()) {
      throw new IllegalArgumentException("host: empty (expected: a host name or address)");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port: " + port + " (expected: 0-65535)");
    }
  }

  /**
   * Parses {@code host:port}; {@code what} names the setting in the message.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static HostPort parse(String what, String text) {
    Objects.requireNonNull(text, what);
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException(what + ": '" + text + "' (expected: host:port)");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.indexOf(':') >= 0) {
      throw new IllegalArgumentException(what + ": '" + text + "' (expected: [ipv6]:port)");
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + ": '" + text + "': port is not a number (expected: host:port)");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(what + ": '" + text + "': port " + port + " (expected: 0-65535)");
    }
    return new HostPort(host, port);
  }

  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
