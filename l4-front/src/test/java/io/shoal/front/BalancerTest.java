package io.shoal.front;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The balancing policies as pure functions of their candidates. */
class BalancerTest {
  record Node(NodeAddress address, boolean available, int activeConnections) implements Balancer.Candidate {}

  static Node node(String spec, boolean available, int active) {
    return new Node(NodeAddress.parse(spec), available, active);
  }

  static Map<Integer, Integer> picks(Balancer b, List<Node> nodes, int n) {
    Map<Integer, Integer> count = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      count.merge(b.pick(nodes), 1, Integer::sum);
    }
    return count;
  }

  @Test
  void registryHasEveryPolicy() {
    assertThat(Balancers.names()).containsExactly("round-robin", "weighted", "least-connections");
    Balancers.names().forEach(name -> assertThat(Balancers.create(name)).isNotNull());
  }

  @Test
  void roundRobinSkipsUnavailableNodes() {
    List<Node> nodes = List.of(node("10.0.0.1:1", true, 0), node("10.0.0.2:1", false, 0), node("10.0.0.3:1", true, 0));
    assertThat(picks(Balancer.roundRobin(), nodes, 300)).containsOnlyKeys(0, 2);
    assertThat(Balancer.roundRobin().pick(List.of(node("10.0.0.1:1", false, 0)))).isEqualTo(-1);
  }

  @Test
  void weightedGivesTurnsInProportionAndInterleaves() {
    List<Node> nodes = List.of(node("10.0.0.1:1*3", true, 0), node("10.0.0.2:1*1", true, 0));
    Balancer b = Balancer.weighted();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      order.add(b.pick(nodes));
    }
    assertThat(order).containsExactly(0, 0, 1, 0, 0, 0, 1, 0);
  }

  @Test
  void leastConnectionsPicksTheLeastLoadedPerWeight() {
    List<Node> nodes = List.of(node("10.0.0.1:1", true, 5), node("10.0.0.2:1*4", true, 8), node("10.0.0.3:1", true, 3),
        node("10.0.0.4:1", false, 0));
    assertThat(picks(Balancer.leastConnections(), nodes, 10)).containsExactly(Map.entry(1, 10));
  }
}
