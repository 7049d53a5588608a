package io.shoal.bench.replay.internal;

import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends the requests an event loop's users wrote while it handled one batch of ready sockets, all
 * together after the batch (a task on the loop runs after its I/O). A send to a server thread
 * that sleeps wakes it, and on loopback the sender pays for that; sent between reads, the requests
 * of a batch each find the server asleep again more often than when sent back to back, and the
 * answers then come back spread out, so the loop itself sleeps and wakes more per request. One per
 * event loop, used on it only.
 */
final class Flusher implements Runnable {
  private final EventLoop loop;
  private final List<Slot> pending = new ArrayList<>();

  Flusher(EventLoop loop) {
    this.loop = loop;
  }

  /** Sends {@code slot}'s written request after the current batch. */
  void later(Slot slot) {
    if (pending.isEmpty()) {
      loop.execute(this);
    }
    pending.add(slot);
  }

  @Override
  public void run() {
    for (int i = 0; i < pending.size(); i++) {
      pending.get(i).flush();
    }
    pending.clear();
  }
}
