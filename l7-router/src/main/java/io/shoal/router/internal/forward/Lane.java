package io.shoal.router.internal.forward;

import io.shoal.router.Peer;
import io.undertow.connector.ByteBufferPool;
import io.undertow.connector.PooledByteBuffer;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.xnio.IoFuture;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.XnioExecutor;
import org.xnio.XnioIoThread;

/**
 * One pipelined HTTP/1.1 connection to a peer, owned by one I/O thread, for requests without a
 * body: the heads of the requests of one turn of the event loop leave in one write at its end,
 * and the responses come back in order, each relayed to its client as it is read (no parse of
 * the body, one read for as many responses as arrived). A response whose client does not take
 * its body stops the reads (back-pressure) until it does. When the connection fails, every
 * request on it not yet answered is handed back to its {@link LaneTry} (to retry or fail over).
 * One timer per connection: the stall of a busy one (no byte within the response timeout), the
 * close of an idle one.
 */
final class Lane implements Closeable {
  private static final OptionMap OPTIONS = OptionMap.create(Options.TCP_NODELAY, true);

  final Peer peer;
  private final XnioIoThread thread;
  private final ByteBufferPool pool;
  private final PeerConnections connections;
  private final Lanes lanes;
  private final ArrayDeque<LaneTry> inflight = new ArrayDeque<>();
  private final ArrayDeque<ByteBuffer> spill = new ArrayDeque<>();
  private final ResponseReader reader = new ResponseReader();
  private final Runnable flush = this::flush;
  private volatile StreamConnection connection;
  private PooledByteBuffer out;
  private PooledByteBuffer in;
  private boolean flushing;
  /** Requests queued since the last write. */
  private int unsent;
  private boolean headRead;
  private boolean blocked;
  private boolean closed;
  private boolean closing;
  /** Responses completed on this connection: a failure on a used one may be a peer's idle close. */
  private int answered;
  private long progress = System.nanoTime();
  private long idleSince = System.nanoTime();
  private XnioExecutor.Key timer;
  private long deadline;
  /** Why it closed, for requests queued after. */
  private IOException failure;
  /** Closes the socket from any thread (the forwarder's close); the lane then fails on its own. */
  final Closeable shutdown = () -> IoUtils.safeClose(connection);

  Lane(Peer peer, XnioIoThread thread, ByteBufferPool pool, PeerConnections connections, Lanes lanes) {
    this.peer = peer;
    this.thread = thread;
    this.pool = pool;
    this.connections = connections;
    this.lanes = lanes;
  }

  /** Connects; requests sent meanwhile wait in the output buffer. */
  void open(long connectTimeoutNanos) {
    connections.opened(peer, shutdown);
    IoFuture<StreamConnection> f = thread.openStreamConnection(new InetSocketAddress(peer.host(), peer.port()),
        c -> { }, OPTIONS);
    thread.executeAfter(() -> {
      if (connection == null && !closed) {
        f.cancel();
        fail(new ConnectException("no connection to " + peer.id() + " within "
            + TimeUnit.NANOSECONDS.toMillis(connectTimeoutNanos) + " ms"));
      }
    }, connectTimeoutNanos, TimeUnit.NANOSECONDS);
    f.addNotifier((future, lane) -> {
      switch (future.getStatus()) {
        case DONE -> {
          try {
            lane.connected(future.get());
          } catch (IOException e) {
            lane.fail(e);
          }
        }
        case FAILED -> lane.fail(future.getException());
        default -> lane.fail(new ConnectException("connect to " + peer.id() + " cancelled"));
      }
    }, this);
  }

  private void connected(StreamConnection c) {
    if (closed || connections.closed()) {
      IoUtils.safeClose(c);
      return;
    }
    connection = c;
    c.getSourceChannel().getReadSetter().set(ch -> readable());
    c.getSinkChannel().getWriteSetter().set(ch -> {
      ch.suspendWrites();
      flush();
    });
    c.getSourceChannel().resumeReads();
    arm();
    flush();
  }

  /** Whether it never answered a request (just opened). */
  boolean unused() {
    return answered == 0;
  }

  /**
   * Whether a request may be queued here now: while it is idle, or while every request on it is
   * still unsent (they leave together at the end of the turn). Never behind a request already on
   * the wire, whose response may be slow: a peer whose connections are all busy at the limit is
   * passed over, as without pipelining.
   */
  boolean usable(int maxDepth) {
    return !closed && !closing && !blocked && inflight.size() == unsent && unsent < maxDepth;
  }

  boolean closed() {
    return closed;
  }

  /** Queues {@code t}'s request; its head leaves with the others of this turn. */
  void send(LaneTry t, byte[] head) {
    if (closed) {
      t.laneFailed(failure != null ? failure : new IOException("connection to " + peer.id() + " closed"), false);
      return;
    }
    boolean wasIdle = inflight.isEmpty();
    inflight.add(t);
    if (wasIdle) {
      progress = System.nanoTime();
      if (connection != null) {
        arm();
      }
    }
    unsent++;
    if (out == null) {
      out = pool.allocate();
      out.getBuffer().clear();
    }
    ByteBuffer b = out.getBuffer();
    if (spill.isEmpty() && b.remaining() >= head.length) {
      b.put(head);
    } else {
      spill.add(ByteBuffer.wrap(head));
    }
    if (!flushing) {
      flushing = true;
      thread.execute(flush);
    }
  }

