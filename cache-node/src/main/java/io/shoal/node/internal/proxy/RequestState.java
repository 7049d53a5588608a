package io.shoal.node.internal.proxy;

import io.shoal.router.TargetUrl;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;

/** What the handlers learn about one request, for the ones after them, metrics and the access log. */
public final class RequestState {
  static final AttachmentKey<RequestState> KEY = AttachmentKey.create(RequestState.class);

  final long startNanos = System.nanoTime();
  final long startMillis = System.currentTimeMillis();
  TargetUrl target;
  String key;
  /** The X-Cache word: HIT, MISS, REVALIDATED, STALE. */
  String cacheResult = "MISS";
  /** Squid result code, e.g. TCP_HIT, TCP_MISS, TCP_DENIED. */
  String squidCode = "TCP_MISS";
  /** Squid hierarchy code and peer, e.g. HIER_DIRECT/example.org or HIER_NONE/-. */
  String hierarchy = "HIER_NONE/-";
  /** The distiller's choice for this request; none when it distills nothing. */
  io.shoal.distiller.Selection selection = io.shoal.distiller.Selection.none();
  /** Whether the request already waited for another request's fetch of its key (it waits once). */
  boolean waited;
  /** Why the request was refused, for the log; null when it was not. */
  String refusal;

  /** The state of {@code exchange}, created on first use. */
  public static RequestState of(HttpServerExchange exchange) {
    RequestState s = exchange.getAttachment(KEY);
    if (s == null) {
      s = new RequestState();
      exchange.putAttachment(KEY, s);
    }
    return s;
  }

  /** The request's URL, once the target handler parsed it; else null. */
  public TargetUrl target() {
    return target;
  }

  /** The normalized key of {@link #target()}, or null. */
  public String key() {
    return key;
  }

  /** The state of {@code exchange}, or null when no handler created one. */
  public static RequestState peek(HttpServerExchange exchange) {
    return exchange.getAttachment(KEY);
  }

  public String cacheResult() {
    return cacheResult;
  }

  public String squidCode() {
    return squidCode;
  }

  public String hierarchy() {
    return hierarchy;
  }

  public String refusal() {
    return refusal;
  }

  public long startMillis() {
    return startMillis;
  }

  public long elapsedMillis() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** The URL for the log: the target when known. */
  public String url(HttpServerExchange exchange) {
    if (target != null) {
      return target.toString();
    }
    String q = exchange.getQueryString();
    return exchange.getRequestURI() + (q == null || q.isEmpty() ? "" : "?" + q);
  }
}
