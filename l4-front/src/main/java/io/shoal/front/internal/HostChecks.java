package io.shoal.front.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * The front host's interface and virtual IP, checked alike by the keepalived and the
 * direct-routing generators: each check returns what it checked or fails naming it.
 */
public final class HostChecks {
  private HostChecks() {}

  /** An interface name as the kernel takes it. */
  public static String device(String device) {
    if (device == null || !device.matches("[A-Za-z0-9_.@:-]{1,15}")) {
      throw new IllegalArgumentException("device: '" + device + "' (expected: an interface name, 1 to 15 of [A-Za-z0-9_.@:-])");
    }
    return device;
  }

  /** A unicast IPv4 address other than loopback and the wildcard. */
  public static InetAddress vip(InetAddress vip) {
    Objects.requireNonNull(vip, "vip");
    if (!(vip instanceof Inet4Address) || vip.isAnyLocalAddress() || vip.isLoopbackAddress() || vip.isMulticastAddress()) {
      throw new IllegalArgumentException("vip: " + vip.getHostAddress()
          + " (expected: a unicast IPv4 address, not loopback, wildcard or multicast)");
    }
    return vip;
  }

  /** Fails unless the device was set. */
  public static void deviceSet(String device) {
    if (device == null) {
      throw new IllegalArgumentException("device: missing (expected: the front's interface, e.g. eth0)");
    }
  }

  /** Fails unless the VIP was set. */
  public static void vipSet(InetAddress vip) {
    if (vip == null) {
      throw new IllegalArgumentException("vip: missing (expected: the cluster's virtual IPv4 address)");
    }
  }
}
