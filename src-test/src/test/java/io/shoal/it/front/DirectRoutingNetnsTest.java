package io.shoal.it.front;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.front.NodeAddress;
import io.shoal.front.kernel.DirectRouting;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The kernel direct-routing mode on a real kernel: client, front and three nodes, each in its own
 * network namespace, on a bridge in a sixth. The front runs only the nftables ruleset that
 * {@link DirectRouting} generates; the nodes hold the VIP on {@code lo}. Connections must reach
 * every node, and the replies must not pass through the front (its interface counters see only
 * the client's packets).
 */
class DirectRoutingNetnsTest {
  private static final int CONNECTIONS = 60;
  private static final int REPLY_BYTES = 100_000;

  @Test
  void connectionsSpreadOverAllNodesAndRepliesBypassTheFront() throws Exception {
    String why = Netns.unavailable();
    Assumptions.assumeTrue(why == null, () -> "skipped: kernel direct-routing netns test cannot run: " + why);
    String id = "shdr" + ProcessHandle.current().pid() % 100000;
    String sw = id + "sw";
    String client = id + "c";
    String front = id + "f";
    List<String> nodes = List.of(id + "n1", id + "n2", id + "n3");
    try (Netns net = new Netns()) {
      net.bridge(sw);
      Map<String, String> address = new HashMap<>();
      address.put(client, "10.77.0.1");
      address.put(front, "10.77.0.10");
      for (int i = 0; i < nodes.size(); i++) {
        address.put(nodes.get(i), "10.77.0." + (11 + i));
      }
      int port = 0;
      for (Map.Entry<String, String> host : address.entrySet()) {
        net.host(sw, "p" + (port++), host.getKey(), host.getValue() + "/24");
      }
      net.in(front, "ip", "addr", "add", "10.77.0.100/32", "dev", "eth0");
      DirectRouting.Builder dr = DirectRouting.builder().vip(InetAddress.getByName("10.77.0.100")).device("eth0").port(3128);
      nodes.forEach(n -> dr.node(NodeAddress.parse(address.get(n) + ":3128")));
      DirectRouting rules = dr.build();
      for (String n : nodes) {
        for (String line : rules.nodeSettings().split("\n")) {
          net.in(n, line.split(" "));
        }
      }
      Process[] servers = new Process[nodes.size()];
      for (int i = 0; i < nodes.size(); i++) {
        servers[i] = net.start(nodes.get(i), Netns.java(NameServer.class, nodes.get(i), "3128", String.valueOf(REPLY_BYTES)));
      }
      for (Process s : servers) {
        Netns.awaitReady(s, "a node server");
      }
      net.in(front, "sh", "-c", "printf '%s' \"$0\" | nft -f -", rules.nftRuleset());

      long frontTx = counter(net, front, "tx_bytes");
      long frontRx = counter(net, front, "rx_bytes");
      String tally = net.in(client, Netns.java(NameClient.class, "10.77.0.100", "3128", String.valueOf(CONNECTIONS))
          .toArray(String[]::new));
      long sentByFront = counter(net, front, "tx_bytes") - frontTx;
      long receivedByFront = counter(net, front, "rx_bytes") - frontRx;

      Map<String, long[]> seen = new HashMap<>();
      for (String line : tally.split("\n")) {
        String[] f = line.trim().split(" ");
        seen.put(f[0], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
      }
      assertThat(seen).as("connections per node: %s", tally).containsOnlyKeys(nodes);
      long replies = seen.values().stream().mapToLong(t -> t[1]).sum();
      assertThat(seen.values().stream().mapToLong(t -> t[0]).sum()).isEqualTo(CONNECTIONS);
      assertThat(replies).isEqualTo((long) CONNECTIONS * REPLY_BYTES);
      assertThat(sentByFront).as("bytes the front sent (client packets forwarded) vs %d reply bytes", replies)
          .isLessThan(replies / 5);
      assertThat(receivedByFront).as("bytes the front received vs %d reply bytes", replies).isLessThan(replies / 5);
      System.out.printf("kernel-dr netns: %s; front rx %d B, tx %d B for %d B of replies%n",
          tally.replace('\n', ';'), receivedByFront, sentByFront, replies);
    }
  }

  private static long counter(Netns net, String ns, String name) throws Exception {
    return Long.parseLong(net.in(ns, "cat", "/sys/class/net/eth0/statistics/" + name).trim());
  }
}
