package io.shoal.node.internal.proxy;

import io.shoal.node.Cidr;
import io.shoal.node.internal.origin.CachingDnsResolver;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a forward proxy may not go unless allowed (SSRF): loopback, link-local, unspecified and
 * multicast addresses and the node's own addresses. Checked on the resolved addresses, with the
 * same cached resolver the origin client connects with.
 */
final class Destinations {
  private final CachingDnsResolver dns;
  private final List<Cidr> allowed;
  private final Set<InetAddress> own = new HashSet<>();

  Destinations(CachingDnsResolver dns, List<Cidr> allowed) {
    this.dns = dns;
    this.allowed = allowed;
    try {
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        own.addAll(Collections.list(nif.getInetAddresses()));
      }
    } catch (SocketException e) {
      // no interface list: loopback checks still apply
    }
  }

  /**
   * Null when {@code host} may be reached, else why not.
   *
   * @throws UnknownHostException when the host does not resolve
   */
  String refusal(String host) throws UnknownHostException {
    for (InetAddress a : dns.resolve(host)) {
      String why = refusal(a);
      if (why != null) {
        return "destination " + host + " (" + a.getHostAddress() + ") is " + why;
      }
    }
    return null;
  }

  private String refusal(InetAddress a) {
    String why = a.isLoopbackAddress() ? "loopback"
        : a.isLinkLocalAddress() ? "link-local"
        : a.isAnyLocalAddress() ? "unspecified"
        : a.isMulticastAddress() ? "multicast"
        : own.contains(a) ? "this node's own address" : null;
    if (why == null) {
      return null;
    }
    for (Cidr c : allowed) {
      if (c.contains(a)) {
        return null;
      }
    }
    return why + " (allow it with proxy.allowed-destinations)";
  }
}
