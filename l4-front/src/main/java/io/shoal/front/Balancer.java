package io.shoal.front;

import java.util.List;

/**
 * Picks the node for the next client connection. Implementations are registered by name in
 * {@link Balancers}; one instance serves one front and is called from several threads.
 */
public interface Balancer {

  /**
   * The index in {@code nodes} of the node for the next connection, or -1 if none is
   * {@link Candidate#available() available}. {@code nodes} is always the front's full node list,
   * in configuration order.
   */
  int pick(List<? extends Candidate> nodes);

  /** What a balancer may know about a node. */
  interface Candidate {
    NodeAddress address();

    /** Healthy, not draining, and not already tried for this connection. */
    boolean available();

    /** Connections now relayed to this node. */
    int activeConnections();
  }

  /** Plain round robin over the available nodes, as IPVS {@code rr}. */
  static Balancer roundRobin() {
    return new io.shoal.front.internal.RoundRobin();
  }

  /** Smooth weighted round robin (nginx's): a node of weight 3 gets three of every four turns against one of weight 1. */
  static Balancer weighted() {
    return new io.shoal.front.internal.WeightedRoundRobin();
  }

  /** The available node with the fewest active connections per unit of weight; ties in turn. */
  static Balancer leastConnections() {
    return new io.shoal.front.internal.LeastConnections();
  }
}
