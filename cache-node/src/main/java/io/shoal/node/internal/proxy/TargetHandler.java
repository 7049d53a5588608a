package io.shoal.node.internal.proxy;

import io.shoal.router.InvalidUrlException;
import io.shoal.router.TargetUrl;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * Finds the URL a request is for: the absolute-form target of a forward-proxy request, or the
 * origin-form target on the configured reverse origin. A target that is not a valid
 * {@code http}/{@code https} URL gets 400 with the reason.
 */
final class TargetHandler implements HttpHandler {
  private final HttpHandler next;
  private static final io.undertow.util.HttpString SCHEME =
      io.undertow.util.HttpString.tryFromString(io.shoal.router.Router.SCHEME_HEADER);
  private final ProxyContext context;
  private final java.util.function.Predicate<HttpServerExchange> fromPeer;
  /** The reverse origin, parsed on first use (by any I/O thread: the same value every time). */
  private TargetUrl reverseOrigin;

  TargetHandler(HttpHandler next, ProxyContext context) {
    this(next, context, exchange -> false);
  }

  /** {@code fromPeer}: whether a request was forwarded by a cluster peer (it comes in origin form). */
  TargetHandler(HttpHandler next, ProxyContext context, java.util.function.Predicate<HttpServerExchange> fromPeer) {
    this.next = next;
    this.context = context;
    this.fromPeer = fromPeer;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String query = exchange.getQueryString();
    String raw = exchange.getRequestURI() + (query.isEmpty() ? "" : "?" + query);
    TargetUrl target;
    try {
      if (exchange.isHostIncludedInRequestURI() || (!raw.startsWith("/") && raw.contains("://"))) {
        target = context.normalizer.parse(raw);
      } else if (!context.reverseOrigin.isEmpty()) {
        TargetUrl origin = reverseOrigin;
        if (origin == null) {
          origin = context.normalizer.parse(context.reverseOrigin);
          reverseOrigin = origin;
        }
        target = context.normalizer.parse(origin.scheme(), origin.authority(), raw);
      } else if (exchange.getRequestHeaders().contains(io.undertow.util.Headers.HOST) && fromPeer.test(exchange)) {
        String scheme = "https".equals(exchange.getRequestHeaders().getFirst(SCHEME)) ? "https" : "http";
        target = context.normalizer.parse(scheme, exchange.getRequestHeaders().getFirst(io.undertow.util.Headers.HOST), raw);
      } else {
        Replies.error(exchange, context.nodeId, 400, "origin-form target \"" + shorten(raw)
            + "\" but this node has no proxy.reverse-origin (expected: an absolute URL such as http://host/path)",
            false);
        return;
      }
    } catch (InvalidUrlException e) {
      Replies.error(exchange, context.nodeId, 400, e.getMessage(), false);
      return;
    }
    RequestState state = RequestState.of(exchange);
    state.target = target;
    state.key = context.normalizer.keyString(target);
    next.handleRequest(exchange);
  }

  private static String shorten(String s) {
    return s.length() > 100 ? s.substring(0, 100) + "..." : s;
  }
}
