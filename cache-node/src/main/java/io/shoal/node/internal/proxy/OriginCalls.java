package io.shoal.node.internal.proxy;

import io.shoal.node.internal.origin.OriginResponse;
import io.shoal.router.TargetUrl;
import io.shoal.router.UrlNormalizer;
import io.undertow.server.HttpServerExchange;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What every request to the origin made for a client shares: the destination check, the URI, the
 * wait for the response head (metered), and the 502 or 504 when the origin fails.
 */
final class OriginCalls {
  private final ProxyContext context;

  OriginCalls(ProxyContext context) {
    this.context = context;
  }

  /** Whether the request may go to {@code target}; when not, the client has had its 403 or 502. */
  boolean destinationAllowed(HttpServerExchange exchange, TargetUrl target) {
    if (isReverseOrigin(target)) {
      return true;
    }
    try {
      String why = context.destinations.refusal(target.host());
      if (why != null) {
        Replies.error(exchange, context.nodeId, 403, why, false);
        return false;
      }
      return true;
    } catch (UnknownHostException e) {
      Replies.error(exchange, context.nodeId, 502, "origin " + target.authority()
          + " unreachable: unknown host", false);
      return false;
    }
  }

  /** Whether {@code target} is on {@code proxy.reverse-origin}, which every destination check lets through. */
  boolean isReverseOrigin(TargetUrl target) {
    return !context.reverseOrigin.isEmpty()
        && context.reverseOrigin.equals(target.scheme() + "://" + target.authority());
  }

  /** The response head of a request sent at {@code sentNanos}, within the timeout; its latency is metered. */
  OriginResponse await(CompletableFuture<OriginResponse> pending, long sentNanos) throws Exception {
    OriginResponse r = pending.get(timeoutMillis(), TimeUnit.MILLISECONDS);
    context.metrics.originLatency(System.nanoTime() - sentNanos);
    return r;
  }

  /** Replies 502 or 504 to a request whose origin request failed with {@code e}. */
  void replyFailure(HttpServerExchange exchange, TargetUrl target, Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    OriginFailure failure = OriginFailure.of(e, target.authority());
    Replies.error(exchange, context.nodeId, failure.status, failure.reason, false);
  }

  /** How long to wait for a response head: two connects, the response timeout and a second. */
  long timeoutMillis() {
    return context.connectTimeout.toMillis() * 2 + context.responseTimeout().toMillis() + 1000;
  }

  static URI uri(TargetUrl target) {
    return URI.create(target.scheme() + "://" + target.authority()
        + UrlNormalizer.normalizePercent(target.pathAndQuery()));
  }
}
