package io.shoal.front;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** The one registry of balancing policies, by name: what the CLI, the config and the tests read. */
public final class Balancers {
  private static final Map<String, Supplier<Balancer>> REGISTRY = new LinkedHashMap<>();

  static {
    REGISTRY.put("round-robin", Balancer::roundRobin);
    REGISTRY.put("weighted", Balancer::weighted);
    REGISTRY.put("least-connections", Balancer::leastConnections);
  }

  private Balancers() {}

  /** Every registered name, default first. */
  public static List<String> names() {
    return List.copyOf(REGISTRY.keySet());
  }

  /** A new balancer of that name, or an exception naming the known ones. */
  public static Balancer create(String name) {
    Objects.requireNonNull(name, "name");
    Supplier<Balancer> factory = REGISTRY.get(name);
    if (factory == null) {
      throw new IllegalArgumentException("balancer: '" + name + "' (expected: one of " + String.join(", ", names()) + ")");
    }
    return factory.get();
  }
}
