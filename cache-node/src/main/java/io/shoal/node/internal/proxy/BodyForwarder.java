package io.shoal.node.internal.proxy;

import io.shoal.node.internal.http.Fields;
import io.shoal.node.internal.origin.OriginResponse;
import io.shoal.node.internal.origin.RequestBody;
import io.shoal.router.TargetUrl;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpContinue;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Every method but GET and HEAD, on a worker thread: forwarded to the origin with its body, never
 * stored; a success of an unsafe method invalidates the URL (RFC 9111 §4.4). The body streams to
 * the origin as the client sends it (bounded memory); one that turns out over
 * {@code proxy.max-request-body} while streaming gets 413 and the origin request is dropped.
 */
final class BodyForwarder {
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final ProxyContext context;
  private final OriginCalls calls;

  BodyForwarder(ProxyContext context, OriginCalls calls) {
    this.context = context;
    this.calls = calls;
  }

  void forward(HttpServerExchange exchange) {
    exchange.startBlocking();
    RequestState state = RequestState.of(exchange);
    if (!calls.destinationAllowed(exchange, state.target)) {
      return;
    }
    String method = exchange.getRequestMethod().toString();
    Fields request = Messages.request(exchange);
    long declared = exchange.getRequestContentLength();
    boolean hasBody = declared > 0 || exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING);
    RequestBody body = hasBody || !method.equals("OPTIONS") && !method.equals("DELETE") && !method.equals("TRACE")
        ? new RequestBody(hasBody ? declared : 0, null, calls.timeoutMillis()) : null;
    state.hierarchy = "HIER_DIRECT/" + state.target.host();
    long sent = System.nanoTime();
    CompletableFuture<OriginResponse> pending = context.origin.sendStreaming(method, OriginCalls.uri(state.target),
        Messages.toOrigin(exchange, request, context.nodeId, false), body);
    if (body != null) {
      String failure = pump(exchange, body);
      if (failure != null) {
        body.abort();
        pending.cancel(true);
        pending.thenAccept(OriginResponse::close);
        boolean tooBig = failure.startsWith("request body over");
        Replies.error(exchange, context.nodeId, tooBig ? 413 : 400, failure, true);
        return;
      }
    }
    OriginResponse response;
    try {
      response = calls.await(pending, sent);
    } catch (Exception e) {
      pending.cancel(true);
      calls.replyFailure(exchange, state.target, e);
      return;
    }
    if (!SAFE.contains(method) && response.status() < 400) {
      invalidateAfterUnsafe(state.target, response.headers());
    }
    Relay.relay(exchange, context, response, Messages.endToEnd(response.headers()), "MISS", -1,
        () -> { }, b -> { });
  }

  /** Copies the client's body into {@code body}; null when it all went, else why not. */
  private String pump(HttpServerExchange exchange, RequestBody body) {
    byte[] buffer = new byte[16 * 1024];
    long total = 0;
    try {
      if (HttpContinue.requiresContinueResponse(exchange)) {
        HttpContinue.sendContinueResponseBlocking(exchange);
      }
      InputStream in = exchange.getInputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        total += n;
        if (total > context.maxRequestBody) {
          return "request body over the limit of " + context.maxRequestBody + " bytes";
        }
        if (n > 0 && !body.write(buffer, 0, n)) {
          // the origin answered or failed before taking it all; its response (or error) follows
          drain(in, buffer, total);
          return null;
        }
      }
      body.end();
      return null;
    } catch (IOException e) {
      return "could not read the request body: " + e.getMessage();
    }
  }

  /** Reads and drops the rest of a body the origin did not want, so the connection stays usable. */
  private void drain(InputStream in, byte[] buffer, long total) throws IOException {
    int n;
    while ((n = in.read(buffer)) >= 0 && total <= context.maxRequestBody) {
      total += n;
    }
  }

  private void invalidateAfterUnsafe(TargetUrl target, Fields response) {
    context.cache.invalidate(context.normalizer.keyString(target));
    for (String name : new String[] {"Location", "Content-Location"}) {
      String v = response.get(name);
      if (v == null) {
        continue;
      }
      try {
        URI resolved = URI.create(target.toString()).resolve(v.strip());
        TargetUrl other = context.normalizer.parse(resolved.toString());
        if (other.authority().equals(target.authority()) && other.scheme().equals(target.scheme())) {
          context.cache.invalidate(context.normalizer.keyString(other));
        }
      } catch (IllegalArgumentException e) {
        // a Location we cannot parse invalidates nothing more
      }
    }
  }
}
