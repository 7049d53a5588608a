package io.shoal.router.internal.forward;

import io.shoal.router.Peer;
import io.shoal.router.PeerForwarder;
import io.shoal.router.Route;
import io.shoal.router.Router;
import io.undertow.client.ClientConnection;
import io.undertow.client.ClientRequest;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.util.function.Consumer;
import org.xnio.channels.StreamSourceChannel;

/**
 * One forward along the candidates of a route, on the exchange's I/O thread: it tries them in
 * order, each with a {@link Relay}, skipping peers marked suspect after the first try and peers
 * at their connection limit with no idle connection (passed over, not waited for, like nginx's
 * max_conns), until one answers; once a byte of the client's body was read, it cannot go on. The
 * role of Undertow's {@code ProxyClient} (which target, which connection).
 */
public final class Failover {
  final HttpServerExchange exchange;
  final Route.Forward route;
  final Router router;
  final ForwardOptions settings;
  final PeerConnections connections;
  final IdleConnections idle;
  final Lanes lanes;
  final boolean hasBody;
  /** A GET or HEAD without a body: it goes on a pipelined connection. */
  private final boolean pipelined;
  private final Consumer<PeerForwarder.Result> done;
  private StreamSourceChannel requestBody;
  /** The client's body on its way to the current peer; null until it starts. */
  Pump upload;
  private int index;
  private int tries;

  /** A forward of {@code exchange}'s request along {@code route}; {@code done} gets its result. */
  public Failover(HttpServerExchange exchange, Route.Forward route, Router router, Consumer<PeerForwarder.Result> done,
      ForwardOptions settings, PeerConnections connections) {
    this.exchange = exchange;
    this.route = route;
    this.router = router;
    this.done = done;
    this.settings = settings;
    this.connections = connections;
    this.idle = connections.idle(exchange.getIoThread());
    this.lanes = connections.lanes(exchange.getIoThread());
    this.hasBody = exchange.getRequestContentLength() > 0
        || exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING);
    this.pipelined = !hasBody && (exchange.getRequestMethod().equals(Methods.GET)
        || exchange.getRequestMethod().equals(Methods.HEAD));
  }

  /** Tries the next candidate, or ends with NO_PEER. */
  public void next() {
    while (index < route.candidates().size()) {
      Peer peer = route.candidates().get(index++);
      if (tries > 0 && router.isSuspect(peer.id())) {
        continue;
      }
      if (pipelined) {
        Lane lane = lanes.lane(peer, exchange.getConnection().getByteBufferPool());
        if (lane == null) {
          continue;
        }
        tries++;
        LaneTry.start(this, peer, lane, false);
        return;
      }
      ClientConnection pooled = idle.take(peer.id());
      if (pooled == null && connections.full(peer)) {
        continue;
      }
      tries++;
      new Relay(this, peer, pooled != null).start(pooled);
      return;
    }
    finish(new PeerForwarder.Result(PeerForwarder.Outcome.NO_PEER, null));
  }

  /** Whether any byte of the client's body was read: from then on the request cannot be retried. */
  boolean bodyRead() {
    return upload != null && upload.moved() > 0;
  }

  /** Tries so far. */
  int tries() {
    return tries;
  }

  /** Ends the forward with {@code result}: the observer and the caller learn it. */
  void finish(PeerForwarder.Result result) {
    settings.observer().finished(result, tries);
    done.accept(result);
  }

  /** The request to the peer. */
  ClientRequest request() {
    return ForwardHeaders.request(exchange, route, router, hasBody);
  }

  /** The client's body, opened on first use. */
  StreamSourceChannel requestBody() {
    if (requestBody == null) {
      requestBody = exchange.getRequestChannel();
    }
    return requestBody;
  }
}
