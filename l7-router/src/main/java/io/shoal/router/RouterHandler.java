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
  private static final HttpString SCHEME = HttpString.tryFromString(Router.SCHEME_HEADER);

  private final Router router;
  private final PeerForwarder forwarder;
  private final HttpHandler next;
  private final boolean nextInIoThread;
  private final Parsed parsed;

  /**
   * What the server already parsed of a request, with the router's normalizer, before this
   * handler: the router then neither parses the target nor normalizes the key again.
   */
  public interface Parsed {
    /** The request's target, or null to let the router parse the request as received. */
    TargetUrl target(HttpServerExchange exchange);

    /** The normalized key of {@link #target} ({@link UrlNormalizer#keyString}). */
    String key(HttpServerExchange exchange);

    /** Nothing is parsed before the router. */
    Parsed NONE = new Parsed() {
      @Override
      public TargetUrl target(HttpServerExchange exchange) {
        return null;
      }

      @Override
      public String key(HttpServerExchange exchange) {
        return null;
      }
    };
  }

  /** Routes each request; {@code next} runs on a worker thread and may block. */
  public RouterHandler(Router router, PeerForwarder forwarder, HttpHandler next) {
    this(router, forwarder, next, false);
  }

  /**
   * Routes each request. Routing and forwarding run on the I/O thread (forwarding never blocks).
   * With {@code nextInIoThread}, {@code next} runs there too (as any Undertow handler: it must
   * dispatch before it blocks), so a request served here costs no thread hand-off; otherwise
   * {@code next} is dispatched to a worker thread.
   */
  public RouterHandler(Router router, PeerForwarder forwarder, HttpHandler next, boolean nextInIoThread) {
    this(router, forwarder, next, nextInIoThread, Parsed.NONE);
  }

  /** As above, with what the server already {@code parsed} of each request before this handler. */
  public RouterHandler(Router router, PeerForwarder forwarder, HttpHandler next, boolean nextInIoThread,
      Parsed parsed) {
    this.router = Objects.requireNonNull(router, "router");
    this.forwarder = Objects.requireNonNull(forwarder, "forwarder");
    this.next = Objects.requireNonNull(next, "next");
    this.nextInIoThread = nextInIoThread;
    this.parsed = Objects.requireNonNull(parsed, "parsed");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    router.requestStarted();
    exchange.addExchangeCompleteListener((ex, nextListener) -> {
      router.requestFinished();
      nextListener.proceed();
    });
    RequestHeaders headers = name -> exchange.getRequestHeaders().getFirst(name);
    TargetUrl target = parsed.target(exchange);
    Route route = target != null ? router.route(target, parsed.key(exchange), headers)
        : router.route(exchange.getRequestMethod().toString(), target(exchange), headers);
    exchange.getRequestHeaders().remove(HOP);
    exchange.getRequestHeaders().remove(SCHEME);
    if (route instanceof Route.Reject reject) {
      exchange.putAttachment(RouteInfo.KEY, new RouteInfo(route, "NONE", null));
      exchange.setStatusCode(reject.status());
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
      exchange.getResponseSender().send(reject.reason() + "\n");
      return;
    }
    if (route instanceof Route.Forward forward) {
      exchange.putAttachment(RouteInfo.KEY, new RouteInfo(route, "FORWARD/" + forward.owner().id(), forward.owner()));
      forwarder.forward(exchange, forward, router, result -> forwarded(exchange, forward, result));
      return;
    }
    exchange.putAttachment(RouteInfo.KEY, new RouteInfo(route, "LOCAL", null));
    if (nextInIoThread || !exchange.isInIoThread()) {
      next.handleRequest(exchange);
    } else {
      exchange.dispatch(next);
    }
  }

  private void forwarded(HttpServerExchange exchange, Route.Forward forward, PeerForwarder.Result result) {
    if (result.outcome() == PeerForwarder.Outcome.NO_PEER) {
      exchange.putAttachment(RouteInfo.KEY, new RouteInfo(forward, "LOCAL", null));
      if (nextInIoThread) {
        exchange.dispatch(exchange.getIoThread(), next);
      } else {
        exchange.dispatch(next);
      }
      return;
    }
    Peer peer = result.peer();
    exchange.putAttachment(RouteInfo.KEY, new RouteInfo(forward, peer == null ? "NONE" : "FORWARD/" + peer.id(), peer));
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
