package io.shoal.node.internal.proxy;

import io.shoal.node.internal.log.AccessLog;
import io.shoal.router.RouteInfo;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.util.Locale;

/** The first handler: counts every request in the metrics and writes its access log line when it completes. */
final class ObserveHandler implements HttpHandler {
  private final HttpHandler next;
  private final ProxyMetrics metrics;
  private final AccessLog log;

  ObserveHandler(HttpHandler next, ProxyMetrics metrics, AccessLog log) {
    this.next = next;
    this.metrics = metrics;
    this.log = log;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    RequestState state = RequestState.of(exchange);
    metrics.started();
    exchange.addExchangeCompleteListener((done, nextListener) -> {
      try {
        routed(done, state);
        metrics.finished(state.cacheResult, done.getStatusCode());
        if (log.enabled()) {
          log.log(line(done, state));
        }
      } finally {
        nextListener.proceed();
      }
    });
    next.handleRequest(exchange);
  }

  /**
   * In a cluster: the hierarchy field says where the request was served ({@code LOCAL/<host>} or
   * {@code FORWARD/<peer>}), and a forwarded request counts with the owner's X-Cache result.
   */
  static void routed(HttpServerExchange exchange, RequestState state) {
    RouteInfo info = RouteInfo.of(exchange);
    if (info == null) {
      return;
    }
    if (info.local()) {
      if (info.hierarchy().equals("LOCAL")) {
        int slash = state.hierarchy.indexOf('/');
        state.hierarchy = "LOCAL" + (slash < 0 ? "/-" : state.hierarchy.substring(slash));
      }
      return;
    }
    state.hierarchy = info.hierarchy();
    String xcache = exchange.getResponseHeaders().getFirst(Replies.X_CACHE);
    String result = xcache == null ? "MISS" : firstWord(xcache);
    state.cacheResult = result;
    state.squidCode = "TCP_" + result;
  }

  /** The first word of {@code s} stripped, as {@code s.strip().split("\\s+")[0]} without a regex. */
  static String firstWord(String s) {
    String t = s.strip();
    int end = 0;
    while (end < t.length() && !space(t.charAt(end))) {
      end++;
    }
    return t.substring(0, end);
  }

  /** Whether {@code c} is in the regex class {@code \\s}. */
  static boolean space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /** Squid's native format: time elapsed client code/status bytes method URL user hierarchy/peer type. */
  static String line(HttpServerExchange exchange, RequestState state) {
    InetSocketAddress source = exchange.getSourceAddress();
    String client = source == null ? "-" : source.getAddress().getHostAddress();
    String type = exchange.getResponseHeaders().getFirst(Headers.CONTENT_TYPE);
    String code = state.squidCode;
    if (exchange.getStatusCode() >= 400 && code.equals("TCP_HIT")) {
      code = "TCP_MISS";
    }
    return String.format(Locale.ROOT, "%d.%03d %6d %s %s/%03d %d %s %s - %s %s",
        state.startMillis / 1000, state.startMillis % 1000, state.elapsedMillis(), client, code,
        exchange.getStatusCode(), exchange.getResponseBytesSent(), exchange.getRequestMethod(),
        state.url(exchange), state.hierarchy, type == null ? "-" : type.split(";")[0].strip());
  }
}
