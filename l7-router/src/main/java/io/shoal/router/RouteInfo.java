package io.shoal.router;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;

/**
 * What {@link RouterHandler} did with a request, attached to the exchange for access logs and
 * metrics: the route, and the hierarchy field ({@code LOCAL} or {@code FORWARD/<peer id>}).
 */
public record RouteInfo(Route route, String hierarchy, Peer peer) {
  /** The exchange attachment. */
  public static final AttachmentKey<RouteInfo> KEY = AttachmentKey.create(RouteInfo.class);

  /** The route info of {@code exchange}, or null when the router did not see it. */
  public static RouteInfo of(HttpServerExchange exchange) {
    return exchange.getAttachment(KEY);
  }

  /** Whether the request was served by this node's local handler. */
  public boolean local() {
    return peer == null;
  }
}
