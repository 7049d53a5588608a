package io.shoal.router.internal.cluster;

import io.shoal.hashing.Strategies;
import io.shoal.router.Placement;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jgroups.Address;

/**
 * The strategy the cluster agrees on. The coordinator decides it: a switch goes through it (it
 * assigns the next generation), it announces its spec and generation after every view change
 * (joiners adopt it), and it broadcasts the state of a stateful strategy; the others follow.
 */
public final class StrategySync {
  private static final Logger LOG = Logger.getLogger(StrategySync.class.getName());

  private final String selfId;
  private final Transport transport;
  private final ViewTracker views;
  private volatile Placement placement;

  StrategySync(String selfId, Transport transport, ViewTracker views) {
    this.selfId = selfId;
    this.transport = transport;
    this.views = views;
  }

  /** Binds this node's placement; the coordinator announces it. */
  void bind(Placement p) {
    this.placement = Objects.requireNonNull(p, "placement");
    if (views.isCoordinator()) {
      transport.send(null, new ControlMessage.Strategy(p.spec(), p.generation()));
    }
  }

  /** The bound placement, or null before the router binds it. */
  Placement placement() {
    return placement;
  }

  /** The bound placement. */
  Placement requirePlacement() {
    Placement p = placement;
    if (p == null) {
      throw new IllegalStateException("no router bound to this membership yet (expected: Router.builder().membership(this).build())");
    }
    return p;
  }

  /**
   * Switches the whole cluster to {@code spec} through the coordinator; completes with the
   * generation once this node runs it.
   *
   * @throws IllegalArgumentException naming what is wrong with the spec
   */
  public CompletableFuture<Long> switchStrategy(String spec) {
    Objects.requireNonNull(spec, "spec");
    Strategies.create(spec, selfId);
    Placement p = requirePlacement();
    CompletableFuture<Long> done = new CompletableFuture<>();
    Runnable unsubscribe = p.onSwitch(now -> {
      if (now.spec().equals(spec)) {
        done.complete(now.generation());
      }
    });
    done.whenComplete((generation, failure) -> unsubscribe.run());
    transport.send(views.coordinator(), new ControlMessage.SwitchRequest(spec));
    return done;
  }

  /** After a view change: the coordinator tells joiners its strategy and state. */
  void announce() {
    Placement p = placement;
    if (p != null && views.isCoordinator()) {
      transport.send(null, new ControlMessage.Strategy(p.spec(), p.generation()));
      maybeBroadcastState();
    }
  }

  /** On the coordinator, with a stateful strategy: sends its state to everyone. */
  void maybeBroadcastState() {
    Placement p = placement;
    if (p == null || !p.stateful() || !views.isCoordinator()) {
      return;
    }
    try {
      transport.send(null, new ControlMessage.State(p.spec(), p.generation(), StateCodec.encode(p.exportState())));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, selfId + ": state broadcast failed", e);
    }
  }

  void onSwitchRequest(ControlMessage.SwitchRequest s, Address from) {
    Placement p = placement;
    if (p != null && views.isCoordinator()) {
      transport.send(null, new ControlMessage.Strategy(s.spec(), p.generation() + 1));
    }
  }

  void onStrategy(ControlMessage.Strategy s, Address from) {
    Placement p = placement;
    if (p != null && views.isFromCoordinator(from) && p.switchTo(s.spec(), s.generation())) {
      LOG.info(selfId + ": strategy " + p);
      views.update(v -> v);
    }
  }

  void onState(ControlMessage.State s, Address from) {
    Placement p = placement;
    if (p != null && !from.equals(transport.address()) && views.isFromCoordinator(from)
        && p.spec().equals(s.spec()) && p.generation() == s.generation()) {
      p.importState(StateCodec.decode(s.state()));
    }
  }
}
