package io.shoal.router.internal.forward;

import io.shoal.router.Peer;
import io.shoal.router.PeerForwarder;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;

/**
 * One try of a bodyless {@link Failover} on a peer's {@link Lane}: its request is queued there,
 * and the lane hands it the response head (copied to the client with {@code Via}), the body's
 * bytes (written to the client; what the client does not take stops the lane until it does) and
 * the end. A lane that fails before the head marks the peer suspect and the forward goes on to the
 * next candidate, except on a lane that had answered before (the peer may have closed it while
 * idle): then the request is sent once more on a new lane. After the head, a failure cuts the
 * client's connection. The role {@link Relay} has for requests with a body.
 */
final class LaneTry {
  private final Failover f;
  private final Peer peer;
  private final boolean retried;
  private final long started = System.nanoTime();
  private final Lane lane;
  private StreamSinkChannel sink;
  private boolean answered;
  private boolean discarding;

  private LaneTry(Failover f, Peer peer, Lane lane, boolean retried) {
    this.f = f;
    this.peer = peer;
    this.lane = lane;
    this.retried = retried;
  }

  /** Queues the request of {@code f} on {@code lane}. */
  static void start(Failover f, Peer peer, Lane lane, boolean retried) {
    LaneTry t = new LaneTry(f, peer, lane, retried);
    lane.send(t, ForwardHeaders.requestHead(f.exchange, f.route, f.router));
  }

  /** Whether the request is HEAD: its response has no body whatever its head says. */
  boolean headRequest() {
    return f.exchange.getRequestMethod().equals(Methods.HEAD);
  }

  /** The response head arrived: the forward succeeded; the head goes to the client. */
  void answered(ResponseReader head) {
    answered = true;
    f.settings.observer().attempted(peer, System.nanoTime() - started, null);
    f.router.clearSuspect(peer.id());
    f.finish(new PeerForwarder.Result(PeerForwarder.Outcome.FORWARDED, peer));
    HttpServerExchange exchange = f.exchange;
    ForwardHeaders.copyHead(head.status(), head.names(), head.values(), exchange, f.router.selfId());
    sink = exchange.getResponseChannel();
  }

  /**
   * Writes the {@code n} body bytes at {@code in}'s position to the client, moving past what it
   * took; false when it did not take all (the lane waits until it can take more).
   */
  boolean body(ByteBuffer in, int n) {
    int from = in.position();
    if (discarding) {
      in.position(from + n);
      return true;
    }
    int limit = in.limit();
    in.limit(from + n);
    try {
      sink.write(in);
    } catch (IOException e) {
      in.position(from + n);
      cut();
    } finally {
      in.limit(limit);
    }
    if (in.position() == from + n) {
      return true;
    }
    sink.getWriteSetter().set(ch -> {
      ch.suspendWrites();
      lane.unblock();
    });
    sink.resumeWrites();
    return false;
  }

  /** The body ended: the client's response is complete once flushed. */
  void end() {
    if (discarding) {
      return;
    }
    try {
      sink.shutdownWrites();
      if (!sink.flush()) {
        sink.getWriteSetter().set(ChannelListeners.flushingChannelListener(null, (ch, e) -> cut()));
        sink.resumeWrites();
      }
    } catch (IOException e) {
      cut();
    }
  }

  /** The client cannot take the response any more: its connection is cut, the rest is dropped. */
  private void cut() {
    discarding = true;
    IoUtils.safeClose(f.exchange.getConnection());
  }

  /**
   * The lane failed with {@code e} before this response ended; {@code used}: it had answered
   * requests before.
   */
  void laneFailed(IOException e, boolean used) {
    if (answered) {
      if (!discarding) {
        f.router.markSuspect(peer.id());
        cut();
      }
      return;
    }
    if (used && !retried && !(e instanceof SocketTimeoutException)) {
      // A connection the peer may have closed while idle: once more on a new one.
      Lane fresh = f.lanes.fresh(peer, f.exchange.getConnection().getByteBufferPool());
      if (fresh != null) {
        start(f, peer, fresh, true);
        return;
      }
    }
    f.router.markSuspect(peer.id());
    f.settings.observer().attempted(peer, System.nanoTime() - started, e);
    f.next();
  }
}
