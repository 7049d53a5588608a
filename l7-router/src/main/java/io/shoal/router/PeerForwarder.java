package io.shoal.router;

import io.shoal.router.internal.Pump;
import io.undertow.client.ClientCallback;
import io.undertow.client.ClientConnection;
import io.undertow.client.ClientExchange;
import io.undertow.client.ClientRequest;
import io.undertow.client.ClientResponse;
import io.undertow.client.UndertowClient;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.XnioExecutor;
import org.xnio.XnioIoThread;
import org.xnio.channels.StreamSourceChannel;

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
 */
public final class PeerForwarder implements AutoCloseable {
  private static final Set<HttpString> HOP_BY_HOP = Set.of(Headers.CONNECTION, Headers.KEEP_ALIVE,
      HttpString.tryFromString("Proxy-Connection"), Headers.TRANSFER_ENCODING, Headers.TE, Headers.TRAILER,
      Headers.UPGRADE, Headers.CONTENT_LENGTH, Headers.HOST, HttpString.tryFromString(Router.HOP_HEADER),
      HttpString.tryFromString(Router.SCHEME_HEADER));
  private static final HttpString HOP = HttpString.tryFromString(Router.HOP_HEADER);
  private static final HttpString SCHEME = HttpString.tryFromString(Router.SCHEME_HEADER);

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

  private final Duration connectTimeout;
  private final Duration responseTimeout;
  private final long idleNanos;
  private final int maxConnections;
  private final int maxPerPeer;
  private final ForwardObserver observer;
  private final OptionMap options = OptionMap.create(Options.TCP_NODELAY, true);
  /** The idle connections of each I/O thread; each pool is touched by its own thread only. */
  private final Map<XnioIoThread, Pool> pools = new ConcurrentHashMap<>();
  private final Set<ClientConnection> open = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicInteger> openPerPeer = new ConcurrentHashMap<>();
  private final AtomicInteger openTotal = new AtomicInteger();
  private volatile boolean closed;

  private PeerForwarder(Builder b) {
    this.connectTimeout = b.connectTimeout;
    this.responseTimeout = b.responseTimeout;
    this.idleNanos = b.idleTimeout.toNanos();
    this.maxConnections = b.maxConnections;
    this.maxPerPeer = b.maxPerPeer;
    this.observer = b.observer;
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
    Forward f = new Forward(exchange, route, router, done);
    exchange.dispatch(exchange.isInIoThread() ? SameThreadExecutor.INSTANCE : exchange.getIoThread(), f::next);
  }

  /** Open connections to peers (pooled or busy). */
  public int openConnections() {
    return openTotal.get();
  }

  @Override
  public void close() {
    closed = true;
    for (ClientConnection c : open) {
      IoUtils.safeClose(c);
    }
  }

  /** One forward along the candidates; runs on the exchange's I/O thread. */
  private final class Forward {
    private final HttpServerExchange exchange;
    private final Route.Forward route;
    private final Router router;
    private final Consumer<Result> done;
    private final boolean hasBody;
    private final Pool pool;
    private StreamSourceChannel requestBody;
    private Pump upload;
    private int index;
    private int tries;

    Forward(HttpServerExchange exchange, Route.Forward route, Router router, Consumer<Result> done) {
      this.exchange = exchange;
      this.route = route;
      this.router = router;
      this.done = done;
      this.hasBody = exchange.getRequestContentLength() > 0
          || exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING);
      this.pool = pools.computeIfAbsent(exchange.getIoThread(), Pool::new);
    }

    /** Whether any byte of the client's body was read: from then on the request cannot be retried. */
    boolean bodyRead() {
      return upload != null && upload.moved() > 0;
    }

    /** Tries the next candidate, or ends with NO_PEER. */
    void next() {
      while (index < route.candidates().size()) {
        Peer peer = route.candidates().get(index++);
        if (tries > 0 && router.isSuspect(peer.id())) {
          continue;
        }
        ClientConnection idle = pool.take(peer.id());
        if (idle == null && full(peer)) {
          continue;  // like nginx's max_conns: a peer at its limit is passed over, not waited for
        }
        tries++;
        new Attempt(this, peer, idle != null).start(idle);
        return;
      }
      finish(new Result(Outcome.NO_PEER, null));
    }

    void finish(Result result) {
      observer.finished(result, tries);
      done.accept(result);
    }

