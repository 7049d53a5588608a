package io.shoal.node.internal.proxy;

import io.shoal.node.internal.cache.Collapser;
import io.shoal.node.internal.cache.StoredResponse;
import io.shoal.node.internal.http.CacheControl;
import io.shoal.node.internal.http.Fields;
import io.shoal.node.internal.origin.OriginResponse;
import io.shoal.node.internal.origin.RequestBody;
import io.shoal.router.TargetUrl;
import io.shoal.router.UrlNormalizer;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpContinue;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The origin side of the proxy, on worker threads: collapsed misses, revalidation of stale
 * responses (with {@code stale-if-error} and {@code must-revalidate}), pass-through of what is
 * not cached, and invalidation after unsafe methods (RFC 9111 §4.4).
 */
final class Fetcher {
  private static final Logger LOG = Logger.getLogger(Fetcher.class.getName());
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final Set<String> NOT_UPDATED = Set.of("content-length", "content-encoding",
      "transfer-encoding", "content-range");
  /** A distilled variant keeps its own type, encoding and entity tag too when a 304 refreshes it. */
  private static final Set<String> NOT_UPDATED_DISTILLED = union(NOT_UPDATED, Distilling.NOT_KEPT);

  private final ProxyContext context;

  Fetcher(ProxyContext context) {
    this.context = context;
  }

  /** GET or HEAD that the cache could not answer; {@code stale} is the stored response to revalidate, if any. */
  void fetch(HttpServerExchange exchange, Fields request, CacheControl cc, StoredResponse stale) {
    exchange.startBlocking();
    RequestState state = RequestState.of(exchange);
    if (!destinationAllowed(exchange, state.target)) {
      return;
    }
    boolean head = exchange.getRequestMethod().equals(Methods.HEAD);
    if (stale != null && !head && !request.contains("Range")) {
      revalidate(exchange, request, stale);
      return;
    }
    if (head || request.contains("Range") || cc.has("no-store")) {
      passThrough(exchange, request, null);
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
    if (destinationAllowed(exchange, state.target)) {
      collapsed(exchange, request, state.selection.key(state.key), stale,
          decided -> decided.accept(Distilling.serve(exchange, context, this, request, stale)));
    }
  }

  /**
   * Sends a GET for the full response, conditional on {@code stale}'s validators at the origin when
   * not null; null after replying with an error.
   */
  OriginResponse sendFull(HttpServerExchange exchange, Fields request, StoredResponse stale) {
    return send(exchange, "GET", request, true, null, stale);
  }

  void relayAndStore(HttpServerExchange exchange, Fields request, OriginResponse r) {
    relayAndStore(exchange, request, r, stored -> { });
  }

  /**
   * Any other method: forwarded with its body, never stored; a success invalidates the URL. The
   * body streams to the origin as the client sends it (bounded memory); one that turns out over
   * {@code proxy.max-request-body} while streaming gets 413 and the origin request is dropped.
   */
  void forward(HttpServerExchange exchange) {
    exchange.startBlocking();
    RequestState state = RequestState.of(exchange);
    if (!destinationAllowed(exchange, state.target)) {
      return;
    }
    String method = exchange.getRequestMethod().toString();
    Fields request = Messages.request(exchange);
    long declared = exchange.getRequestContentLength();
    boolean hasBody = declared > 0 || exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING);
    RequestBody body = hasBody || !method.equals("OPTIONS") && !method.equals("DELETE") && !method.equals("TRACE")
        ? new RequestBody(hasBody ? declared : 0, null, timeoutMillis()) : null;
    state.hierarchy = "HIER_DIRECT/" + state.target.host();
    long sent = System.nanoTime();
    CompletableFuture<OriginResponse> pending = context.origin.sendStreaming(method, uri(state.target),
        Messages.toOrigin(exchange, request, context.nodeId, false), body);
    if (body != null) {
      String failure = pump(exchange, body);
      if (failure != null) {
        body.abort();
        pending.cancel(true);
        pending.thenAccept(OriginResponse::close);
        boolean tooBig = failure.startsWith("request body over");
        Replies.error(exchange, context.nodeId, tooBig ? 413 : 400, failure, true);
        return;
      }
    }
    OriginResponse response;
    try {
      response = pending.get(timeoutMillis(), TimeUnit.MILLISECONDS);
      context.metrics.originLatency(System.nanoTime() - sent);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      pending.cancel(true);
      OriginFailure failure = OriginFailure.of(e, state.target.authority());
      Replies.error(exchange, context.nodeId, failure.status, failure.reason, false);
      return;
    }
    if (!SAFE.contains(method) && response.status() < 400) {
      invalidateAfterUnsafe(state.target, response.headers());
    }
    Relay.relay(exchange, context, response, Messages.endToEnd(response.headers()), "MISS", -1,
        () -> { }, b -> { });
  }

