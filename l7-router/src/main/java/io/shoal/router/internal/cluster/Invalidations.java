package io.shoal.router.internal.cluster;

import io.shoal.hashing.CacheKey;
import io.shoal.hashing.Member;
import io.shoal.router.ClusterView;
import io.shoal.router.Invalidator;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jgroups.Address;

/**
 * Invalidation on the owner: a key goes to the first non-draining node of its candidate order,
 * whose {@link Invalidator} removes it and answers whether it had it.
 */
public final class Invalidations {
  private final String selfId;
  private final Duration timeout;
  private final Invalidator invalidator;
  private final Transport transport;
  private final ViewTracker views;
  private final StrategySync strategy;
  private final Map<Long, CompletableFuture<Boolean>> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  /** {@code invalidator} is this node's (null: it stores nothing); answers are awaited up to {@code timeout}. */
  Invalidations(String selfId, Duration timeout, Invalidator invalidator, Transport transport, ViewTracker views,
      StrategySync strategy) {
    this.selfId = selfId;
    this.timeout = timeout;
    this.invalidator = invalidator;
    this.transport = transport;
    this.views = views;
    this.strategy = strategy;
  }

  /**
   * Invalidates {@code key} on its owner (here when this node owns it). Completes with whether the
   * owner had it, or exceptionally after the timeout.
   */
  public CompletableFuture<Boolean> invalidate(CacheKey key) {
    Objects.requireNonNull(key, "key");
    ClusterView view = views.current();
    String owner = null;
    if (!view.hasOwners()) {
      return CompletableFuture.failedFuture(new IllegalStateException("no node in the cluster owns keys"));
    }
    for (Member m : strategy.requirePlacement().strategy().peek(key, view.view())) {
      if (!view.draining().contains(m.id())) {
        owner = m.id();
        break;
      }
    }
    if (owner == null || owner.equals(selfId)) {
      return CompletableFuture.completedFuture(local(key.toString()));
    }
    Address to = views.addressOf(owner);
    if (to == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("owner " + owner + " left the cluster"));
    }
    long id = ids.incrementAndGet();
    CompletableFuture<Boolean> reply = new CompletableFuture<Boolean>().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    pending.put(id, reply);
    reply.whenComplete((r, e) -> pending.remove(id));
    transport.send(to, new ControlMessage.Invalidate(id, key.toString()));
    return reply;
  }

  void onInvalidate(ControlMessage.Invalidate i, Address from) {
    transport.send(from, new ControlMessage.Invalidated(i.id(), local(i.key())));
  }

  void onInvalidated(ControlMessage.Invalidated i, Address from) {
    CompletableFuture<Boolean> f = pending.remove(i.id());
    if (f != null) {
      f.complete(i.removed());
    }
  }

  /** Fails the invalidations still waiting for an answer: this node left. */
  void close() {
    pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("left the cluster")));
  }

  private boolean local(String key) {
    return invalidator != null && invalidator.invalidate(key);
  }
}
