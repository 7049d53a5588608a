package io.shoal.router.internal.cluster;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jgroups.Address;

/**
 * Drain marks: a draining node is no owner anywhere (each node is the authority on its own mark
 * and re-announces it after every view change); it waits for its requests in flight, then leaves.
 */
public final class Draining {
  private final String selfId;
  private final Transport transport;
  private final ViewTracker views;
  private final ScheduledExecutorService timer;
  private final Runnable leave;
  private volatile boolean draining;

  /** {@code leave} leaves the cluster once the drain is over; {@code timer} waits for it. */
  Draining(String selfId, Transport transport, ViewTracker views, ScheduledExecutorService timer, Runnable leave) {
    this.selfId = selfId;
    this.transport = transport;
    this.views = views;
    this.timer = timer;
    this.leave = leave;
  }

  /**
   * Drains this node: it stops being an owner at once (every node stops routing to it), waits
   * until {@code inFlight} reaches 0 or {@code timeout} passes, then leaves the cluster.
   * Completes when it has left.
   */
  public CompletableFuture<Void> drain(Supplier<Long> inFlight, Duration timeout) {
    Objects.requireNonNull(inFlight, "inFlight");
    Objects.requireNonNull(timeout, "timeout");
    draining = true;
    transport.send(null, new ControlMessage.Drain(selfId, true));
    CompletableFuture<Void> left = new CompletableFuture<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    // Peers may have routed a request just before they learned of the drain: give those time to arrive.
    long grace = Math.min(500, timeout.toMillis());
    Runnable check = new Runnable() {
      @Override
      public void run() {
        if (inFlight.get() > 0 && System.nanoTime() - deadline < 0) {
          timer.schedule(this, 20, TimeUnit.MILLISECONDS);
          return;
        }
        leave.run();
        left.complete(null);
      }
    };
    timer.schedule(check, grace, TimeUnit.MILLISECONDS);
    return left;
  }

  /** Whether this node is draining. */
  public boolean draining() {
    return draining;
  }

  /** After a view change: a draining node says so again, for joiners. */
  void announce() {
    if (draining) {
      transport.send(null, new ControlMessage.Drain(selfId, true));
    }
  }

  void onDrain(ControlMessage.Drain d, Address from) {
    views.update(v -> v.withDraining(d.node(), d.draining()));
  }
}
