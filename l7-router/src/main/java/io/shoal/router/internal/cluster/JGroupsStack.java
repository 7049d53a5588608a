package io.shoal.router.internal.cluster;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.jgroups.protocols.BARRIER;
import org.jgroups.protocols.FD_ALL3;
import org.jgroups.protocols.FD_SOCK2;
import org.jgroups.protocols.FRAG4;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.MFC;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UFC;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.VERIFY_SUSPECT2;
import org.jgroups.protocols.dns.DNS_PING;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;
import org.jgroups.stack.Protocol;

/**
 * The JGroups protocol stack of a Shoal node, built in code: TCP, TCPPING (static peers) or
 * DNS_PING, MERGE3, FD_SOCK2 (the heartbeat ring), FD_ALL3, VERIFY_SUSPECT2, reliable multicast
 * and unicast, STABLE, GMS, flow control and fragmentation — the shape of JGroups' own
 * {@code tcp.xml}, with the timeouts Shoal configures.
 */
public final class JGroupsStack {
  private JGroupsStack() {}

  /** The settings the stack reads. */
  public record Settings(String bindAddress, int bindPort, List<InetSocketAddress> initialHosts,
      Dns dnsQuery, long failureTimeoutMillis, long heartbeatMillis, long joinTimeoutMillis,
      long mergeMinMillis, long mergeMaxMillis) {}

  /** DNS discovery: the name, the record type (A or SRV), the server (host:port; empty: the system's). */
  public record Dns(String query, String recordType, String server) {}

  public static List<Protocol> build(Settings s) {
    InetAddress bind;
    try {
      bind = InetAddress.getByName(s.bindAddress());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("cluster.bind-address: '" + s.bindAddress() + "' does not resolve", e);
    }
    List<Protocol> stack = new ArrayList<>();
    TCP tcp = new TCP();
    tcp.setBindAddr(bind);
    tcp.setBindPort(s.bindPort());
    tcp.setPortRange(0);
    stack.add(tcp);
    if (s.dnsQuery() != null) {
      DNS_PING dns = new DNS_PING().setDNSQuery(s.dnsQuery().query());
      dns.setValue("dns_record_type", s.dnsQuery().recordType());
      dns.setValue("dns_address", s.dnsQuery().server());
      stack.add(dns);
    } else {
      stack.add(new TCPPING().setInitialHosts(s.initialHosts()).setPortRange(0));
    }
    stack.add(new MERGE3().setMinInterval(s.mergeMinMillis()).setMaxInterval(s.mergeMaxMillis()));
    stack.add(new FD_SOCK2().setBindAddress(bind));
    stack.add(new FD_ALL3().setTimeout(s.failureTimeoutMillis()).setInterval(s.heartbeatMillis()));
    stack.add(new VERIFY_SUSPECT2().setTimeout(Math.max(200, s.heartbeatMillis())));
    stack.add(new BARRIER());
    NAKACK2 nakack = new NAKACK2();
    nakack.useMcastXmit(false);
    stack.add(nakack);
    stack.add(new UNICAST3());
    stack.add(new STABLE().setDesiredAverageGossip(5000).setMaxBytes(4_000_000));
    stack.add(new GMS().setJoinTimeout(s.joinTimeoutMillis()).printLocalAddress(false));
    stack.add(new MFC());
    stack.add(new UFC());
    stack.add(new FRAG4());
    return stack;
  }
}
