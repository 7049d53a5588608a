package io.shoal.node.internal.proxy;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * The local handler of a switch (a node without a cache): reached only when no cache node could
 * take the request, so it answers 503 with the reason.
 */
final class NoOwnerHandler implements HttpHandler {
  private final ProxyContext context;

  NoOwnerHandler(ProxyContext context) {
    this.context = context;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    Replies.error(exchange, context.nodeId, 503,
        "no cache node of the cluster answered (this node is a switch: it routes and relays only)", false);
  }
}
