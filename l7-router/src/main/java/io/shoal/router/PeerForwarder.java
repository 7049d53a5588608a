package io.shoal.router;

import io.shoal.router.internal.BodyProducer;
import io.shoal.router.internal.RelayConsumer;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.net.URIAuthority;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Forwards requests to peers over pooled keep-alive connections (Apache HttpClient 5 async),
 * streaming both ways with bounded buffers, with the hop header added. Fails over along the
 * candidate list: a peer that refuses, resets or times out is marked suspect at once and the next
 * candidate is tried — transparently for idempotent requests (GET, HEAD, OPTIONS) and for any
 * request none of whose body went out yet; otherwise the client gets 502. Once response bytes
 * went to the client, a failure can only cut the client connection.
 */
public final class PeerForwarder implements AutoCloseable {
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS");
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
      "transfer-encoding", "te", "trailer", "upgrade", "content-length", "host",
      Router.HOP_HEADER.toLowerCase(Locale.ROOT), Router.SCHEME_HEADER.toLowerCase(Locale.ROOT));
  private static final int BUFFER = 32 * 1024;
  /** Copy buffers of the forwarding (worker) threads: one per thread, not one per request. */
  private static final ThreadLocal<byte[]> COPY = ThreadLocal.withInitial(() -> new byte[BUFFER]);

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

  private final CloseableHttpAsyncClient client;
  private final Duration responseTimeout;
  private final ForwardObserver observer;

  private PeerForwarder(Builder b) {
    this.responseTimeout = b.responseTimeout;
    this.observer = b.observer;
    var connections = PoolingAsyncClientConnectionManagerBuilder.create()
        .setMaxConnTotal(b.maxConnections)
        .setMaxConnPerRoute(b.maxPerPeer)
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(b.connectTimeout))
            .setSocketTimeout(Timeout.of(b.responseTimeout))
            .setValidateAfterInactivity(TimeValue.ofSeconds(1))
            .build())
        .build();
    this.client = HttpAsyncClients.custom()
        .setConnectionManager(connections)
        .setIOReactorConfig(IOReactorConfig.custom()
            .setIoThreadCount(Math.max(1, Runtime.getRuntime().availableProcessors()))
            .setTcpNoDelay(true)
            .build())
        .setDefaultRequestConfig(RequestConfig.custom()
            .setResponseTimeout(Timeout.of(b.responseTimeout))
            .setConnectionRequestTimeout(Timeout.of(b.connectTimeout.multipliedBy(2)))
            .setRedirectsEnabled(false)
            .build())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .evictIdleConnections(TimeValue.of(b.idleTimeout))
        .setUserAgent(null)
        .build();
    client.start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Forwards the request in {@code exchange} (in blocking mode, on a worker thread) along
   * {@code route}'s candidates, relaying the first answer to the client.
   */
  public Result forward(HttpServerExchange exchange, Route.Forward route, Router router) throws IOException {
    String method = exchange.getRequestMethod().toString();
    boolean idempotent = IDEMPOTENT.contains(method);
    boolean hasBody = exchange.getRequestContentLength() > 0
        || exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING);
    int tries = 0;
    for (Peer peer : route.candidates()) {
      if (tries > 0 && router.isSuspect(peer.id())) {
        continue;
      }
      tries++;
      Attempt attempt = new Attempt(exchange, route, router, peer, method, hasBody);
      HttpResponse head;
      long started = System.nanoTime();
      try {
        head = attempt.start();
      } catch (IOException e) {
        router.markSuspect(peer.id());
        observer.attempted(peer, System.nanoTime() - started, e);
        if (idempotent && !attempt.consumedBody() || !attempt.sentBody() && !attempt.consumedBody()) {
          continue;
        }
        badGateway(exchange, peer, e);
        return finished(new Result(Outcome.FAILED, null), tries);
      }
      observer.attempted(peer, System.nanoTime() - started, null);
      router.clearSuspect(peer.id());
      attempt.relay(head);
      return finished(new Result(attempt.complete ? Outcome.FORWARDED : Outcome.FAILED, peer), tries);
    }
    return finished(new Result(Outcome.NO_PEER, null), tries);
  }

  /**
   * Forwards a request without a body (GET, HEAD, ...) without blocking any thread: call it on the
   * exchange's I/O thread after {@code exchange.dispatch(SameThreadExecutor.INSTANCE, ...)}. A
   * response small enough for the relay buffer ({@value #BUFFER} / 2 bytes, known from its
   * Content-Length) is collected and written from the I/O thread; a bigger one is streamed by a
   * worker thread. Failover as {@link #forward}. {@code done} gets the result on the I/O thread
   * before the response is written; on {@link Outcome#NO_PEER} it is the caller's to serve the
   * request (by dispatching it).
   */
  public void forwardAsync(HttpServerExchange exchange, Route.Forward route, Router router,
      java.util.function.Consumer<Result> done) {
    new AsyncForward(exchange, route, router, done).next();
  }

  /** One non-blocking forward along the candidates. */
  private final class AsyncForward {
    private final HttpServerExchange exchange;
    private final Route.Forward route;
    private final Router router;
    private final java.util.function.Consumer<Result> done;
    private final String method;
    private int index;
    private int tries;

    AsyncForward(HttpServerExchange exchange, Route.Forward route, Router router,
        java.util.function.Consumer<Result> done) {
      this.exchange = exchange;
      this.route = route;
      this.router = router;
      this.done = done;
      this.method = exchange.getRequestMethod().toString();
    }

    /** Tries the next candidate, or ends with NO_PEER. Runs on the I/O thread or a reactor thread. */
    void next() {
      while (index < route.candidates().size()) {
        Peer peer = route.candidates().get(index++);
        if (tries > 0 && router.isSuspect(peer.id())) {
          continue;
        }
        tries++;
        Attempt attempt = new Attempt(exchange, route, router, peer, method, false);
        long started = System.nanoTime();
        attempt.consumer.head().whenComplete((head, failure) -> {
          if (failure != null) {
            router.markSuspect(peer.id());
            observer.attempted(peer, System.nanoTime() - started, failure);
            next();
            return;
          }
          observer.attempted(peer, System.nanoTime() - started, null);
          router.clearSuspect(peer.id());
          answered(attempt, peer, head);
        });
        try {
          attempt.startAsync();
        } catch (RuntimeException e) {
          attempt.consumer.failed(e);
        }
        return;
      }
      Result result = finished(new Result(Outcome.NO_PEER, null), tries);
      onIoThread(() -> done.accept(result));
    }

    private void answered(Attempt attempt, Peer peer, HttpResponse head) {
      Header length = head.getFirstHeader("Content-Length");
      long size = length == null ? -1 : parseLength(length.getValue());
      boolean bodyless = method.equals("HEAD") || head.getCode() == 204 || head.getCode() == 304;
      if (bodyless || (size >= 0 && size <= BUFFER / 2)) {
        attempt.consumer.end().whenComplete((ok, failure) -> {
          if (failure != null || attempt.consumer.failure() != null) {
            // The peer failed before its (small) body was complete; nothing went to the client yet.
            router.markSuspect(peer.id());
            next();
            return;
          }
          byte[] body = new byte[bodyless ? 0 : (int) size];
          int read = bodyless ? 0 : readAll(attempt.consumer.body(), body);
          if (read != body.length) {
            // Shorter than its Content-Length: the peer failed; nothing went to the client yet.
            router.markSuspect(peer.id());
            next();
            return;
          }
          Result result = finished(new Result(Outcome.FORWARDED, peer), tries);
          exchange.dispatch(exchange.getIoThread(), ex -> {
            done.accept(result);
            attempt.relayHead(head);
            if (bodyless) {
              ex.getResponseHeaders().remove(Headers.TRANSFER_ENCODING);
              ex.endExchange();
            } else {
              ex.getResponseSender().send(java.nio.ByteBuffer.wrap(body, 0, read));
            }
          });
        });
        return;
      }
      // A big or open-ended body: streamed by a worker thread with back-pressure.
      exchange.dispatch(exchange.getConnection().getWorker(), ex -> {
        ex.startBlocking();
        attempt.relay(head);
        done.accept(finished(new Result(attempt.complete ? Outcome.FORWARDED : Outcome.FAILED, peer), tries));
      });
    }

    private void onIoThread(Runnable r) {
      if (exchange.getIoThread() == Thread.currentThread()) {
        r.run();
      } else {
        exchange.getIoThread().execute(r);
      }
    }
  }

  private static long parseLength(String v) {
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static int readAll(InputStream in, byte[] into) {
    int n = 0;
    try (in) {
      for (int r; n < into.length && (r = in.read(into, n, into.length - n)) > 0; ) {
        n += r;
      }
    } catch (IOException e) {
      return -1;
    }
    return n;
  }

  private Result finished(Result result, int tries) {
    observer.finished(result, tries);
    return result;
  }

  private static void badGateway(HttpServerExchange exchange, Peer peer, Exception e) throws IOException {
    if (exchange.isResponseStarted()) {
      exchange.getConnection().close();
      return;
    }
    exchange.setStatusCode(502);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
    exchange.getResponseHeaders().put(Headers.CONNECTION, "close");
    exchange.setPersistent(false);
    exchange.getResponseSender().send("peer " + peer.id() + " failed after part of the request body was sent: "
        + e.getMessage() + "\n");
  }

  /** One try on one peer. */
  private final class Attempt {
    private final HttpServerExchange exchange;
    private final Route.Forward route;
    private final Router router;
    private final Peer peer;
    private final String method;
    private final boolean hasBody;
    private final RelayConsumer consumer = new RelayConsumer(BUFFER / 2);
    private BodyProducer body;
    private boolean consumed;
    boolean complete;

    Attempt(HttpServerExchange exchange, Route.Forward route, Router router, Peer peer, String method, boolean hasBody) {
      this.exchange = exchange;
      this.route = route;
      this.router = router;
      this.peer = peer;
      this.method = method;
      this.hasBody = hasBody;
    }

    boolean consumedBody() {
      return consumed;
    }

    boolean sentBody() {
      return body != null && body.sentAny();
    }

    /** Sends the request and returns the response head; throws when the peer failed. */
    HttpResponse start() throws IOException {
      BasicHttpRequest request = request();
      if (hasBody) {
        String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        body = new BodyProducer(exchange.getRequestContentLength(), type, BUFFER);
      }
      Future<Void> call = client.execute(new BasicRequestProducer(request, body), consumer, null);
      try {
        if (body != null) {
          copyBodyWhenStarted(call);
        }
        return consumer.head().get(responseTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        throw io(e.getCause());
      } catch (TimeoutException e) {
        call.cancel(true);
        throw new IOException("no response from " + peer.id() + " within " + responseTimeout);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        call.cancel(true);
        throw new IOException("interrupted");
      }
    }

    /** Sends a request without a body; the consumer's futures tell the rest. */
    void startAsync() {
      client.execute(new BasicRequestProducer(request(), null), consumer, null);
    }

    /** The request to the peer: the client's headers but hop-by-hop ones, plus the hop header. */
    private BasicHttpRequest request() {
      BasicHttpRequest request = new BasicHttpRequest(method, route.target().toString());
      request.setScheme("http");
      request.setAuthority(new URIAuthority(peer.host(), peer.port()));
      for (HeaderValues values : exchange.getRequestHeaders()) {
        String name = values.getHeaderName().toString();
        if (HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
          continue;
        }
        for (String v : values) {
          request.addHeader(name, v);
        }
      }
      request.setHeader("Host", route.target().authority());
      request.setHeader(Router.HOP_HEADER, router.hopHeaderValue());
      // HttpClient sends origin form: the owner rebuilds the URL from Host and this.
      request.setHeader(Router.SCHEME_HEADER, route.target().scheme());
      return request;
    }

    private void copyBodyWhenStarted(Future<Void> call) throws IOException, InterruptedException, ExecutionException {
      try {
        java.util.concurrent.CompletableFuture.anyOf(body.started(), consumer.head())
            .get(responseTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        call.cancel(true);
        throw new IOException("no connection to " + peer.id() + " within " + responseTimeout);
      }
      if (!body.started().isDone() || body.started().isCompletedExceptionally()) {
        return;
      }
      consumed = true;
      InputStream in = exchange.getInputStream();
      byte[] buf = COPY.get();
      try {
        for (int n; (n = in.read(buf)) >= 0; ) {
          body.buffer().write(buf, 0, n);
        }
        body.buffer().writeCompleted();
      } catch (IOException e) {
        call.cancel(true);
        throw e;
      }
    }

    void relayHead(HttpResponse head) {
      exchange.setStatusCode(head.getCode());
      for (Header h : head.getHeaders()) {
        String name = h.getName().toLowerCase(Locale.ROOT);
        if (!HOP_BY_HOP.contains(name) || name.equals("content-length")) {
          exchange.getResponseHeaders().add(HttpString.tryFromString(h.getName()), h.getValue());
        }
      }
    }

    void relay(HttpResponse head) throws IOException {
      relayHead(head);
      boolean bodyless = method.equals("HEAD") || head.getCode() == 204 || head.getCode() == 304;
      byte[] buf = COPY.get();
      try (InputStream in = consumer.body()) {
        OutputStream out = exchange.getOutputStream();
        for (int n; (n = in.read(buf)) >= 0; ) {
          out.write(buf, 0, n);
        }
        if (consumer.failure() != null) {
          throw io(consumer.failure());
        }
        if (bodyless) {
          exchange.getResponseHeaders().remove(Headers.TRANSFER_ENCODING);
        }
        out.close();
        complete = true;
      } catch (IOException e) {
        router.markSuspect(peer.id());
        exchange.getConnection().close();
      }
    }

    private IOException io(Throwable t) {
      return t instanceof IOException io ? io : new IOException(String.valueOf(t), t);
    }
  }

  @Override
  public void close() {
    client.close(CloseMode.GRACEFUL);
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

    /** Pool limits: all peers together, and per peer (defaults 1024 and 256). */
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
