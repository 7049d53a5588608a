package io.shoal.node.internal.proxy;

import io.shoal.distiller.Result;
import io.shoal.distiller.Selection;
import io.shoal.distiller.Variants;
import io.shoal.node.internal.cache.StoredResponse;
import io.shoal.node.internal.http.Fields;
import io.shoal.node.internal.origin.OriginResponse;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The miss path of a request whose profile distills (see {@code distiller/README.md}, "The
 * contract for the node"): a distilled variant is made from the stored original when that is
 * fresh, else from a full origin 200 buffered up to {@code cache.max-object-size}; it is stored
 * under its own key ({@link Selection#key}) with its own {@code ETag} and the original's validators
 * kept aside, the original beside it when {@code distill.store-original}. A stale variant is
 * revalidated with the original's validators: a 304 makes it fresh again without distilling.
 * Whatever the distiller answers, the request is served. {@link Fetcher#fetchDistilled} collapses
 * concurrent requests for one variant into one call of {@link #serve}.
 */
final class Distilling {
  /** The original's fields a distilled variant does not carry (it has its own). */
  static final Set<String> NOT_KEPT = Set.of("content-type", "content-length", "content-encoding",
      "etag", "content-md5", "digest");

  private Distilling() {}

  /** Adds the {@code Vary} names the distiller's choice depends on for {@code contentType}. */
  static void vary(HttpServerExchange exchange, ProxyContext context, String contentType) {
    if (context.distiller == null || contentType == null) {
      return;
    }
    String alone = context.varyFor(contentType);
    if (alone == null) {
      return;
    }
    HttpString vary = io.undertow.util.Headers.VARY;
    List<String> existing = exchange.getResponseHeaders().get(vary);
    String merged = existing == null || existing.isEmpty() ? alone
        : Variants.addVary(String.join(", ", existing), context.distiller.vary(contentType));
    exchange.getResponseHeaders().put(vary, merged);
  }

  /**
   * Serves a distilling GET on a worker thread (blocking mode): from the fresh stored original,
   * else from the origin, asking whether {@code stale} (the stored variant, or null) is still
   * current. Returns whether a variant was stored under the selection's key.
   */
  static boolean serve(HttpServerExchange exchange, ProxyContext context, Fetcher fetcher, Fields request,
      StoredResponse stale) {
    RequestState state = RequestState.of(exchange);
    long now = System.currentTimeMillis();
    StoredResponse original = context.cache.get(state.key, request);
    if (original != null && CacheHandler.decide(original, Messages.requestCacheControl(request), now)
        == CacheHandler.Decision.HIT) {
      return fromStored(exchange, context, request, original, now);
    }
    OriginResponse r = fetcher.sendFull(exchange, request, stale);
    if (r == null) {
      return false;
    }
    if (r.status() == 304 && stale != null) {
      r.close();
      StoredReplies.serve(exchange, context, Revalidation.refresh(context, stale, r), "REVALIDATED", System.currentTimeMillis());
      return true;
    }
    if (r.status() != 200 || r.contentLength() > context.maxObjectSize) {
      fetcher.relayAndStore(exchange, request, r);
      return false;
    }
    Fields fields = Messages.endToEnd(r.headers());
    byte[] body;
    try (InputStream in = r.body()) {
      body = in.readNBytes((int) Math.min(context.maxObjectSize + 1, Integer.MAX_VALUE - 8));
      if (body.length > context.maxObjectSize) {
        passOn(exchange, context, r, fields, body, in);
        return false;
      }
      if (r.contentLength() >= 0 && body.length != r.contentLength()) {
        org.xnio.IoUtils.safeClose(exchange.getConnection()); // the origin broke off
        return false;
      }
    } catch (IOException e) {
      org.xnio.IoUtils.safeClose(exchange.getConnection());
      return false;
    }
    String notStorable = context.policy.notStorableReason(request, 200, fields);
    Selection selection = state.selection;
    Result result = context.distiller.distill(selection, fields::getAll, body);
    if (notStorable == null && (context.storeOriginal || !result.distilled())) {
      context.store(state.key, request, r, fields, body, null);
    }
    if (!result.distilled()) {
      send(exchange, context, fields, body, "MISS");
      return false;
    }
    Fields variant = variantFields(fields, selection, result);
    if (notStorable == null) {
      context.store(selection.key(state.key), request, r, variant, result.body(), validators(fields));
    }
    send(exchange, context, variant, result.body(), "MISS");
    return notStorable == null;
  }

  /** A variant made from the fresh stored original, or the original when it does not distill. */
  private static boolean fromStored(HttpServerExchange exchange, ProxyContext context, Fields request,
      StoredResponse original, long now) {
    RequestState state = RequestState.of(exchange);
    Result r = original.status() == 200
        ? context.distiller.distill(state.selection, original.headers()::getAll, original.bodyBytes()) : null;
    if (r == null || !r.distilled()) {
      StoredReplies.serve(exchange, context, original, "HIT", now);
      return false;
    }
    StoredResponse variant = context.cache.putVariant(state.selection.key(state.key), request, original,
        variantFields(original.headers(), state.selection, r), r.body(), validators(original.headers()));
    if (!context.storeOriginal) {
      context.cache.invalidate(state.key);
    }
    StoredReplies.serve(exchange, context, variant, "HIT", now);
    return true;
  }

  /** The original's validators, kept with its variant to revalidate with at the origin. */
  private static Fields validators(Fields original) {
    Fields.Builder b = Fields.builder();
    for (String name : new String[] {"ETag", "Last-Modified"}) {
      String v = original.get(name);
      if (v != null) {
        b.add(name, v);
      }
    }
    return b.build();
  }

  /** The original's fields for a distilled body: its type, encoding and entity tag. */
  static Fields variantFields(Fields original, Selection selection, Result result) {
    Fields.Builder b = Fields.builder();
    original.forEach((n, v) -> {
      if (!NOT_KEPT.contains(n.toLowerCase(Locale.ROOT))) {
        b.add(n, v);
      }
    });
    if (result.contentType() != null) {
      b.add("Content-Type", result.contentType());
    }
    if (result.contentEncoding() != null) {
      b.add("Content-Encoding", result.contentEncoding());
    }
    String etag = Variants.etag(original.get("ETag"), selection, result);
    if (etag != null) {
      b.add("ETag", etag);
    }
    return b.build();
  }

  private static void send(HttpServerExchange exchange, ProxyContext context, Fields fields, byte[] body,
      String cacheResult) {
    Messages.head(exchange, 200, fields, -1, context.nodeId, cacheResult);
    vary(exchange, context, fields.get("Content-Type"));
    exchange.setResponseContentLength(body.length);
    exchange.getResponseSender().send(ByteBuffer.wrap(body));
  }

  /** Over the object size (or shorter than declared): what was read, then the rest, unstored. */
  private static void passOn(HttpServerExchange exchange, ProxyContext context, OriginResponse r, Fields fields,
      byte[] prefix, InputStream rest) throws IOException {
    Messages.head(exchange, r.status(), fields, -1, context.nodeId, "MISS");
    vary(exchange, context, fields.get("Content-Type"));
    if (r.contentLength() >= 0) {
      exchange.setResponseContentLength(r.contentLength());
    }
    OutputStream out = exchange.getOutputStream();
    out.write(prefix);
    rest.transferTo(out);
    out.close();
  }
}
