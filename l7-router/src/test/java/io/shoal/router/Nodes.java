package io.shoal.router;

import java.time.Duration;
import java.util.List;

/** Test helpers: JGroups members with short timeouts (ports and awaiting: test-support). */
final class Nodes {
  private Nodes() {}

  static List<String> hostPorts(List<Integer> ports) {
    return ports.stream().map(p -> "127.0.0.1:" + p).toList();
  }

  /** A membership builder with test timeouts. */
  static JGroupsMembership.Builder member(String cluster, String id, int port, int httpPort, List<Integer> all) {
    return Membership.jgroups()
        .clusterName(cluster)
        .nodeId(id)
        .proxyAddress("127.0.0.1:" + httpPort)
        .bindAddress("127.0.0.1")
        .bindPort(port)
        .peers(hostPorts(all))
        .joinTimeout(Duration.ofMillis(1500))
        .failureDetection(Duration.ofSeconds(3), Duration.ofMillis(500))
        .mergeInterval(Duration.ofMillis(1000), Duration.ofMillis(2000))
        .loadReports(Duration.ofMillis(100), 0.1, Duration.ofSeconds(2))
        .stateInterval(Duration.ofMillis(200));
  }
}
