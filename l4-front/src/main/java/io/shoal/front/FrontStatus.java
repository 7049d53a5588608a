package io.shoal.front;

import java.util.List;
import java.util.Map;

/**
 * A snapshot of a running front: per node health, drain state, connections and bytes; and
 * how many clients were accepted and refused (by reason: {@code no-node},
 * {@code max-connections}, {@code max-per-client}).
 */
public record FrontStatus(List<Node> nodes, int activeConnections, long accepted, Map<String, Long> refused) {

  public FrontStatus {
    nodes = List.copyOf(nodes);
    refused = Map.copyOf(refused);
  }

  /** One node. {@code bytesIn} went to the node, {@code bytesOut} came back to clients. */
  public record Node(String address, int weight, boolean up, boolean draining, int activeConnections,
      long connections, long connectFailures, long bytesIn, long bytesOut) {}

  /** The node with this {@code host:port}, or an exception. */
  public Node node(String address) {
    return nodes.stream().filter(n -> n.address().equals(address)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("node: " + address + " (expected: one of " + nodes.stream().map(Node::address).toList() + ")"));
  }

  /** The status as JSON, as {@code GET /status} serves it. */
  public String toJson() {
    StringBuilder b = new StringBuilder("{\"activeConnections\":").append(activeConnections)
        .append(",\"accepted\":").append(accepted).append(",\"refused\":{");
    String sep = "";
    for (Map.Entry<String, Long> e : new java.util.TreeMap<>(refused).entrySet()) {
      b.append(sep).append('"').append(e.getKey()).append("\":").append(e.getValue());
      sep = ",";
    }
    b.append("},\"nodes\":[");
    sep = "";
    for (Node n : nodes) {
      b.append(sep).append("{\"address\":\"").append(n.address()).append("\",\"weight\":").append(n.weight())
          .append(",\"state\":\"").append(n.up() ? "up" : "down").append("\",\"draining\":").append(n.draining())
          .append(",\"activeConnections\":").append(n.activeConnections())
          .append(",\"connections\":").append(n.connections())
          .append(",\"connectFailures\":").append(n.connectFailures())
          .append(",\"bytesIn\":").append(n.bytesIn()).append(",\"bytesOut\":").append(n.bytesOut()).append('}');
      sep = ",";
    }
    return b.append("]}").toString();
  }
}
