package io.shoal.router;

import io.shoal.hashing.CacheKey;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What the nodes of a cluster tell each other besides who is in it. Once a router is bound to
 * {@link #membership()}, it runs by itself: every node broadcasts its load (the view's
 * {@link ClusterView#loads()}, fed to a load-aware strategy) and its drain mark; the coordinator
 * decides the strategy and replicates the state of a stateful one. On request it switches the
 * strategy cluster-wide, invalidates a key on its owner and drains this node.
 * {@link JGroupsMembership} is the implementation, on the channel of its membership.
 */
public interface ControlPlane extends AutoCloseable {

  /** The membership this control plane runs over: build the router on it. */
  Membership membership();

  /** The cluster name this node joined. */
  String clusterName();

  /** Whether this node is the coordinator (decides the strategy, replicates its state). */
  boolean isCoordinator();

  /**
   * Switches the whole cluster to {@code spec}: the coordinator assigns the next generation and
   * every node adopts it. Completes when this node runs it.
   *
   * @throws IllegalArgumentException naming what is wrong with the spec
   */
  CompletableFuture<Long> switchStrategy(String spec);

  /**
   * Invalidates {@code key} on its owner (this node's {@link Invalidator} when it owns the key).
   * Completes with whether the owner had it, or exceptionally after the invalidation timeout.
   */
  CompletableFuture<Boolean> invalidate(CacheKey key);

  /**
   * Drains this node: it stops being an owner at once (every node stops routing to it), waits
   * until {@code inFlight} reaches 0 or {@code timeout} passes, then leaves the cluster.
   * Completes when it has left.
   */
  CompletableFuture<Void> drain(Supplier<Long> inFlight, Duration timeout);

  /** Whether this node is draining. */
  boolean draining();

  /** Leaves the cluster. */
  @Override
  void close();
}
