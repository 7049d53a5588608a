package io.shoal.node.internal.proxy;

import io.shoal.node.internal.cache.Ranges;
import io.shoal.node.internal.cache.StoredResponse;
import io.shoal.node.internal.http.Fields;
import io.shoal.node.internal.http.HttpDates;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;

/**
 * Answers a request from a stored response: 304 for a matching client conditional, 206 or 416
 * for a single byte range, the body left out for HEAD, {@code Age} from the §4.2.3 calculation.
 */
final class StoredReplies {
  private StoredReplies() {}

  static void serve(HttpServerExchange exchange, ProxyContext context, StoredResponse stored,
      String cacheResult, long now) {
    serve(exchange, context, Messages.request(exchange), stored, cacheResult, now);
  }

  /** {@link #serve(HttpServerExchange, ProxyContext, StoredResponse, String, long)} with the request's fields at hand. */
  static void serve(HttpServerExchange exchange, ProxyContext context, Fields request, StoredResponse stored,
      String cacheResult, long now) {
    RequestState state = RequestState.of(exchange);
    state.squidCode = switch (cacheResult) {
      case "HIT" -> "TCP_HIT";
      case "REVALIDATED" -> "TCP_REFRESH_UNMODIFIED";
      case "STALE" -> "TCP_STALE_HIT";
      default -> "TCP_MISS";
    };
    long age = stored.currentAge(now) / 1000;
    if (notModified(request, stored)) {
      String type = StoredHeads.write(exchange, 304, stored, false, age, context, cacheResult);
      Distilling.vary(exchange, context, type);
      exchange.endExchange();
      return;
    }
    int size = stored.bodyLength();
    int status = stored.status();
    int offset = 0;
    int length = size;
    String range = request.get("Range");
    String contentRange = null;
    if (range != null && status == 200 && exchange.getRequestMethod().equals(Methods.GET)
        && ifRangeMatches(request.get("If-Range"), stored)) {
      long[] r = Ranges.resolve(range, size);
      if (r == Ranges.UNSATISFIABLE) {
        Messages.head(exchange, 416, Fields.builder().build(), age, context.nodeId, cacheResult);
        exchange.getResponseHeaders().put(Headers.CONTENT_RANGE, "bytes */" + size);
        exchange.setResponseContentLength(0);
        exchange.endExchange();
        return;
      }
      if (r != Ranges.IGNORE) {
        status = 206;
        offset = (int) r[0];
        length = (int) (r[1] - r[0] + 1);
        contentRange = "bytes " + r[0] + "-" + r[1] + "/" + size;
      }
    }
    String type = StoredHeads.write(exchange, status, stored, true, age, context, cacheResult);
    Distilling.vary(exchange, context, type);
    if (contentRange != null) {
      exchange.getResponseHeaders().put(Headers.CONTENT_RANGE, contentRange);
    }
    if (status == 204 || status == 304) {
      exchange.endExchange();
      return;
    }
    exchange.setResponseContentLength(length);
    if (exchange.getRequestMethod().equals(Methods.HEAD)) {
      exchange.endExchange();
      return;
    }
    exchange.getResponseSender().send(stored.body(offset, length));
  }

  private static boolean notModified(Fields request, StoredResponse stored) {
    String inm = request.get("If-None-Match");
    String etag = stored.etag();
    if (inm != null) {
      return etag != null && etagListMatches(inm, etag);
    }
    String ims = request.get("If-Modified-Since");
    if (ims == null || stored.status() != 200) {
      return false;
    }
    long since = HttpDates.parse(ims);
    String lastModified = stored.lastModified();
    long modified = HttpDates.parse(lastModified != null ? lastModified : stored.header("Date"));
    return since >= 0 && modified >= 0 && modified <= since;
  }

  /** Weak comparison (RFC 9110 §13.1.2) of each tag in {@code list} with {@code etag}. */
  static boolean etagListMatches(String list, String etag) {
    if (list.strip().equals("*")) {
      return true;
    }
    String target = opaque(etag);
    for (String tag : list.split(",")) {
      if (opaque(tag).equals(target)) {
        return true;
      }
    }
    return false;
  }

  private static String opaque(String tag) {
    String t = tag.strip();
    return t.startsWith("W/") ? t.substring(2) : t;
  }

  private static boolean ifRangeMatches(String ifRange, StoredResponse stored) {
    if (ifRange == null) {
      return true;
    }
    String v = ifRange.strip();
    if (v.startsWith("\"") || v.startsWith("W/")) {
      String etag = stored.etag();
      return etag != null && !v.startsWith("W/") && !etag.startsWith("W/") && v.equals(etag.strip());
    }
    String lm = stored.lastModified();
    return lm != null && HttpDates.parse(v) >= 0 && HttpDates.parse(v) == HttpDates.parse(lm);
  }
}
