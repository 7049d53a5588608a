package io.shoal.node.internal.proxy;

import io.shoal.node.internal.cache.Collapser;
import io.shoal.node.internal.cache.StoredResponse;
import io.shoal.node.internal.http.CacheControl;
import io.shoal.node.internal.http.Fields;
import io.shoal.node.internal.origin.OriginResponse;
import io.shoal.router.TargetUrl;
import io.undertow.server.HttpServerExchange;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Asking the origin whether a stale stored response is still current (RFC 9111 §4.3): the
 * conditional request with the stored validators, the 304 that refreshes it (§4.3.4),
 * {@code stale-if-error} and {@code must-revalidate}, for a client or, for
 * {@code stale-while-revalidate}, in the background.
 */
final class Revalidation {
  private static final Logger LOG = Logger.getLogger(Revalidation.class.getName());
  private static final Set<String> NOT_UPDATED = Set.of("content-length", "content-encoding",
      "transfer-encoding", "content-range");
  /** A distilled variant keeps its own type, encoding and entity tag too when a 304 refreshes it. */
  private static final Set<String> NOT_UPDATED_DISTILLED = union(NOT_UPDATED, Distilling.NOT_KEPT);

  private final ProxyContext context;
  private final OriginCalls calls;

  Revalidation(ProxyContext context, OriginCalls calls) {
    this.context = context;
    this.calls = calls;
  }

  /**
   * Revalidates {@code stale} for a client. Answers a 304 (refreshed), an origin failure and a 5xx
   * itself, the last two with {@code stale} where {@code stale-if-error} allows, and returns null;
   * else returns the origin's new response, to be relayed and stored. {@code decided} hears of what
   * it stored or did not.
   */
  OriginResponse forClient(HttpServerExchange exchange, Fields request, StoredResponse stale,
      Consumer<Boolean> decided) {
    RequestState state = RequestState.of(exchange);
    state.hierarchy = "HIER_DIRECT/" + state.target.host();
    Fields headers = conditional(request, stale);
    OriginResponse r;
    try {
      long sent = System.nanoTime();
      r = calls.await(context.origin.send("GET", OriginCalls.uri(state.target), headers, null), sent);
    } catch (Exception e) {
      decided.accept(false);
      OriginFailure failure = OriginFailure.of(e, state.target.authority());
      if (staleIfError(stale, Messages.requestCacheControl(request))) {
        StoredReplies.serve(exchange, context, stale, "STALE", System.currentTimeMillis());
        return null;
      }
      int status = mustRevalidate(stale) ? 504 : failure.status;
      Replies.error(exchange, context.nodeId, status, failure.reason, false);
      return null;
    }
    if (r.status() == 304) {
      r.close();
      StoredResponse fresh = refresh(context, stale, r);
      decided.accept(true);
      StoredReplies.serve(exchange, context, fresh, "REVALIDATED", System.currentTimeMillis());
      return null;
    }
    if (r.status() >= 500 && staleIfError(stale, Messages.requestCacheControl(request))) {
      r.close();
      decided.accept(false);
      StoredReplies.serve(exchange, context, stale, "STALE", System.currentTimeMillis());
      return null;
    }
    return r;
  }

  /** SWR: revalidates with no client waiting; updates or replaces the stored response. */
  void inBackground(TargetUrl target, String key, Fields request, StoredResponse stale) {
    Collapser.Ticket ticket = context.collapser.join(key);
    if (!ticket.leader()) {
      return;
    }
    boolean stored = false;
    try {
      if (context.destinations.refusal(target.host()) != null && !calls.isReverseOrigin(target)) {
        return;
      }
      Fields headers = conditional(request, stale);
      OriginResponse r = context.origin.send("GET", OriginCalls.uri(target), headers, null)
          .get(calls.timeoutMillis(), TimeUnit.MILLISECONDS);
      try (r) {
        if (r.status() == 304) {
          refresh(context, stale, r);
          stored = true;
        } else if (r.status() < 500) {
          Fields fields = Messages.endToEnd(r.headers());
          if (context.policy.notStorableReason(request, r.status(), fields) == null
              && (r.contentLength() < 0 || r.contentLength() <= context.maxObjectSize)) {
            byte[] body = r.body().readNBytes((int) Math.min(context.maxObjectSize + 1, Integer.MAX_VALUE - 8));
            if (body.length <= context.maxObjectSize) {
              context.store(key, request, r, fields, body, null);
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

  /** {@code stale} updated from the origin's 304 (RFC 9111 §4.3.4) and stored: fresh again, same body. */
  static StoredResponse refresh(ProxyContext context, StoredResponse stale, OriginResponse notModified) {
    Fields updated = stale.headers().updatedWith(Messages.endToEnd(notModified.headers()),
        stale.original() == null ? NOT_UPDATED : NOT_UPDATED_DISTILLED);
    long lifetime = context.policy.freshnessLifetime(stale.status(), updated, notModified.responseTime());
    return context.cache.refresh(stale, updated, notModified.requestTime(), notModified.responseTime(), lifetime);
  }

  /** {@code b} with the conditionals that ask the origin whether {@code stale} is still current. */
  static Fields withValidators(Fields.Builder b, StoredResponse stale) {
    if (stale.originEtag() != null) {
      b.add("If-None-Match", stale.originEtag());
    }
    if (stale.originLastModified() != null) {
      b.add("If-Modified-Since", stale.originLastModified());
    }
    return b.build();
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

  private static Fields conditional(Fields request, StoredResponse stale) {
    Fields.Builder b = Fields.builder();
    request.forEach((n, v) -> {
      String lower = n.toLowerCase(Locale.ROOT);
      if (!lower.startsWith("if-") && !lower.equals("range") && !lower.equals("host")
          && !lower.equals("content-length") && !lower.equals("transfer-encoding")
          && !lower.equals("connection") && !lower.equals("keep-alive") && !lower.startsWith("proxy-")
          && !lower.equals("te") && !lower.equals("upgrade") && !lower.equals("expect")) {
        b.add(n, v);
      }
    });
    return withValidators(b, stale);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new HashSet<>(a);
    u.addAll(b);
    return Set.copyOf(u);
  }
}
