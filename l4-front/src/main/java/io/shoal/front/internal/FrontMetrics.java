package io.shoal.front.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/** Registers the front's meters: per node connections, bytes and health; refusals by reason. */
public final class FrontMetrics {
  private FrontMetrics() {}

  public static void bind(Dispatcher d, MeterRegistry registry) {
    Gauge.builder("shoal.front.connections.active", d, Dispatcher::active)
        .description("Client connections now relayed").register(registry);
    FunctionCounter.builder("shoal.front.connections.accepted", d, Dispatcher::accepted)
        .description("Client connections admitted").register(registry);
    for (Dispatcher.Refusal r : Dispatcher.Refusal.values()) {
      FunctionCounter.builder("shoal.front.connections.refused", d, x -> x.refused(r))
          .tag("reason", r.name().toLowerCase(Locale.ROOT).replace('_', '-'))
          .description("Client connections refused (closed with a reset)").register(registry);
    }
    for (NodeState n : d.nodes()) {
      String node = n.address().toString();
      Gauge.builder("shoal.front.node.up", n, x -> x.up() ? 1 : 0).tag("node", node)
          .description("1 if the node passes its health checks").register(registry);
      Gauge.builder("shoal.front.node.draining", n, x -> x.draining() ? 1 : 0).tag("node", node).register(registry);
      Gauge.builder("shoal.front.node.connections.active", n, NodeState::active).tag("node", node).register(registry);
      FunctionCounter.builder("shoal.front.node.connections", n, NodeState::connections).tag("node", node).register(registry);
      FunctionCounter.builder("shoal.front.node.connect.failures", n, NodeState::connectFailures).tag("node", node).register(registry);
      FunctionCounter.builder("shoal.front.node.bytes", n, NodeState::bytesToNode).tag("node", node)
          .tag("direction", "to-node").baseUnit("bytes").register(registry);
      FunctionCounter.builder("shoal.front.node.bytes", n, NodeState::bytesToClient).tag("node", node)
          .tag("direction", "to-client").baseUnit("bytes").register(registry);
    }
  }
}
