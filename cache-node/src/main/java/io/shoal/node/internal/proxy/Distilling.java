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
 * under its own key ({@link Selection#key}) with its own {@code ETag}, the original beside it
 * when {@code distill.store-original}. Whatever the distiller answers, the request is served.
 */
final class Distilling {
  private static final Set<String> NOT_KEPT = Set.of("content-type", "content-length", "content-encoding",
      "etag", "content-md5", "digest");

  private Distilling() {}

  /** Adds the {@code Vary} names the distiller's choice depends on for {@code contentType}. */
  static void vary(HttpServerExchange exchange, ProxyContext context, String contentType) {
    if (context.distiller == null || contentType == null) {
      return;
    }
    List<String> names = context.distiller.vary(contentType);
    if (names.isEmpty()) {
      return;
    }
    HttpString vary = io.undertow.util.Headers.VARY;
    List<String> existing = exchange.getResponseHeaders().get(vary);
    String merged = Variants.addVary(existing == null || existing.isEmpty() ? null : String.join(", ", existing), names);
    exchange.getResponseHeaders().put(vary, merged);
  }

  /**
   * Serves a distilling GET on a worker thread (blocking mode): from the fresh stored original,
   * else from the origin. Returns false when the request must take the ordinary path instead.
   */
  static boolean serve(HttpServerExchange exchange, ProxyContext context, Fetcher fetcher, Fields request) {
    RequestState state = RequestState.of(exchange);
    Selection selection = state.selection;
    long now = System.currentTimeMillis();
    StoredResponse original = context.cache.get(state.key, request);
    if (original != null && CacheHandler.decide(original, Messages.requestCacheControl(request), now)
        == CacheHandler.Decision.HIT) {
      if (original.status() != 200) {
        StoredReplies.serve(exchange, context, original, "HIT", now);
        return true;
      }
      Result r = context.distiller.distill(selection, original.headers()::getAll, original.body());
      if (!r.distilled()) {
        StoredReplies.serve(exchange, context, original, "HIT", now);
        return true;
      }
      StoredResponse variant = context.cache.put(selection.key(state.key), request, 200,
          variantFields(original.headers(), selection, r), r.body(), original.requestTime(),
          original.responseTime(), original.freshnessLifetime());
      if (!context.storeOriginal) {
        context.cache.invalidate(state.key);
      }
      StoredReplies.serve(exchange, context, variant, "HIT", now);
      return true;
    }
    OriginResponse r = fetcher.sendFull(exchange, request);
    if (r == null) {
      return true;
    }
    if (r.status() != 200 || r.contentLength() > context.maxObjectSize) {
      fetcher.relayAndStore(exchange, request, r);
      return true;
    }
    Fields fields = Messages.endToEnd(r.headers());
    byte[] body;
    try (InputStream in = r.body()) {
      body = in.readNBytes((int) Math.min(context.maxObjectSize + 1, Integer.MAX_VALUE - 8));
      if (body.length > context.maxObjectSize) {
        passOn(exchange, context, r, fields, body, in);
        return true;
      }
      if (r.contentLength() >= 0 && body.length != r.contentLength()) {
        org.xnio.IoUtils.safeClose(exchange.getConnection()); // the origin broke off
        return true;
      }
    } catch (IOException e) {
      org.xnio.IoUtils.safeClose(exchange.getConnection());
      return true;
    }
    String notStorable = context.policy.notStorableReason(request, 200, fields);
    Result result = context.distiller.distill(selection, fields::getAll, body);
    if (notStorable == null && (context.storeOriginal || !result.distilled())) {
      fetcher.store(state.key, request, r, fields, body);
    }
    if (!result.distilled()) {
      send(exchange, context, fields, body, "MISS");
      return true;
    }
    Fields variant = variantFields(fields, selection, result);
    if (notStorable == null) {
      fetcher.store(selection.key(state.key), request, r, variant, result.body());
    }
    send(exchange, context, variant, result.body(), "MISS");
    return true;
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
