package io.shoal.proxyprotocol;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A decoded PROXY header: for {@link Command#PROXY} the client ({@code source}) and the address
 * it connected to ({@code destination}); for {@link Command#LOCAL} (health checks from the
 * proxy itself) both are null and the connection's own addresses apply.
 */
public record ProxyHeader(Command command, InetSocketAddress source, InetSocketAddress destination) {

  /** The command of a v2 header. */
  public enum Command { LOCAL, PROXY }

  public ProxyHeader {
    Objects.requireNonNull(command, "command");
    if (command == Command.PROXY) {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(destination, "destination");
      if (source.isUnresolved() || destination.isUnresolved()) {
        throw new IllegalArgumentException("addresses: unresolved (expected: IP addresses)");
      }
      if ((source.getAddress() instanceof Inet4Address) != (destination.getAddress() instanceof Inet4Address)) {
        throw new IllegalArgumentException("addresses: " + source + " and " + destination
            + " (expected: the same family)");
      }
    }
  }

  /** A PROXY header for a relayed connection. */
  public static ProxyHeader proxy(InetSocketAddress source, InetSocketAddress destination) {
    return new ProxyHeader(Command.PROXY, source, destination);
  }

  /** A LOCAL header (the proxy speaking for itself). */
  public static ProxyHeader local() {
    return new ProxyHeader(Command.LOCAL, null, null);
  }
}
