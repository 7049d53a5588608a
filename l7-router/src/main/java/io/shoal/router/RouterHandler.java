package io.shoal.router;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.util.Objects;

/**
 * The Undertow adapter: routes each request and either passes it to the local {@code next}
 * handler or forwards it to the owner and relays the answer (the owner's {@code X-Cache} and
 * other headers pass through). The hop header never reaches {@code next}: a peer's request is
 * marked {@link Route.Why#FROM_PEER}, a client's forged one is dropped. The decision is attached
 * as a {@link RouteInfo}. When every candidate fails before anything was sent, {@code next}
 * serves the request (this node is the next candidate).
 */
public final class RouterHandler implements HttpHandler {
  private static final HttpString HOP = HttpString.tryFromString(Router.HOP_HEADER);

  private final Router router;
  private final PeerForwarder forwarder;
  private final HttpHandler next;

  public RouterHandler(Router router, PeerForwarder forwarder, HttpHandler next) {
    this.router = Objects.requireNonNull(router, "router");
    this.forwarder = Objects.requireNonNull(forwarder, "forwarder");
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (exchange.isInIoThread()) {
      exchange.dispatch(this);
      return;
    }
    router.requestStarted();
    exchange.addExchangeCompleteListener((ex, nextListener) -> {
      router.requestFinished();
      nextListener.proceed();
    });
    Route route = router.route(exchange.getRequestMethod().toString(), target(exchange),
        name -> exchange.getRequestHeaders().getFirst(name));
    exchange.getRequestHeaders().remove(HOP);
    if (route instanceof Route.Reject reject) {
      exchange.putAttachment(RouteInfo.KEY, new RouteInfo(route, "NONE", null));
      exchange.setStatusCode(reject.status());
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
      exchange.getResponseSender().send(reject.reason() + "\n");
      return;
    }
    if (route instanceof Route.Forward forward) {
      exchange.startBlocking();
      PeerForwarder.Result result = forwarder.forward(exchange, forward, router);
      if (result.outcome() == PeerForwarder.Outcome.FORWARDED || result.outcome() == PeerForwarder.Outcome.FAILED) {
        Peer peer = result.peer();
        exchange.putAttachment(RouteInfo.KEY, new RouteInfo(route, peer == null ? "NONE"
            : "FORWARD/" + peer.id(), peer));
        exchange.endExchange();
        return;
      }
    }
    exchange.putAttachment(RouteInfo.KEY, new RouteInfo(route, "LOCAL", null));
    next.handleRequest(exchange);
  }

  /** The request target as received: absolute form with its query, or the origin-form path. */
  static String target(HttpServerExchange exchange) {
    String query = exchange.getQueryString();
    String uri = exchange.getRequestURI();
    if (exchange.isHostIncludedInRequestURI() && !uri.contains("://")) {
      uri = exchange.getRequestScheme() + "://" + exchange.getHostAndPort() + uri;
    }
    return query == null || query.isEmpty() ? uri : uri + "?" + query;
  }
}
