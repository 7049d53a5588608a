package io.shoal.router.internal.forward;

import io.shoal.router.Peer;
import io.undertow.connector.ByteBufferPool;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xnio.XnioIoThread;

/**
 * The pipelined connections ({@link Lane}s) of one I/O thread to each peer, touched by that
 * thread only: a request goes on the first one that is open, not held up by a slow client and
 * not too deep; else on a new one while the connection limits allow.
 */
final class Lanes {
  /** Most requests waiting on one lane: one slow response holds up no more than these. */
  static final int MAX_DEPTH = 32;

  private final XnioIoThread thread;
  private final PeerConnections all;
  private final Map<String, List<Lane>> byPeer = new HashMap<>();

  Lanes(XnioIoThread thread, PeerConnections all) {
    this.thread = thread;
    this.all = all;
  }

  /** A lane to {@code peer} that can take a request now, or null at the connection limits. */
  Lane lane(Peer peer, ByteBufferPool pool) {
    List<Lane> lanes = byPeer.get(peer.id());
    if (lanes != null) {
      for (Lane l : lanes) {
        if (l.usable(MAX_DEPTH)) {
          return l;
        }
      }
    }
    return all.closed() || all.full(peer) ? null : open(peer, pool);
  }

  /**
   * A lane opened after a failure, for a request sent once more: the newest one if it never
   * answered yet (another retry opened it), else a new one, past the limits as a retry on a new
   * connection is; null once the forwarder is closed.
   */
  Lane fresh(Peer peer, ByteBufferPool pool) {
    if (all.closed()) {
      return null;
    }
    List<Lane> lanes = byPeer.get(peer.id());
    if (lanes != null && !lanes.isEmpty()) {
      Lane newest = lanes.get(lanes.size() - 1);
      if (newest.unused() && newest.usable(MAX_DEPTH)) {
        return newest;
      }
    }
    return open(peer, pool);
  }

  private Lane open(Peer peer, ByteBufferPool pool) {
    Lane l = new Lane(peer, thread, pool, all, this);
    byPeer.computeIfAbsent(peer.id(), p -> new ArrayList<>(2)).add(l);
    l.open(all.connectNanos());
    return l;
  }

  /** {@code l} closed. */
  void remove(Lane l) {
    List<Lane> lanes = byPeer.get(l.peer.id());
    if (lanes != null) {
      lanes.remove(l);
    }
  }
}
