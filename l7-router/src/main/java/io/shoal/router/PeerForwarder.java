package io.shoal.router;

import io.shoal.base.Checks;
import io.shoal.base.config.Config;
import io.shoal.router.internal.forward.Failover;
import io.shoal.router.internal.forward.ForwardOptions;
import io.shoal.router.internal.forward.PeerConnections;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Forwards requests to peers over keep-alive connections that belong to the I/O thread that
 * received the client's request (Undertow's HTTP client on the server's own XNIO threads): the
 * request to the peer, its answer and the relay to the client all run on that one thread, with no
 * hand-off, lock or wake-up between threads — the way nginx's upstreams and Undertow's proxy work.
 * Bodies stream both ways with back-pressure through one pooled buffer.
 *
 * <p>Fails over along the candidate list: a peer that refuses, resets or does not answer within
 * the response timeout is marked suspect at once and the next candidate is tried — transparently
 * for any request none of whose body was read yet (so always for GET and HEAD); otherwise the
 * client gets 502. Once response bytes went to the client, a failure can only cut the client's
 * connection. A pooled connection that fails before answering is retried once on a new
 * connection to the same peer first (the peer may just have closed an idle connection).
 *
 * <p>A GET or HEAD without a body goes on a pipelined connection instead ({@code Lane}, one
 * I/O thread's, written and read without Undertow's client): the requests of one turn of the event
 * loop to one peer leave in one write, never behind a request already sent (a slow response holds
 * up nobody), and the responses are relayed from the read buffer as they arrive. The same
 * failover, retry, timeouts and limits apply.
 *
 * <p>Its parts, as Undertow's proxy splits them: the connection pool ({@code PeerConnections},
 * like {@code ProxyConnectionPool}), the candidate failover ({@code Failover}, like
 * {@code ProxyClient}) and the relay of one try ({@code Relay}, like {@code ProxyHandler}; or
 * {@code LaneTry} on a {@code Lane}), in {@code internal.forward}.
 */
public final class PeerForwarder implements AutoCloseable {

  /** How a forward ended. */
  public enum Outcome {
    /** The response of a peer went to the client. */
    FORWARDED,
    /** No candidate could take it and nothing was sent: serve it locally. */
    NO_PEER,
    /** It failed after bytes were sent: the client got 502 or a cut connection. */
    FAILED
  }

  /** The outcome and the peer that answered (null unless FORWARDED). */
  public record Result(Outcome outcome, Peer peer) {}

  private final ForwardOptions settings;
  private final PeerConnections connections;

  private PeerForwarder(ForwardOptions settings) {
    this.settings = settings;
    this.connections = new PeerConnections(settings);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Forwards the request in {@code exchange} along {@code route}'s candidates and relays the first
   * answer; call it from the exchange's handler (on its I/O thread or a worker thread). It does not
   * block: the exchange is dispatched to its I/O thread, where everything happens. {@code done}
   * gets the result there before the response is relayed; on {@link Outcome#NO_PEER} nothing was
   * sent and it is the caller's to serve the request (by dispatching it).
   */
  public void forward(HttpServerExchange exchange, Route.Forward route, Router router, Consumer<Result> done) {
    Failover f = new Failover(exchange, route, router, done, settings, connections);
    exchange.dispatch(exchange.isInIoThread() ? SameThreadExecutor.INSTANCE : exchange.getIoThread(), f::next);
  }

  /** Open connections to peers (pooled or busy). */
  public int openConnections() {
    return connections.openConnections();
  }

  @Override
  public void close() {
    connections.close();
  }

  /** Builds a forwarder; every setter validates. */
  public static final class Builder {
    private Duration connectTimeout = ForwardSettings.CONNECT_TIMEOUT.defaultValue();
    private Duration responseTimeout = ForwardSettings.RESPONSE_TIMEOUT.defaultValue();
    private Duration idleTimeout = ForwardSettings.IDLE_TIMEOUT.defaultValue();
    private int maxConnections = ForwardSettings.MAX_CONNECTIONS.defaultValue();
    private int maxPerPeer = ForwardSettings.MAX_PER_PEER.defaultValue();
    private ForwardObserver observer = ForwardObserver.NONE;

    private Builder() {}

    /** Every setting of {@link ForwardSettings} from {@code config}. */
    public Builder settings(Config config) {
      connectTimeout(config.get(ForwardSettings.CONNECT_TIMEOUT));
      responseTimeout(config.get(ForwardSettings.RESPONSE_TIMEOUT));
      idleTimeout(config.get(ForwardSettings.IDLE_TIMEOUT));
      return maxConnections(config.get(ForwardSettings.MAX_CONNECTIONS), config.get(ForwardSettings.MAX_PER_PEER));
    }

    /** What sees every try and every forward's end, for metrics (default: nothing). */
    public Builder observer(ForwardObserver observer) {
      this.observer = Objects.requireNonNull(observer, "observer");
      return this;
    }

    /** How long a connect to a peer may take before it counts as failed (default: {@code cluster.forward.connect-timeout}). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Checks.positive("connectTimeout", timeout);
      return this;
    }

    /** How long a peer may stay silent, for the head and between body bytes (default: {@code cluster.forward.response-timeout}). */
    public Builder responseTimeout(Duration timeout) {
      this.responseTimeout = Checks.positive("responseTimeout", timeout);
      return this;
    }

    /** How long an idle pooled connection is kept (default: {@code cluster.forward.idle-timeout}). */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = Checks.positive("idleTimeout", timeout);
      return this;
    }

    /**
     * Open connections to all peers together, and to one peer (defaults: {@code cluster.forward.max-connections} and {@code max-per-peer}). A peer at
     * its limit with no idle connection is passed over for the next candidate.
     */
    public Builder maxConnections(int total, int perPeer) {
      Checks.positive("maxConnections", total);
      if (perPeer < 1 || perPeer > total) {
        throw new IllegalArgumentException("maxPerPeer: " + perPeer + " (expected: 1-" + total + ")");
      }
      this.maxConnections = total;
      this.maxPerPeer = perPeer;
      return this;
    }

    public PeerForwarder build() {
      return new PeerForwarder(new ForwardOptions(connectTimeout, responseTimeout, idleTimeout, maxConnections,
          maxPerPeer, observer));
    }
  }
}
