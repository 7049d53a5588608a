package io.shoal.front;

import io.shoal.base.registry.Registry;
import java.util.List;

/** The one registry of balancing policies, by name: what the CLI, the config and the tests read. */
public final class Balancers {
  private static final Registry<Balancer> REGISTRY = Registry.<Balancer>builder("balancer")
      .add("round-robin", "plain round robin over the available nodes, as IPVS rr", Balancer::roundRobin)
      .add("weighted", "smooth weighted round robin (nginx's): turns in proportion to weight", Balancer::weighted)
      .add("least-connections", "the available node with the fewest active connections per unit of weight",
          Balancer::leastConnections)
      .build();

  private Balancers() {}

  /** The registry itself: every balancer's name and summary. */
  public static Registry<Balancer> registry() {
    return REGISTRY;
  }

  /** Every registered name, default first. */
  public static List<String> names() {
    return REGISTRY.names();
  }

  /** A new balancer of that name, or an exception naming the known ones. */
  public static Balancer create(String name) {
    return REGISTRY.create(name);
  }
}