  private void flush() {
    flushing = false;
    if (closed || connection == null || out == null) {
      return;
    }
    ByteBuffer b = out.getBuffer();
    unsent = 0;
    try {
      b.flip();
      connection.getSinkChannel().write(b);
      while (!b.hasRemaining() && !spill.isEmpty()) {
        ByteBuffer s = spill.peek();
        connection.getSinkChannel().write(s);
        if (s.hasRemaining()) {
          break;
        }
        spill.poll();
      }
      boolean all = !b.hasRemaining() && spill.isEmpty();
      b.compact();
      if (all) {
        out.close();
        out = null;
      } else {
        connection.getSinkChannel().resumeWrites();
      }
    } catch (IOException e) {
      fail(e);
    }
  }

  /** The peer sent bytes (or closed). */
  private void readable() {
    if (blocked || closed) {
      return;
    }
    if (in == null) {
      in = pool.allocate();
      in.getBuffer().clear().flip();
    }
    ByteBuffer b = in.getBuffer();
    b.compact();
    int n;
    try {
      n = connection.getSourceChannel().read(b);
    } catch (IOException e) {
      b.flip();
      fail(e);
      return;
    }
    boolean full = !b.hasRemaining();
    b.flip();
    if (n > 0) {
      progress = System.nanoTime();
    }
    process(n < 0);
    if (full && !blocked && !closed) {
      thread.execute(this::readable);
    }
  }

  /** Hands out what was read: heads, then body bytes, response after response. */
  private void process(boolean eof) {
    ByteBuffer b = in.getBuffer();
    try {
      while (!closed) {
        LaneTry t = inflight.peek();
        if (t == null) {
          if (b.hasRemaining() || eof) {
            throw eof ? new EOFException("peer " + peer.id() + " closed the connection") : new IOException(
                "peer " + peer.id() + " sent bytes nobody asked for");
          }
          break;
        }
        if (!headRead) {
          if (!reader.head(b, t.headRequest())) {
            if (eof || b.limit() == b.capacity() && b.position() == 0) {
              throw eof ? new EOFException("peer " + peer.id() + " closed the connection before the response head")
                  : new IOException("response head from " + peer.id() + " over " + b.capacity() + " bytes");
            }
            break;
          }
          if (reader.status() < 200) {
            continue;
          }
          headRead = true;
          closing |= reader.closes();
          t.answered(reader);
        }
        int n = reader.available(b);
        if (n > 0) {
          int before = b.position();
          boolean all = t.body(b, n);
          reader.consumed(b.position() - before);
          if (!all) {
            blocked = true;
            connection.getSourceChannel().suspendReads();
            return;
          }
          continue;
        }
        if (reader.done() || (eof && reader.untilClose())) {
          inflight.poll();
          headRead = false;
          answered++;
          t.end();
          if (inflight.isEmpty()) {
            idleSince = System.nanoTime();
            arm();
          }
          if (closing) {
            fail(new EOFException("peer " + peer.id() + " closes the connection"));
            return;
          }
          continue;
        }
        if (eof) {
          throw new EOFException("peer " + peer.id() + " closed the connection within a response body");
        }
        break;
      }
    } catch (IOException e) {
      fail(e);
      return;
    }
    if (!b.hasRemaining() && inflight.isEmpty() && in != null) {
      in.close();
      in = null;
    }
  }

  /** The client that blocked the reads took what it was given: go on. */
  void unblock() {
    if (!blocked || closed) {
      return;
    }
    blocked = false;
    progress = System.nanoTime();
    connection.getSourceChannel().resumeReads();
    process(false);
  }

  /** Sets the timer to when this lane is idle too long, or, busy, when its peer is silent too long. */
  private void arm() {
    long now = System.nanoTime();
    long at = inflight.isEmpty() ? idleSince + connections.idleNanos() : progress + connections.responseNanos();
    if (timer != null) {
      if (at - deadline >= 0) {
        return;
      }
      timer.remove();
    }
    deadline = at;
    timer = thread.executeAfter(this::tick, Math.max(1_000_000, at - now), TimeUnit.NANOSECONDS);
  }

  private void tick() {
    timer = null;
    if (closed) {
      return;
    }
    long now = System.nanoTime();
    if (inflight.isEmpty()) {
      if (now - idleSince >= connections.idleNanos()) {
        close();
        return;
      }
    } else if (blocked) {
      progress = now;
    } else if (now - progress >= connections.responseNanos()) {
      fail(new SocketTimeoutException("no response bytes from " + peer.id() + " within "
          + TimeUnit.NANOSECONDS.toMillis(connections.responseNanos()) + " ms"));
      return;
    }
    arm();
  }

  /** Closes the connection; every request not answered yet goes back to its try with {@code e}. */
  void fail(IOException e) {
    if (closed) {
      return;
    }
    boolean used = answered > 0;
    failure = e;
    close();
    while (!inflight.isEmpty()) {
      inflight.poll().laneFailed(e, used);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    lanes.remove(this);
    connections.closed(peer, shutdown);
    IoUtils.safeClose(connection);
    if (timer != null) {
      timer.remove();
      timer = null;
    }
    if (out != null) {
      out.close();
      out = null;
    }
    if (in != null) {
      in.close();
      in = null;
    }
  }
}
