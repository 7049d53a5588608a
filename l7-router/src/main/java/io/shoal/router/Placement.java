package io.shoal.router;

import io.shoal.hashing.LoadAware;
import io.shoal.hashing.Stateful;
import io.shoal.hashing.Strategies;
import io.shoal.hashing.Strategy;
import io.shoal.hashing.View;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The active placement strategy of one node: which strategy (by spec), its generation (grows with
 * every cluster-wide switch, so all nodes switch at the same one) and the live instance with its
 * state. A membership that carries a control plane switches it, feeds it loads and replicates its
 * state; the router only reads it. Thread-safe.
 */
public final class Placement {
  private final String self;
  private final List<Consumer<Placement>> listeners = new CopyOnWriteArrayList<>();
  private volatile Active active;

  private record Active(String spec, long generation, Strategy strategy) {}

  private Placement(String self, String spec) {
    this.self = self;
    this.active = new Active(spec, 0, Strategies.create(spec, self));
  }

  /**
   * The placement of node {@code self} starting with {@code spec} at generation 0.
   *
   * @throws IllegalArgumentException naming what is wrong with the spec
   */
  public static Placement of(String spec, String self) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(self, "self");
    return new Placement(self, spec);
  }

  public Strategy strategy() {
    return active.strategy;
  }

  /** The spec of the active strategy, as configured or switched to. */
  public String spec() {
    return active.spec;
  }

  public long generation() {
    return active.generation;
  }

  /**
   * Switches to {@code spec} at {@code generation}: a new strategy instance (fresh state), unless
   * the spec and generation are the ones active. Returns whether anything changed.
   */
  public boolean switchTo(String spec, long generation) {
    Objects.requireNonNull(spec, "spec");
    synchronized (this) {
      Active now = active;
      if (now.spec.equals(spec) && now.generation == generation) {
        return false;
      }
      Strategy strategy = now.spec.equals(spec) ? now.strategy : Strategies.create(spec, self);
      active = new Active(spec, generation, strategy);
    }
    listeners.forEach(l -> l.accept(this));
    return true;
  }

  /** Whether the active strategy has state that the cluster replicates. */
  public boolean stateful() {
    return active.strategy instanceof Stateful<?>;
  }

  /** A snapshot of the active strategy's state, or null when it has none. */
  public Object exportState() {
    return active.strategy instanceof Stateful<?> s ? s.exportState() : null;
  }

  /** Imports a snapshot taken by {@link #exportState()} on another node running the same spec. */
  @SuppressWarnings("unchecked")
  public void importState(Object state) {
    Objects.requireNonNull(state, "state");
    if (active.strategy instanceof Stateful<?> s) {
      ((Stateful<Object>) s).importState(state);
    }
  }

  /** Hands the loads carried by {@code view} to a load-aware strategy. */
  public boolean updateLoads(View view, long nowMillis) {
    return active.strategy instanceof LoadAware la && la.updateLoads(view, nowMillis);
  }

  /** Calls {@code listener} after every switch, until the returned handle is run. */
  public Runnable onSwitch(Consumer<Placement> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return () -> listeners.remove(listener);
  }

  @Override
  public String toString() {
    return active.spec + " (generation " + active.generation + ")";
  }
}
