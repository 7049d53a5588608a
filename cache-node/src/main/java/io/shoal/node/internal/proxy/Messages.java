package io.shoal.node.internal.proxy;

import io.shoal.node.internal.http.CacheControl;
import io.shoal.node.internal.http.Fields;
import io.shoal.node.internal.http.HopByHop;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Header plumbing between Undertow, the cache and the origin client. */
final class Messages {
  private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length",
      "transfer-encoding", "expect", "via", "x-forwarded-for");
  private static final Set<String> CONDITIONALS = Set.of("if-none-match", "if-modified-since",
      "if-match", "if-unmodified-since", "if-range", "range");
  private static final Set<String> NOT_RELAYED = Set.of("content-length", "via", "x-cache");

  private Messages() {}

  /** The request's header fields as received. */
  static Fields request(HttpServerExchange exchange) {
    Fields.Builder b = Fields.builder();
    for (HeaderValues values : exchange.getRequestHeaders()) {
      String name = values.getHeaderName().toString();
      for (String v : values) {
        b.add(name, v);
      }
    }
    return b.build();
  }

  /** The request's cache directives; {@code Pragma: no-cache} counts when there is no Cache-Control. */
  static CacheControl requestCacheControl(Fields request) {
    List<String> cc = request.getAll("Cache-Control");
    if (cc.isEmpty()) {
      for (String p : request.getAll("Pragma")) {
        if (p.toLowerCase(Locale.ROOT).contains("no-cache")) {
          return CacheControl.parse(List.of("no-cache"));
        }
      }
    }
    return CacheControl.parse(cc);
  }

  /**
   * The fields to send to the origin: end-to-end fields of the request, {@code Via} and
   * {@code X-Forwarded-For} extended; without the client's conditionals and {@code Range} when
   * {@code fullResponse} (the cache wants the whole representation).
   */
  static Fields toOrigin(HttpServerExchange exchange, Fields request, String nodeId, boolean fullResponse) {
    Set<String> hop = HopByHop.names(request.getAll("Connection"));
    Fields.Builder b = Fields.builder();
    request.forEach((name, value) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (HopByHop.isHopByHop(lower, hop) || NOT_FORWARDED.contains(lower)
          || (fullResponse && CONDITIONALS.contains(lower))) {
        return;
      }
      b.add(name, value);
    });
    b.add("Via", join(request.getAll("Via"), protocol(exchange) + " " + nodeId));
    String client = exchange.getSourceAddress().getAddress().getHostAddress();
    b.add("X-Forwarded-For", join(request.getAll("X-Forwarded-For"), client));
    return b.build();
  }

  /** The end-to-end fields of an origin response, as stored and relayed. */
  static Fields endToEnd(Fields response) {
    Set<String> hop = HopByHop.names(response.getAll("Connection"));
    Fields.Builder b = Fields.builder();
    response.forEach((name, value) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!HopByHop.isHopByHop(lower, hop) && !NOT_RELAYED.contains(lower)) {
        b.add(name, value);
      }
    });
    return b.build();
  }

  /**
   * Sets the response head: {@code fields} (end-to-end only), {@code Age} when {@code ageSeconds}
   * is not negative, {@code Via} and {@code X-Cache}.
   */
  static void head(HttpServerExchange exchange, int status, Fields fields, long ageSeconds,
      String nodeId, String cacheResult) {
    exchange.setStatusCode(status);
    HeaderMap out = exchange.getResponseHeaders();
    fields.forEach((name, value) -> {
      if (ageSeconds < 0 || !name.equalsIgnoreCase("Age")) {
        out.add(HttpString.tryFromString(name), value);
      }
    });
    if (ageSeconds >= 0) {
      out.put(io.undertow.util.Headers.AGE, Long.toString(ageSeconds));
    }
    out.put(Replies.VIA, join(fields.getAll("Via"), "1.1 " + nodeId));
    out.put(Replies.X_CACHE, cacheResult + " from " + nodeId);
    RequestState.of(exchange).cacheResult = cacheResult;
  }

  private static String protocol(HttpServerExchange exchange) {
    String p = exchange.getProtocol().toString();
    return p.startsWith("HTTP/") ? p.substring(5) : p;
  }

  private static String join(List<String> existing, String added) {
    return existing.isEmpty() ? added : String.join(", ", existing) + ", " + added;
  }
}
