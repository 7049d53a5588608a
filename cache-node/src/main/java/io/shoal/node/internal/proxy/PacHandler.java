package io.shoal.node.internal.proxy;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.util.function.Supplier;

/**
 * {@code GET /proxy.pac} (origin form) on the proxy port of a cluster node: the proxy
 * auto-config file from the live view, so browsers configured with {@code http://node:3128/proxy.pac}
 * send each URL straight to its owner. Everything else passes on.
 */
final class PacHandler implements HttpHandler {
  static final String CONTENT_TYPE = "application/x-ns-proxy-autoconfig";
  private final HttpHandler next;
  private final Supplier<String> pac;

  PacHandler(HttpHandler next, Supplier<String> pac) {
    this.next = next;
    this.pac = pac;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (!exchange.isHostIncludedInRequestURI() && exchange.getRequestURI().equals("/proxy.pac")
        && (exchange.getRequestMethod().equals(Methods.GET) || exchange.getRequestMethod().equals(Methods.HEAD))) {
      RequestState.of(exchange).squidCode = "TCP_MEM_HIT";
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, CONTENT_TYPE);
      exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
      exchange.getResponseSender().send(pac.get());
      return;
    }
    next.handleRequest(exchange);
  }
}