    /** The request to the peer: the client's headers but hop-by-hop ones, plus the hop header. */
    ClientRequest request() {
      ClientRequest request = new ClientRequest()
          .setMethod(exchange.getRequestMethod())
          .setPath(route.target().pathAndQuery());
      HeaderMap headers = request.getRequestHeaders();
      for (HeaderValues values : exchange.getRequestHeaders()) {
        if (!HOP_BY_HOP.contains(values.getHeaderName())) {
          headers.addAll(values.getHeaderName(), values);
        }
      }
      headers.put(Headers.HOST, route.target().authority());
      via(headers, router.selfId());
      headers.put(HOP, router.hopHeaderValue());
      // The request goes in origin form: the owner rebuilds the URL from Host and this.
      headers.put(SCHEME, route.target().scheme());
      if (hasBody) {
        long length = exchange.getRequestContentLength();
        if (length >= 0) {
          headers.put(Headers.CONTENT_LENGTH, length);
        } else {
          headers.put(Headers.TRANSFER_ENCODING, Headers.CHUNKED.toString());
        }
      }
      return request;
    }

    StreamSourceChannel requestBody() {
      if (requestBody == null) {
        requestBody = exchange.getRequestChannel();
      }
      return requestBody;
    }
  }

  private boolean full(Peer peer) {
    return openTotal.get() >= maxConnections || openPerPeer(peer.id()).get() >= maxPerPeer;
  }

  private AtomicInteger openPerPeer(String peer) {
    return openPerPeer.computeIfAbsent(peer, p -> new AtomicInteger());
  }

  /** One try on one peer. */
  private final class Attempt {
    private final Forward f;
    private final Peer peer;
    private final boolean reused;
    private final long started = System.nanoTime();
    private ClientConnection connection;
    private XnioExecutor.Key timer;
    private boolean settled;

    Attempt(Forward f, Peer peer, boolean reused) {
      this.f = f;
      this.peer = peer;
      this.reused = reused;
    }

    void start(ClientConnection idle) {
      if (idle != null) {
        send(idle);
        return;
      }
      if (closed) {
        failed(new IOException("forwarder closed"));
        return;
      }
      XnioIoThread thread = f.exchange.getIoThread();
      AtomicInteger perPeer = openPerPeer(peer.id());
      perPeer.incrementAndGet();
      openTotal.incrementAndGet();
      timer = thread.executeAfter(() -> failed(new ConnectException("no connection to " + peer.id()
          + " within " + connectTimeout)), connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
      UndertowClient.getInstance().connect(new ClientCallback<>() {
        @Override
        public void completed(ClientConnection c) {
          open.add(c);
          c.getCloseSetter().set(closedConnection -> {
            open.remove(c);
            perPeer.decrementAndGet();
            openTotal.decrementAndGet();
          });
          if (settled || closed) {
            IoUtils.safeClose(c);
            return;
          }
          cancelTimer();
          send(c);
        }

        @Override
        public void failed(IOException e) {
          perPeer.decrementAndGet();
          openTotal.decrementAndGet();
          Attempt.this.failed(e);
        }
      }, URI.create("http://" + peer.authority()), thread, f.exchange.getConnection().getByteBufferPool(), options);
    }

    private void send(ClientConnection c) {
      connection = c;
      timer = f.exchange.getIoThread().executeAfter(() -> failed(new SocketTimeoutException("no response from "
          + peer.id() + " within " + responseTimeout)), responseTimeout.toMillis(), TimeUnit.MILLISECONDS);
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
              Attempt.this.failed(e);
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
            observer.finished(new Result(Outcome.FAILED, null), f.tries);
          } else {
            Attempt.this.failed(e);
          }
        }

        @Override
        public void failed(IOException e) {
          Attempt.this.failed(e);
        }
      });
    }

    private void answered(ClientExchange x) {
      if (settled) {
        return;
      }
      settled = true;
      cancelTimer();
      observer.attempted(peer, System.nanoTime() - started, null);
      f.router.clearSuspect(peer.id());
      ClientResponse head = x.getResponse();
      HttpServerExchange exchange = f.exchange;
      f.finish(new Result(Outcome.FORWARDED, peer));
      exchange.setStatusCode(head.getResponseCode());
      for (HeaderValues values : head.getResponseHeaders()) {
        HttpString name = values.getHeaderName();
        if (!HOP_BY_HOP.contains(name) || name.equals(Headers.CONTENT_LENGTH)) {
          exchange.getResponseHeaders().addAll(name, values);
        }
      }
      via(exchange.getResponseHeaders(), f.router.selfId());
      Pump download = new Pump(x.getResponseChannel(), exchange.getResponseChannel(),
          exchange.getConnection().getByteBufferPool(), this::release, (e, fromPeer) -> {
            if (fromPeer) {
              f.router.markSuspect(peer.id());
            }
            IoUtils.safeClose(connection, exchange.getConnection());
          });
      download.watch(exchange.getIoThread(), responseTimeout);
      download.run();
    }

    /** The answer is complete: its connection goes back to the pool when it can carry another request. */
    private void release() {
      if (f.hasBody && (f.upload == null || !f.upload.finished())) {
        IoUtils.safeClose(connection);
        return;
      }
      f.pool.put(peer.id(), connection);
    }

    private void failed(Throwable e) {
      if (settled) {
        return;
      }
      settled = true;
      cancelTimer();
      IoUtils.safeClose(connection);
      if (reused && !f.bodyRead() && !(e instanceof SocketTimeoutException)) {
        // A pooled connection the peer may have closed while idle: once more on a new one.
        new Attempt(f, peer, false).start(null);
        return;
      }
      f.router.markSuspect(peer.id());
      observer.attempted(peer, System.nanoTime() - started, e);
      if (!f.bodyRead()) {
        f.next();
        return;
      }
      f.finish(new Result(Outcome.FAILED, null));
      badGateway(f.exchange, peer, e);
    }

    private void cancelTimer() {
      if (timer != null) {
        timer.remove();
        timer = null;
      }
    }
  }

  /** Appends this node to the message's {@code Via} (RFC 9110 7.6.3): the owner and the client see the hop. */
  private static void via(HeaderMap headers, String self) {
    headers.add(Headers.VIA, "1.1 " + self);
  }

  private static void badGateway(HttpServerExchange exchange, Peer peer, Throwable e) {
    if (exchange.isResponseStarted()) {
      IoUtils.safeClose(exchange.getConnection());
      return;
    }
    // The connection stays open: Undertow then reads the rest of the client's body before it
    // sends the reply. Closing it with body bytes unread would reset the connection, and a reset
    // can destroy the 502 before the client reads it.
    exchange.setStatusCode(502);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
    exchange.getResponseSender().send("peer " + peer.id() + " failed after part of the request body was sent: "
        + e.getMessage() + "\n");
  }

  /** The idle connections of one I/O thread, newest first per peer; closed once idle too long. */
  private final class Pool {
    private final XnioIoThread thread;
    private final Map<String, ArrayDeque<Idle>> byPeer = new HashMap<>();
    private boolean sweeping;

    private record Idle(ClientConnection connection, long since) {}

    Pool(XnioIoThread thread) {
      this.thread = thread;
    }

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

    void put(String peer, ClientConnection c) {
      if (!c.isOpen() || closed) {
        IoUtils.safeClose(c);
        return;
      }
      byPeer.computeIfAbsent(peer, p -> new ArrayDeque<>()).addFirst(new Idle(c, System.nanoTime()));
      if (!sweeping) {
        sweeping = true;
        thread.executeAfter(this::sweep, idleNanos, TimeUnit.NANOSECONDS);
      }
    }

    /** Closes the connections idle for longer than the idle timeout (the oldest are last). */
    private void sweep() {
      long now = System.nanoTime();
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

  /** Builds a forwarder; every setter validates. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(1);
    private Duration responseTimeout = Duration.ofSeconds(30);
    private Duration idleTimeout = Duration.ofSeconds(60);
    private int maxConnections = 1024;
    private int maxPerPeer = 256;
    private ForwardObserver observer = ForwardObserver.NONE;

    private Builder() {}

    /** What sees every try and every forward's end, for metrics (default: nothing). */
    public Builder observer(ForwardObserver observer) {
      this.observer = Objects.requireNonNull(observer, "observer");
      return this;
    }

    /** How long a connect to a peer may take before it counts as failed (default 1 s). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connectTimeout", timeout);
      return this;
    }

    /** How long a peer may stay silent, for the head and between body bytes (default 30 s). */
    public Builder responseTimeout(Duration timeout) {
      this.responseTimeout = positive("responseTimeout", timeout);
      return this;
    }

    /** How long an idle pooled connection is kept (default 60 s). */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = positive("idleTimeout", timeout);
      return this;
    }

    /**
     * Open connections to all peers together, and to one peer (defaults 1024 and 256). A peer at
     * its limit with no idle connection is passed over for the next candidate.
     */
    public Builder maxConnections(int total, int perPeer) {
      if (total < 1) {
        throw new IllegalArgumentException("maxConnections: " + total + " (expected: > 0)");
      }
      if (perPeer < 1 || perPeer > total) {
        throw new IllegalArgumentException("maxPerPeer: " + perPeer + " (expected: 1-" + total + ")");
      }
      this.maxConnections = total;
      this.maxPerPeer = perPeer;
      return this;
    }

    public PeerForwarder build() {
      return new PeerForwarder(this);
    }

    private static Duration positive(String what, Duration d) {
      Objects.requireNonNull(d, what);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + ": " + d + " (expected: > 0)");
      }
      return d;
    }
  }
}
