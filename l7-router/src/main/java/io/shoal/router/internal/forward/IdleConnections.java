package io.shoal.router.internal.forward;

import io.undertow.client.ClientConnection;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.XnioIoThread;

/**
 * The idle connections of one I/O thread, newest first per peer, closed once idle longer than the
 * idle timeout. Touched by its own thread only: no lock.
 */
final class IdleConnections {
  private final XnioIoThread thread;
  private final PeerConnections all;
  private final Map<String, ArrayDeque<Idle>> byPeer = new HashMap<>();
  private boolean sweeping;

  private record Idle(ClientConnection connection, long since) {}

  IdleConnections(XnioIoThread thread, PeerConnections all) {
    this.thread = thread;
    this.all = all;
  }

  /** The newest open idle connection to {@code peer}, or null. */
  ClientConnection take(String peer) {
    ArrayDeque<Idle> idle = byPeer.get(peer);
    while (idle != null && !idle.isEmpty()) {
      ClientConnection c = idle.pollFirst().connection();
      if (c.isOpen()) {
        return c;
      }
    }
    return null;
  }

  /** Keeps {@code c} for the next request to {@code peer} (closes it when the forwarder is closed). */
  void put(String peer, ClientConnection c) {
    if (!c.isOpen() || all.closed()) {
      IoUtils.safeClose(c);
      return;
    }
    byPeer.computeIfAbsent(peer, p -> new ArrayDeque<>()).addFirst(new Idle(c, System.nanoTime()));
    if (!sweeping) {
      sweeping = true;
      thread.executeAfter(this::sweep, all.idleNanos(), TimeUnit.NANOSECONDS);
    }
  }

  /** Closes the connections idle for longer than the idle timeout (the oldest are last). */
  private void sweep() {
    long now = System.nanoTime();
    long idleNanos = all.idleNanos();
    boolean left = false;
    for (Iterator<ArrayDeque<Idle>> it = byPeer.values().iterator(); it.hasNext(); ) {
      ArrayDeque<Idle> idle = it.next();
      while (!idle.isEmpty() && (now - idle.peekLast().since() >= idleNanos || !idle.peekLast().connection().isOpen())) {
        IoUtils.safeClose(idle.pollLast().connection());
      }
      left |= !idle.isEmpty();
    }
    sweeping = left;
    if (left) {
      thread.executeAfter(this::sweep, idleNanos, TimeUnit.NANOSECONDS);
    }
  }
}
