package io.shoal.router;

import io.shoal.base.Checks;
import io.shoal.base.config.Config;
import io.shoal.base.config.Durations;
import io.shoal.base.config.Section;
import io.shoal.base.config.Setting;
import io.shoal.base.config.Values;
import io.shoal.router.internal.HopTokens;
import java.time.Duration;
import java.util.List;

/** The {@code cluster.*} settings of membership: joining, discovery, failure detection, load reports, state. */
public final class MembershipSettings {
  public static final Section SECTION = Section.of("cluster", "Cluster membership (JGroups)")
      .check(MembershipSettings::checkTogether);
  private static final Section CLUSTER = SECTION.clusterWide();
  private static final Section LIVE = SECTION.live();

  public static final Setting<Boolean> ENABLED = SECTION.bool("enabled", "false",
      "Join a cluster: each URL is cached on its owner only and other nodes forward to it; false: a single node.");
  public static final Setting<String> NAME = CLUSTER.add("name", "shoal", "string", "a non-empty name",
      Values::nonEmpty, "The JGroups cluster name; nodes with another name never join this cluster.");
  public static final Setting<String> NODE_ID = SECTION.add("node-id", "", "string",
      "visible ASCII without ';' or ',' (or empty)", MembershipSettings::peerId,
      "This node's id in the cluster (what strategies hash); empty: node.id (or its default).");
  public static final Setting<String> BIND_ADDRESS = SECTION.add("bind-address", "127.0.0.1", "address",
      "an IP address or host name", Values::nonEmpty, "Address the cluster transport (JGroups TCP) binds.");
  public static final Setting<Integer> BIND_PORT = SECTION.add("bind-port", "7800", "port", "a port 1-65435",
      s -> Values.integer(s, 1, 65435),
      "Cluster transport port; the failure detector (FD_SOCK2) listens 100 above it.");
  public static final Setting<List<String>> PEERS = SECTION.add("peers", "", "list", "a list of host:port",
      Values.list(MembershipSettings::hostPort),
      "Every node's cluster address (bind-address:bind-port) for static discovery (TCPPING); empty: this node's own.");
  public static final Setting<String> DNS_QUERY = SECTION.string("dns-query", "",
      "Discover peers by DNS records of this name (DNS_PING, e.g. a Kubernetes headless service) instead of cluster.peers.");
  public static final Setting<String> DNS_RECORD_TYPE = SECTION.oneOf("dns-record-type", "A",
      "A: every address of cluster.dns-query, at cluster.bind-port; SRV: the targets and ports the SRV records name.",
      "A", "SRV");
  public static final Setting<String> DNS_SERVER = SECTION.add("dns-server", "", "address", "host:port or empty",
      Values.orEmpty(MembershipSettings::hostPort),
      "The DNS server cluster.dns-query asks (host:port); empty: the system's resolver.");
  public static final Setting<String> PROXY_ADDRESS = SECTION.add("proxy-address", "", "address",
      "host:port or empty", Values.orEmpty(MembershipSettings::hostPort),
      "Where peers forward requests to (this node's proxy listener); empty: cluster.bind-address and the proxy port.");
  public static final Setting<String> SECRET = CLUSTER.add("secret", "", "string",
      "empty, or at least 16 characters", Values.orEmpty(HopTokens::checkSecret),
      "Shared secret hop tokens derive from; empty: a random token per node, published in the view.");
  public static final Setting<Duration> LOAD_INTERVAL = LIVE.duration("load-report.interval", "500ms",
      "How often this node samples its load (in-flight requests, CPU, cache fill, request rate).");
  public static final Setting<Double> LOAD_THRESHOLD = LIVE.fraction("load-report.threshold", "0.1",
      "A load report is broadcast when it differs by more than this from the last one sent.");
  public static final Setting<Duration> LOAD_SILENCE = LIVE.duration("load-report.max-silence", "3s",
      "... and at least this often.");
  public static final Setting<Duration> FAILURE_TIMEOUT = CLUSTER.duration("failure-timeout", "10s",
      "A member silent this long leaves the view (FD_ALL3); a closed socket is noticed at once (FD_SOCK2).");
  public static final Setting<Duration> HEARTBEAT = CLUSTER.duration("heartbeat", "2s",
      "Heartbeat interval (FD_ALL3); must be below cluster.failure-timeout.");
  public static final Setting<Duration> JOIN_TIMEOUT = SECTION.duration("join-timeout", "2s",
      "How long a starting node looks for the others before it starts the cluster alone.");
  public static final Setting<Duration> MERGE_MIN = CLUSTER.duration("merge-min", "10s",
      "Partitions are merged (MERGE3) at random intervals between merge-min ...");
  public static final Setting<Duration> MERGE_MAX = CLUSTER.duration("merge-max", "30s",
      "... and merge-max (must be above merge-min).");
  public static final Setting<Duration> STATE_INTERVAL = CLUSTER.live().duration("state-interval", "1s",
      "How often the coordinator replicates a stateful strategy's state (ht-rr, mod-ch, bounded-load).");

  private MembershipSettings() {}

  private static void checkTogether(Config c) {
    if (c.get(HEARTBEAT).compareTo(c.get(FAILURE_TIMEOUT)) >= 0) {
      throw Checks.bad("cluster.heartbeat", c.get(HEARTBEAT),
          "below cluster.failure-timeout " + Durations.format(c.get(FAILURE_TIMEOUT)));
    }
    if (c.get(MERGE_MAX).compareTo(c.get(MERGE_MIN)) <= 0) {
      throw Checks.bad("cluster.merge-max", c.get(MERGE_MAX), "above cluster.merge-min " + Durations.format(c.get(MERGE_MIN)));
    }
    if (!c.get(DNS_QUERY).isEmpty() && !c.get(PEERS).isEmpty()) {
      throw new IllegalArgumentException("cluster.dns-query: \"" + c.get(DNS_QUERY)
          + "\" and cluster.peers both set (expected: one way to discover peers)");
    }
  }

  private static String peerId(String s) {
    if (!s.isEmpty() && !s.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ';' && c != ',')) {
      throw new IllegalArgumentException();
    }
    return s;
  }

  private static String hostPort(String s) {
    HostPort hp = HostPort.parse("address", s);
    if (hp.port() < 1) {
      throw new IllegalArgumentException("port " + hp.port());
    }
    return s;
  }
}
