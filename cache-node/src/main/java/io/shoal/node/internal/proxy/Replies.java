package io.shoal.node.internal.proxy;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.StatusCodes;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/** Error replies: status, a one-line plain-text body saying why, Via and X-Cache. */
final class Replies {
  private static final Logger LOG = Logger.getLogger("io.shoal.node.refused");
  static final HttpString X_CACHE = HttpString.tryFromString("X-Cache");
  static final HttpString VIA = HttpString.tryFromString("Via");

  private Replies() {}

  /**
   * Replies {@code status} with {@code reason}; logs the refusal once. {@code close} also closes
   * the connection after the reply (needed when the rest of the request cannot be trusted).
   */
  static void error(HttpServerExchange exchange, String nodeId, int status, String reason, boolean close) {
    RequestState state = RequestState.of(exchange);
    state.refusal = reason;
    if (state.squidCode.equals("TCP_MISS") && status == 403) {
      state.squidCode = "TCP_DENIED";
    }
    LOG.info(() -> "refused " + exchange.getSourceAddress() + " " + exchange.getRequestMethod() + " "
        + state.url(exchange) + ": " + status + " " + reason);
    if (exchange.isResponseStarted()) {
      org.xnio.IoUtils.safeClose(exchange.getConnection());
      return;
    }
    byte[] body = (status + " " + StatusCodes.getReason(status) + ": " + reason + "\n")
        .getBytes(StandardCharsets.UTF_8);
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().clear();
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
    exchange.getResponseHeaders().put(X_CACHE, "MISS from " + nodeId);
    exchange.getResponseHeaders().put(VIA, "1.1 " + nodeId);
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    if (close) {
      exchange.setPersistent(false);
      exchange.getResponseHeaders().put(Headers.CONNECTION, "close");
    }
    exchange.setResponseContentLength(body.length);
    exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(body));
  }
}
