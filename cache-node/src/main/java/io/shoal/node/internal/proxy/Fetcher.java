package io.shoal.node.internal.proxy;

import io.shoal.node.internal.cache.Collapser;
import io.shoal.node.internal.cache.StoredResponse;
import io.shoal.node.internal.http.CacheControl;
import io.shoal.node.internal.http.Fields;
import io.shoal.node.internal.origin.OriginResponse;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import java.util.function.Consumer;

/**
 * The origin side of the cache, on worker threads: GET and HEAD the cache could not answer.
 * Misses and revalidations ({@link Revalidation}) are collapsed, so concurrent requests for one key
 * make one origin request; what cannot be cached passes through. Other methods are the
 * {@link BodyForwarder}'s.
 */
final class Fetcher {
  private final ProxyContext context;
  private final OriginCalls calls;
  private final Revalidation revalidation;

  Fetcher(ProxyContext context, OriginCalls calls, Revalidation revalidation) {
    this.context = context;
    this.calls = calls;
    this.revalidation = revalidation;
  }

  /** GET or HEAD that the cache could not answer; {@code stale} is the stored response to revalidate, if any. */
  void fetch(HttpServerExchange exchange, Fields request, CacheControl cc, StoredResponse stale) {
    exchange.startBlocking();
    RequestState state = RequestState.of(exchange);
    if (!calls.destinationAllowed(exchange, state.target)) {
      return;
    }
    boolean head = exchange.getRequestMethod().equals(Methods.HEAD);
    if (stale != null && !head && !request.contains("Range")) {
      collapsed(exchange, request, state.key, stale, decided -> relayAndStore(exchange, request,
          revalidation.forClient(exchange, request, stale, decided), decided));
      return;
    }
    if (head || request.contains("Range") || cc.has("no-store")) {
      passThrough(exchange, request);
      return;
    }
    if (context.collapser.isNotStorable(state.key)) {
      fetchAndStore(exchange, request, stored -> { });
      return;
    }
    collapsed(exchange, request, state.key, null, decided -> fetchAndStore(exchange, request, decided));
  }

  /**
   * A GET whose profile distills and whose variant is not stored fresh ({@code stale}: the stored
   * one, if any); collapsed on the variant's key, so concurrent misses fetch and distill once (see
   * {@link Distilling}).
   */
  void fetchDistilled(HttpServerExchange exchange, Fields request, StoredResponse stale) {
    exchange.startBlocking();
    RequestState state = RequestState.of(exchange);
    if (calls.destinationAllowed(exchange, state.target)) {
      collapsed(exchange, request, state.selection.key(state.key), stale,
          decided -> decided.accept(Distilling.serve(exchange, context, this, request, stale)));
    }
  }

  /**
   * Sends a GET for the full response, conditional on {@code stale}'s validators at the origin when
   * not null; null after replying with an error.
   */
  OriginResponse sendFull(HttpServerExchange exchange, Fields request, StoredResponse stale) {
    return send(exchange, "GET", request, true, stale);
  }

  void relayAndStore(HttpServerExchange exchange, Fields request, OriginResponse r) {
    relayAndStore(exchange, request, r, stored -> { });
  }

  /**
   * Runs {@code work} as the one request for {@code key} that goes to the origin; {@code work} tells
   * its argument whether it stored a response under {@code key}. A request that finds one in flight
   * (the handler normally waits before dispatching) waits for it and is served what it stored when
   * fresh, or runs {@code work} itself.
   */
  private void collapsed(HttpServerExchange exchange, Fields request, String key, StoredResponse stale,
      Consumer<Consumer<Boolean>> work) {
    Collapser.Ticket ticket = context.collapser.join(key);
    if (!ticket.leader()) {
      StoredResponse s = ticket.await(context.collapseTimeout) ? storedHit(key, request, stale) : null;
      if (s != null) {
        StoredReplies.serve(exchange, context, s, "HIT", System.currentTimeMillis());
        return;
      }
      work.accept(stored -> { });
      return;
    }
    // A leader may have missed just before the previous leader stored the response and joined just
    // after it finished: it looks again before it goes to the origin.
    StoredResponse s = storedHit(key, request, stale);
    if (s != null) {
      ticket.complete(true);
      StoredReplies.serve(exchange, context, s, "HIT", System.currentTimeMillis());
      return;
    }
    try {
      work.accept(ticket::complete);
    } finally {
      ticket.complete(false);
    }
  }

  /** What the cache holds for {@code key} now if it is a hit for {@code request} (and not {@code stale}), else null. */
  private StoredResponse storedHit(String key, Fields request, StoredResponse stale) {
    StoredResponse s = context.cache.get(key, request);
    return s != null && s != stale && CacheHandler.decide(s, Messages.requestCacheControl(request),
        System.currentTimeMillis()) == CacheHandler.Decision.HIT ? s : null;
  }

  /** Fetches the full response, relays it and stores it when allowed; reports whether it was stored. */
  private void fetchAndStore(HttpServerExchange exchange, Fields request, Consumer<Boolean> decided) {
    relayAndStore(exchange, request, send(exchange, "GET", request, true, null), decided);
  }

  /**
   * Relays {@code r} and stores it when allowed, telling {@code decided} whether it did; a null
   * {@code r} (the client has had its answer) stores nothing.
   */
  private void relayAndStore(HttpServerExchange exchange, Fields request, OriginResponse r, Consumer<Boolean> decided) {
    if (r == null) {
      decided.accept(false);
      return;
    }
    RequestState state = RequestState.of(exchange);
    Fields fields = Messages.endToEnd(r.headers());
    String why = context.policy.notStorableReason(request, r.status(), fields);
    if (why != null) {
      decided.accept(false);
    }
    Relay.relay(exchange, context, r, fields, "MISS", why == null ? context.maxObjectSize : -1,
        () -> decided.accept(false), body -> {
          context.store(state.key, request, r, fields, body, null);
          decided.accept(true);
        });
    decided.accept(false);
  }

  private void passThrough(HttpServerExchange exchange, Fields request) {
    OriginResponse r = send(exchange, exchange.getRequestMethod().toString(), request, false, null);
    if (r != null) {
      Relay.relay(exchange, context, r, Messages.endToEnd(r.headers()), "MISS", -1, () -> { }, b -> { });
    }
  }

  /**
   * Sends a bodiless request to the origin and waits for the response head, conditional on
   * {@code stale}'s validators when not null; null after replying with an error.
   */
  private OriginResponse send(HttpServerExchange exchange, String method, Fields request,
      boolean fullResponse, StoredResponse stale) {
    RequestState state = RequestState.of(exchange);
    state.hierarchy = "HIER_DIRECT/" + state.target.host();
    Fields headers = Messages.toOrigin(exchange, request, context.nodeId, fullResponse);
    if (stale != null) {
      Fields.Builder b = Fields.builder();
      headers.forEach(b::add);
      headers = Revalidation.withValidators(b, stale);
    }
    try {
      long sent = System.nanoTime();
      return calls.await(context.origin.send(method, OriginCalls.uri(state.target), headers, null), sent);
    } catch (Exception e) {
      calls.replyFailure(exchange, state.target, e);
      return null;
    }
  }
}
