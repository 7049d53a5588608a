package io.shoal.node.internal.proxy;

import io.shoal.node.internal.cache.StoredResponse;
import io.shoal.node.internal.http.CacheControl;
import io.shoal.node.internal.http.Fields;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import io.undertow.util.SameThreadExecutor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The cache decision for a request, made on the I/O thread (RFC 9111 §4): a fresh stored
 * response is served at once; a stale one acceptable to the request ({@code max-stale}) or
 * within {@code stale-while-revalidate} is served as STALE; everything else goes to a worker
 * thread to be revalidated or fetched by {@link Fetcher}, or forwarded by {@link BodyForwarder}.
 */
final class CacheHandler implements HttpHandler {
  private final ProxyContext context;
  private final Fetcher fetcher;
  private final Revalidation revalidation;
  private final BodyForwarder forwarder;

  CacheHandler(ProxyContext context) {
    this.context = context;
    OriginCalls calls = new OriginCalls(context);
    this.revalidation = new Revalidation(context, calls);
    this.fetcher = new Fetcher(context, calls, revalidation);
    this.forwarder = new BodyForwarder(context, calls);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    RequestState state = RequestState.of(exchange);
    boolean get = exchange.getRequestMethod().equals(Methods.GET);
    boolean head = exchange.getRequestMethod().equals(Methods.HEAD);
    if (!get && !head) {
      exchange.dispatch(() -> forwarder.forward(exchange));
      return;
    }
    Fields request = Messages.request(exchange);
    CacheControl cc = Messages.requestCacheControl(request);
    long now = System.currentTimeMillis();
    if (get && context.distiller != null && !request.contains("Range") && !cc.has("no-store")) {
      state.selection = context.distiller.select(request::getAll);
      if (state.selection.distills()) {
        String key = state.selection.key(state.key);
        StoredResponse variant = context.cache.get(key, request);
        if (variant != null && decide(variant, cc, now) == Decision.HIT) {
          StoredReplies.serve(exchange, context, request, variant, "HIT", now);
        } else if (!waitForFetchInFlight(exchange, state, key, request, cc)) {
          exchange.dispatch(() -> fetcher.fetchDistilled(exchange, request, variant));
        }
        return;
      }
    }
    StoredResponse stored = context.cache.get(state.key, request);
    if (stored != null) {
      switch (decide(stored, cc, now)) {
        case HIT:
          StoredReplies.serve(exchange, context, request, stored, "HIT", now);
          return;
        case STALE:
          StoredReplies.serve(exchange, context, request, stored, "STALE", now);
          return;
        case STALE_REVALIDATE:
          StoredReplies.serve(exchange, context, request, stored, "STALE", now);
          exchange.getConnection().getWorker().execute(
              () -> revalidation.inBackground(state.target, state.key, request, stored));
          return;
        default:
          break;
      }
    }
    if (cc.has("only-if-cached")) {
      Replies.error(exchange, context.nodeId, 504, "only-if-cached and no usable stored response", false);
      return;
    }
    if (waitForFetchInFlight(exchange, state, state.key, request, cc)) {
      return;
    }
    StoredResponse stale = stored;
    exchange.dispatch(() -> fetcher.fetch(exchange, request, cc, stale));
  }

  /**
   * Collapsed forwarding without holding a thread: when another request is already fetching or
   * revalidating {@code key} (the URL's, or a distilled variant's), this one waits (once, up to
   * {@code cache.collapse-timeout}) off any thread and then runs through this handler again,
   * normally to be served what was stored.
   */
  private boolean waitForFetchInFlight(HttpServerExchange exchange, RequestState state, String key,
      Fields request, CacheControl cc) {
    if (state.waited || exchange.getRequestMethod().equals(Methods.HEAD) || request.contains("Range")
        || cc.has("no-store") || context.collapser.isNotStorable(key)) {
      return false;
    }
    CompletableFuture<Boolean> pending = context.collapser.pending(key);
    if (pending == null) {
      return false;
    }
    state.waited = true;
    CompletableFuture<Boolean> waiting = pending.copy()
        .orTimeout(context.collapseTimeout.toMillis(), TimeUnit.MILLISECONDS);
    exchange.dispatch(SameThreadExecutor.INSTANCE, () -> waiting.whenComplete(
        (stored, failure) -> exchange.dispatch(exchange.getIoThread(), this)));
    return true;
  }

  enum Decision { HIT, STALE, STALE_REVALIDATE, VALIDATE }

  static Decision decide(StoredResponse stored, CacheControl request, long now) {
    long age = stored.currentAge(now);
    long lifetime = stored.freshnessLifetime();
    if (request.has("no-cache") || stored.noCache()) {
      return Decision.VALIDATE;
    }
    boolean fresh = lifetime > age;
    long maxAge = request.seconds("max-age", 0);
    long minFresh = request.seconds("min-fresh", 0);
    boolean acceptable = fresh && (maxAge < 0 || age <= maxAge * 1000)
        && (minFresh < 0 || lifetime - age >= minFresh * 1000);
    if (acceptable) {
      return Decision.HIT;
    }
    if (fresh) {
      return Decision.VALIDATE;
    }
    long staleness = age - lifetime;
    CacheControl response = stored.cacheControl(); // parsed only for a stale response
    boolean mayServeStale = !response.has("must-revalidate") && !response.has("proxy-revalidate")
        && !response.has("s-maxage");
    if (mayServeStale && request.has("max-stale")) {
      long maxStale = request.seconds("max-stale", Long.MAX_VALUE / 2000);
      if (maxStale == Long.MAX_VALUE / 2000 || staleness <= maxStale * 1000) {
        return Decision.STALE;
      }
    }
    long swr = response.seconds("stale-while-revalidate", 0);
    if (mayServeStale && swr >= 0 && staleness <= swr * 1000 && maxAge < 0 && minFresh < 0) {
      return Decision.STALE_REVALIDATE;
    }
    return Decision.VALIDATE;
  }
}