  /** Copies the client's body into {@code body}; null when it all went, else why not. */
  private String pump(HttpServerExchange exchange, RequestBody body) {
    byte[] buffer = new byte[16 * 1024];
    long total = 0;
    try {
      if (HttpContinue.requiresContinueResponse(exchange)) {
        HttpContinue.sendContinueResponseBlocking(exchange);
      }
      InputStream in = exchange.getInputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        total += n;
        if (total > context.maxRequestBody) {
          return "request body over the limit of " + context.maxRequestBody + " bytes";
        }
        if (n > 0 && !body.write(buffer, 0, n)) {
          // the origin answered or failed before taking it all; its response (or error) follows
          drain(in, buffer, total);
          return null;
        }
      }
      body.end();
      return null;
    } catch (IOException e) {
      return "could not read the request body: " + e.getMessage();
    }
  }

  /** Reads and drops the rest of a body the origin did not want, so the connection stays usable. */
  private void drain(InputStream in, byte[] buffer, long total) throws IOException {
    int n;
    while ((n = in.read(buffer)) >= 0 && total <= context.maxRequestBody) {
      total += n;
    }
  }

  /** SWR: revalidates with no client waiting; updates or replaces the stored response. */
  void revalidateInBackground(TargetUrl target, String key, Fields request, StoredResponse stale) {
    Collapser.Ticket ticket = context.collapser.join(key);
    if (!ticket.leader()) {
      return;
    }
    boolean stored = false;
    try {
      if (context.destinations.refusal(target.host()) != null && !isReverseOrigin(target)) {
        return;
      }
      Fields headers = conditional(request, stale);
      OriginResponse r = context.origin.send("GET", uri(target), headers, null).get(timeoutMillis(), TimeUnit.MILLISECONDS);
      try (r) {
        if (r.status() == 304) {
          refresh(stale, r);
          stored = true;
        } else if (r.status() < 500) {
          Fields fields = Messages.endToEnd(r.headers());
          if (context.policy.notStorableReason(request, r.status(), fields) == null
              && (r.contentLength() < 0 || r.contentLength() <= context.maxObjectSize)) {
            byte[] body = r.body().readNBytes((int) Math.min(context.maxObjectSize + 1, Integer.MAX_VALUE - 8));
            if (body.length <= context.maxObjectSize) {
              store(key, request, r, fields, body, null);
              stored = true;
            }
          }
        }
      }
    } catch (Exception e) {
      LOG.log(Level.FINE, "background revalidation of " + target + " failed", e);
    } finally {
      ticket.complete(stored);
    }
  }

  /** Revalidates {@code stale} for a client, collapsed on its key. */
  private void revalidate(HttpServerExchange exchange, Fields request, StoredResponse stale) {
    collapsed(exchange, request, RequestState.of(exchange).key, stale,
        decided -> revalidate(exchange, request, stale, decided));
  }

  /**
   * Runs {@code work} as the one request for {@code key} that goes to the origin; {@code work} tells
   * its argument whether it stored a response under {@code key}. A request that finds one in flight
   * (the handler normally waits before dispatching) waits for it and is served what it stored when
   * fresh, or runs {@code work} itself.
   */
  private void collapsed(HttpServerExchange exchange, Fields request, String key, StoredResponse stale,
      java.util.function.Consumer<java.util.function.Consumer<Boolean>> work) {
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

  private void revalidate(HttpServerExchange exchange, Fields request, StoredResponse stale,
      java.util.function.Consumer<Boolean> decided) {
    RequestState state = RequestState.of(exchange);
    state.hierarchy = "HIER_DIRECT/" + state.target.host();
    Fields headers = conditional(request, stale);
    OriginResponse r;
    try {
      long sent = System.nanoTime();
      r = context.origin.send("GET", uri(state.target), headers, null).get(timeoutMillis(), TimeUnit.MILLISECONDS);
      context.metrics.originLatency(System.nanoTime() - sent);
    } catch (Exception e) {
      decided.accept(false);
      OriginFailure failure = OriginFailure.of(e, state.target.authority());
      if (staleIfError(stale, Messages.requestCacheControl(request))) {
        StoredReplies.serve(exchange, context, stale, "STALE", System.currentTimeMillis());
        return;
      }
      int status = mustRevalidate(stale) ? 504 : failure.status;
      Replies.error(exchange, context.nodeId, status, failure.reason, false);
      return;
    }
    if (r.status() == 304) {
      r.close();
      StoredResponse fresh = refresh(stale, r);
      decided.accept(true);
      StoredReplies.serve(exchange, context, fresh, "REVALIDATED", System.currentTimeMillis());
      return;
    }
    if (r.status() >= 500 && staleIfError(stale, Messages.requestCacheControl(request))) {
      r.close();
      decided.accept(false);
      StoredReplies.serve(exchange, context, stale, "STALE", System.currentTimeMillis());
      return;
    }
    relayAndStore(exchange, request, r, decided);
  }

  /** {@code stale} updated from the origin's 304 (RFC 9111 §4.3.4) and stored: fresh again, same body. */
  StoredResponse refresh(StoredResponse stale, OriginResponse notModified) {
    Fields updated = stale.headers().updatedWith(Messages.endToEnd(notModified.headers()),
        stale.original() == null ? NOT_UPDATED : NOT_UPDATED_DISTILLED);
    long lifetime = context.policy.freshnessLifetime(stale.status(), updated, notModified.responseTime());
    return context.cache.refresh(stale, updated, notModified.requestTime(), notModified.responseTime(), lifetime);
  }

  private static boolean staleIfError(StoredResponse stale, CacheControl request) {
    if (mustRevalidate(stale) || stale.cacheControl().has("no-cache")) {
      return false;
    }
    long staleness = stale.currentAge(System.currentTimeMillis()) - stale.freshnessLifetime();
    long allowed = Math.max(stale.cacheControl().seconds("stale-if-error", -1),
        request.seconds("stale-if-error", -1));
    return allowed >= 0 && staleness <= allowed * 1000;
  }

  private static boolean mustRevalidate(StoredResponse stored) {
    CacheControl cc = stored.cacheControl();
    return cc.has("must-revalidate") || cc.has("proxy-revalidate") || cc.has("s-maxage");
  }

  private Fields conditional(Fields request, StoredResponse stale) {
    Fields.Builder b = Fields.builder();
    request.forEach((n, v) -> {
      String lower = n.toLowerCase(java.util.Locale.ROOT);
      if (!lower.startsWith("if-") && !lower.equals("range") && !lower.equals("host")
          && !lower.equals("content-length") && !lower.equals("transfer-encoding")
          && !lower.equals("connection") && !lower.equals("keep-alive") && !lower.startsWith("proxy-")
          && !lower.equals("te") && !lower.equals("upgrade") && !lower.equals("expect")) {
        b.add(n, v);
      }
    });
    return withValidators(b, stale);
  }

  /** {@code b} with the conditionals that ask the origin whether {@code stale} is still current. */
  private static Fields withValidators(Fields.Builder b, StoredResponse stale) {
    if (stale.originEtag() != null) {
      b.add("If-None-Match", stale.originEtag());
    }
    if (stale.originLastModified() != null) {
      b.add("If-Modified-Since", stale.originLastModified());
    }
    return b.build();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new java.util.HashSet<>(a);
    u.addAll(b);
    return Set.copyOf(u);
  }

  /** Fetches the full response, relays it and stores it when allowed; reports whether it was stored. */
  private void fetchAndStore(HttpServerExchange exchange, Fields request, java.util.function.Consumer<Boolean> decided) {
    OriginResponse r = send(exchange, "GET", request, true, null, null);
    if (r == null) {
      decided.accept(false);
      return;
    }
    relayAndStore(exchange, request, r, decided);
  }

  private void relayAndStore(HttpServerExchange exchange, Fields request, OriginResponse r,
      java.util.function.Consumer<Boolean> decided) {
    RequestState state = RequestState.of(exchange);
    Fields fields = Messages.endToEnd(r.headers());
    String why = context.policy.notStorableReason(request, r.status(), fields);
    if (why != null) {
      decided.accept(false);
    }
    Relay.relay(exchange, context, r, fields, "MISS", why == null ? context.maxObjectSize : -1,
        () -> decided.accept(false), body -> {
          store(state.key, request, r, fields, body, null);
          decided.accept(true);
        });
    decided.accept(false);
  }

  /** Stores a response; {@code original}: the original's validators for a distilled variant, else null. */
  void store(String key, Fields request, OriginResponse r, Fields fields, byte[] body, Fields original) {
    long lifetime = context.policy.freshnessLifetime(r.status(), fields, r.responseTime());
    context.cache.put(key, request, r.status(), fields, body, r.requestTime(), r.responseTime(), lifetime, original);
  }

  private void passThrough(HttpServerExchange exchange, Fields request, byte[] body) {
    OriginResponse r = send(exchange, exchange.getRequestMethod().toString(), request, false, body, null);
    if (r != null) {
      Relay.relay(exchange, context, r, Messages.endToEnd(r.headers()), "MISS", -1, () -> { }, b -> { });
    }
  }

  /**
   * Sends to the origin and waits for the response head, conditional on {@code stale}'s validators
   * when not null; null after replying with an error.
   */
  private OriginResponse send(HttpServerExchange exchange, String method, Fields request,
      boolean fullResponse, byte[] body, StoredResponse stale) {
    RequestState state = RequestState.of(exchange);
    state.hierarchy = "HIER_DIRECT/" + state.target.host();
    Fields headers = Messages.toOrigin(exchange, request, context.nodeId, fullResponse);
    if (stale != null) {
      Fields.Builder b = Fields.builder();
      headers.forEach(b::add);
      headers = withValidators(b, stale);
    }
    long sent = System.nanoTime();
    try {
      OriginResponse r = context.origin.send(method, uri(state.target), headers, body)
          .get(timeoutMillis(), TimeUnit.MILLISECONDS);
      context.metrics.originLatency(System.nanoTime() - sent);
      return r;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      OriginFailure failure = OriginFailure.of(e, state.target.authority());
      Replies.error(exchange, context.nodeId, failure.status, failure.reason, false);
      return null;
    }
  }

  private boolean destinationAllowed(HttpServerExchange exchange, TargetUrl target) {
    if (isReverseOrigin(target)) {
      return true;
    }
    try {
      String why = context.destinations.refusal(target.host());
      if (why != null) {
        Replies.error(exchange, context.nodeId, 403, why, false);
        return false;
      }
      return true;
    } catch (UnknownHostException e) {
      Replies.error(exchange, context.nodeId, 502, "origin " + target.authority()
          + " unreachable: unknown host", false);
      return false;
    }
  }

  private boolean isReverseOrigin(TargetUrl target) {
    return !context.reverseOrigin.isEmpty()
        && context.reverseOrigin.equals(target.scheme() + "://" + target.authority());
  }

  private void invalidateAfterUnsafe(TargetUrl target, Fields response) {
    context.cache.invalidate(context.normalizer.keyString(target));
    for (String name : new String[] {"Location", "Content-Location"}) {
      String v = response.get(name);
      if (v == null) {
        continue;
      }
      try {
        URI resolved = URI.create(target.toString()).resolve(v.strip());
        TargetUrl other = context.normalizer.parse(resolved.toString());
        if (other.authority().equals(target.authority()) && other.scheme().equals(target.scheme())) {
          context.cache.invalidate(context.normalizer.keyString(other));
        }
      } catch (IllegalArgumentException e) {
        // a Location we cannot parse invalidates nothing more
      }
    }
  }

  private long timeoutMillis() {
    return context.connectTimeout.toMillis() * 2 + context.responseTimeout().toMillis() + 1000;
  }

  static URI uri(TargetUrl target) {
    return URI.create(target.scheme() + "://" + target.authority()
        + UrlNormalizer.normalizePercent(target.pathAndQuery()));
  }
}
