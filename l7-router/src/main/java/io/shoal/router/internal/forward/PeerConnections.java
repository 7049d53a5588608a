package io.shoal.router.internal.forward;

import io.shoal.router.Peer;
import io.undertow.client.ClientCallback;
import io.undertow.client.ClientConnection;
import io.undertow.client.UndertowClient;
import io.undertow.connector.ByteBufferPool;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.XnioIoThread;

/**
 * The connections to peers: each I/O thread's idle ones ({@link IdleConnections}, touched by that
 * thread only), the count of open ones against the limits (all peers, one peer), and every open
 * one, to close them all at the end. The role of Undertow's {@code ProxyConnectionPool}.
 */
public final class PeerConnections implements AutoCloseable {
  private final OptionMap options = OptionMap.create(Options.TCP_NODELAY, true);
  private final long idleNanos;
  private final long connectNanos;
  private final long responseNanos;
  private final int maxConnections;
  private final int maxPerPeer;
  private final Map<XnioIoThread, IdleConnections> idle = new ConcurrentHashMap<>();
  private final Function<XnioIoThread, IdleConnections> newIdle = t -> new IdleConnections(t, this);
  private final Map<XnioIoThread, Lanes> lanes = new ConcurrentHashMap<>();
  private final Function<XnioIoThread, Lanes> newLanes = t -> new Lanes(t, this);
  private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicInteger> openPerPeer = new ConcurrentHashMap<>();
  private final AtomicInteger openTotal = new AtomicInteger();
  private volatile boolean closed;

  public PeerConnections(ForwardOptions settings) {
    this.idleNanos = settings.idleTimeout().toNanos();
    this.connectNanos = settings.connectTimeout().toNanos();
    this.responseNanos = settings.responseTimeout().toNanos();
    this.maxConnections = settings.maxConnections();
    this.maxPerPeer = settings.maxPerPeer();
  }

  /** The idle connections of {@code thread}; only that thread may use them. */
  IdleConnections idle(XnioIoThread thread) {
    return idle.computeIfAbsent(thread, newIdle);
  }

  /** The pipelined connections of {@code thread}; only that thread may use them. */
  Lanes lanes(XnioIoThread thread) {
    return lanes.computeIfAbsent(thread, newLanes);
  }

  /** A pipelined connection to {@code peer} opens: it counts against the limits until {@link #closed}. */
  void opened(Peer peer, Closeable shutdown) {
    openPerPeer(peer.id()).incrementAndGet();
    openTotal.incrementAndGet();
    open.add(shutdown);
  }

  /** The pipelined connection of {@link #opened} closed. */
  void closed(Peer peer, Closeable shutdown) {
    if (open.remove(shutdown)) {
      openPerPeer(peer.id()).decrementAndGet();
      openTotal.decrementAndGet();
    }
  }

  /** Whether a new connection to {@code peer} would pass a limit (like nginx's max_conns). */
  boolean full(Peer peer) {
    return openTotal.get() >= maxConnections || openPerPeer(peer.id()).get() >= maxPerPeer;
  }

  /**
   * Opens a connection to {@code peer} on {@code thread}, counted against the limits until it
   * closes; {@code done} gets it, or the failure.
   */
  void connect(Peer peer, XnioIoThread thread, ByteBufferPool buffers, ClientCallback<ClientConnection> done) {
    AtomicInteger perPeer = openPerPeer(peer.id());
    perPeer.incrementAndGet();
    openTotal.incrementAndGet();
    UndertowClient.getInstance().connect(new ClientCallback<>() {
      @Override
      public void completed(ClientConnection c) {
        open.add(c);
        c.getCloseSetter().set(closedConnection -> {
          open.remove(c);
          perPeer.decrementAndGet();
          openTotal.decrementAndGet();
        });
        done.completed(c);
      }

      @Override
      public void failed(IOException e) {
        perPeer.decrementAndGet();
        openTotal.decrementAndGet();
        done.failed(e);
      }
    }, URI.create("http://" + peer.authority()), thread, buffers, options);
  }

  /** How long a connect may take, in nanoseconds. */
  long connectNanos() {
    return connectNanos;
  }

  /** How long a peer may stay silent, in nanoseconds. */
  long responseNanos() {
    return responseNanos;
  }

  /** How long an idle connection is kept, in nanoseconds. */
  long idleNanos() {
    return idleNanos;
  }

  /** Whether {@link #close} was called: no connection is opened or kept any more. */
  boolean closed() {
    return closed;
  }

  /** Open connections to peers (idle or busy). */
  public int openConnections() {
    return openTotal.get();
  }

  @Override
  public void close() {
    closed = true;
    for (Closeable c : open) {
      IoUtils.safeClose(c);
    }
  }

  private AtomicInteger openPerPeer(String peer) {
    return openPerPeer.computeIfAbsent(peer, p -> new AtomicInteger());
  }
}
