package io.shoal.router.internal.forward;

import io.shoal.router.Peer;
import io.shoal.router.PeerForwarder;
import io.undertow.client.ClientCallback;
import io.undertow.client.ClientConnection;
import io.undertow.client.ClientExchange;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;
import org.xnio.XnioIoThread;

/**
 * One try of a {@link Failover} on one peer: sends the request (on an idle connection or a new
 * one), streams the client's body up, and relays the peer's answer, head and body, to the client
 * with back-pressure. A failure before the answer marks the peer suspect and goes on to the next
 * candidate (or 502 once body bytes left); a failed idle connection is first retried once on a
 * new one, since the peer may just have closed it. The role of Undertow's {@code ProxyHandler}.
 * As the callback of its connect, it gets the new connection.
 */
final class Relay implements ClientCallback<ClientConnection> {
  private final Failover f;
  private final Peer peer;
  private final boolean reused;
  private final long started = System.nanoTime();
  private ClientConnection connection;
  private XnioExecutor.Key timer;
  private boolean settled;

  Relay(Failover f, Peer peer, boolean reused) {
    this.f = f;
    this.peer = peer;
    this.reused = reused;
  }

  /** Sends on {@code idle}, or on a new connection when it is null. */
  void start(ClientConnection idle) {
    if (idle != null) {
      send(idle);
      return;
    }
    if (f.connections.closed()) {
      fail(new IOException("forwarder closed"));
      return;
    }
    XnioIoThread thread = f.exchange.getIoThread();
    timer = thread.executeAfter(() -> fail(new ConnectException("no connection to " + peer.id()
        + " within " + f.settings.connectTimeout())), f.settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
    f.connections.connect(peer, thread, f.exchange.getConnection().getByteBufferPool(), this);
  }

  /** The new connection is open. */
  @Override
  public void completed(ClientConnection c) {
    if (settled || f.connections.closed()) {
      IoUtils.safeClose(c);
      return;
    }
    cancelTimer();
    send(c);
  }

  /** The new connection could not be opened. */
  @Override
  public void failed(IOException e) {
    fail(e);
  }

  private void send(ClientConnection c) {
    connection = c;
    timer = f.exchange.getIoThread().executeAfter(() -> fail(new SocketTimeoutException("no response from "
        + peer.id() + " within " + f.settings.responseTimeout())), f.settings.responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
    c.sendRequest(f.request(), new ClientCallback<>() {
      @Override
      public void completed(ClientExchange x) {
        x.setResponseListener(new ClientCallback<>() {
          @Override
          public void completed(ClientExchange answered) {
            answered(answered);
          }

          @Override
          public void failed(IOException e) {
            fail(e);
          }
        });
        if (f.hasBody && !settled) {
          f.upload = new Pump(f.requestBody(), x.getRequestChannel(), f.exchange.getConnection().getByteBufferPool(),
              () -> { }, this::uploadFailed);
          f.upload.run();
        }
      }

      private void uploadFailed(IOException e, boolean fromSource) {
        if (fromSource) {
          // The client went away: so does this request.
          settled = true;
          cancelTimer();
          IoUtils.safeClose(connection, f.exchange.getConnection());
          f.settings.observer().finished(new PeerForwarder.Result(PeerForwarder.Outcome.FAILED, null), f.tries());
        } else {
          fail(e);
        }
      }

      @Override
      public void failed(IOException e) {
        fail(e);
      }
    });
  }

  private void answered(ClientExchange x) {
    if (settled) {
      return;
    }
    settled = true;
    cancelTimer();
    f.settings.observer().attempted(peer, System.nanoTime() - started, null);
    f.router.clearSuspect(peer.id());
    HttpServerExchange exchange = f.exchange;
    f.finish(new PeerForwarder.Result(PeerForwarder.Outcome.FORWARDED, peer));
    ForwardHeaders.copyHead(x.getResponse(), exchange, f.router.selfId());
    Pump download = new Pump(x.getResponseChannel(), exchange.getResponseChannel(),
        exchange.getConnection().getByteBufferPool(), this::release, (e, fromPeer) -> {
          if (fromPeer) {
            f.router.markSuspect(peer.id());
          }
          IoUtils.safeClose(connection, exchange.getConnection());
        });
    download.watch(exchange.getIoThread(), f.settings.responseTimeout());
    download.run();
  }

  /** The answer is complete: its connection goes back to the pool when it can carry another request. */
  private void release() {
    if (f.hasBody && (f.upload == null || !f.upload.finished())) {
      IoUtils.safeClose(connection);
      return;
    }
    f.idle.put(peer.id(), connection);
  }

  private void fail(Throwable e) {
    if (settled) {
      return;
    }
    settled = true;
    cancelTimer();
    IoUtils.safeClose(connection);
    if (reused && !f.bodyRead() && !(e instanceof SocketTimeoutException)) {
      // A pooled connection the peer may have closed while idle: once more on a new one.
      new Relay(f, peer, false).start(null);
      return;
    }
    f.router.markSuspect(peer.id());
    f.settings.observer().attempted(peer, System.nanoTime() - started, e);
    if (!f.bodyRead()) {
      f.next();
      return;
    }
    f.finish(new PeerForwarder.Result(PeerForwarder.Outcome.FAILED, null));
    ForwardHeaders.badGateway(f.exchange, peer, e);
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.remove();
      timer = null;
    }
  }
}
