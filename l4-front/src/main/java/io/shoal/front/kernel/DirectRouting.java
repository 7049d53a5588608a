package io.shoal.front.kernel;

import io.shoal.base.Checks;
import io.shoal.front.NodeAddress;
import io.shoal.front.internal.HostChecks;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * IPVS-style direct routing (the seed's {@code ipvsadm -g}) done by nftables: in the netdev
 * ingress chain of the front's interface, TCP to {@code vip:port} is hashed on client address
 * and port to a node and forwarded out of the same interface to that node's MAC ({@code fwd ip
 * to ... device}, which also sets the source MAC to the front's, so a bridge does not learn the
 * client on the front's port). Nodes hold the VIP on {@code lo} and answer the client directly.
 */
public final class DirectRouting {
  private final InetAddress vip;
  private final int port;
  private final String device;
  private final List<InetAddress> nodes;
  private final String table;

  private DirectRouting(Builder b) {
    vip = b.vip;
    port = b.port;
    device = b.device;
    nodes = List.copyOf(b.nodes);
    table = b.table;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The ruleset for {@code nft -f -}: replaces the table of the same name, touches nothing else. */
  public String nftRuleset() {
    StringJoiner map = new StringJoiner(", ");
    for (int i = 0; i < nodes.size(); i++) {
      map.add(i + " : " + nodes.get(i).getHostAddress());
    }
    return "table netdev " + table + "\n"
        + "delete table netdev " + table + "\n"
        + "table netdev " + table + " {\n"
        + "  chain ingress {\n"
        + "    type filter hook ingress device \"" + device + "\" priority 0; policy accept;\n"
        + "    ip daddr " + vip.getHostAddress() + " tcp dport " + port
        + " fwd ip to jhash ip saddr . tcp sport mod " + nodes.size() + " map { " + map + " } device \"" + device + "\"\n"
        + "  }\n"
        + "}\n";
  }

  /** Removes what {@link #nftRuleset()} installed. */
  public String nftTeardown() {
    return "table netdev " + table + "\ndelete table netdev " + table + "\n";
  }

  /** Shell lines to run on every node: the VIP on the loopback, and no ARP answers for it. */
  public String nodeSettings() {
    return "ip addr replace " + vip.getHostAddress() + "/32 dev lo\n"
        + "sysctl -w net.ipv4.conf.all.arp_ignore=1\n"
        + "sysctl -w net.ipv4.conf.all.arp_announce=2\n";
  }

  /** The same service with IPVS ({@code rr}, {@code -g} direct routing), where the kernel has it. */
  public String ipvsadm() {
    StringBuilder b = new StringBuilder("ipvsadm -A -t " + vip.getHostAddress() + ":" + port + " -s rr\n");
    for (InetAddress n : nodes) {
      b.append("ipvsadm -a -t ").append(vip.getHostAddress()).append(':').append(port)
          .append(" -r ").append(n.getHostAddress()).append(':').append(port).append(" -g\n");
    }
    return b.toString();
  }

  /** Builds a {@link DirectRouting}; every setter checks its value. */
  public static final class Builder {
    private InetAddress vip;
    private int port = 3128;
    private String device;
    private final List<InetAddress> nodes = new ArrayList<>();
    private String table = "shoal_front";

    private Builder() {}

    public Builder vip(InetAddress vip) {
      this.vip = HostChecks.vip(vip);
      return this;
    }

    public Builder port(int port) {
      this.port = Checks.range("port", port, 1, 65535);
      return this;
    }

    /** The front's interface toward the nodes and the clients. */
    public Builder device(String device) {
      this.device = HostChecks.device(device);
      return this;
    }

    /** A node; direct routing cannot rewrite ports, so its port must be the VIP's. */
    public Builder node(NodeAddress node) {
      InetAddress a = node.address().getAddress();
      if (!(a instanceof Inet4Address)) {
        throw new IllegalArgumentException("node " + node + ": IPv6 (expected: IPv4 in kernel-dr mode)");
      }
      if (node.address().getPort() != port) {
        throw new IllegalArgumentException("node " + node + ": port " + node.address().getPort() + " (expected: "
            + port + ", the VIP's port; direct routing does not rewrite ports)");
      }
      if (nodes.contains(a)) {
        throw new IllegalArgumentException("nodes: " + node + " twice (expected: each node once)");
      }
      nodes.add(a);
      return this;
    }

    public Builder table(String table) {
      if (table == null || !table.matches("[A-Za-z_][A-Za-z0-9_]{0,31}")) {
        throw new IllegalArgumentException("table: '" + table + "' (expected: an nft identifier)");
      }
      this.table = table;
      return this;
    }

    public DirectRouting build() {
      HostChecks.vipSet(vip);
      HostChecks.deviceSet(device);
      if (nodes.isEmpty()) {
        throw new IllegalArgumentException("nodes: 0 (expected: at least one node)");
      }
      if (nodes.contains(vip)) {
        throw new IllegalArgumentException("nodes: " + vip.getHostAddress() + " is the VIP (expected: the nodes' own addresses)");
      }
      return new DirectRouting(this);
    }
  }
}
