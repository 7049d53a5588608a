package io.shoal.node.internal.proxy;

import io.shoal.node.internal.origin.CachingDnsResolver;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import io.undertow.util.Transfer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.xnio.ChannelListeners;
import org.xnio.IoFuture;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.StreamConnection;
import org.xnio.channels.StreamSinkChannel;

/**
 * {@code CONNECT host:port} tunnels (never cached): only to allowed ports (else 403) and allowed
 * destinations (else 403); the target is connected before the client gets 200, so an unreachable
 * one gets 502. Bytes then flow both ways until either side closes.
 */
final class ConnectHandler implements HttpHandler {
  private final HttpHandler next;
  private final ProxyContext context;
  private final CachingDnsResolver dns;
  private final List<Integer> ports;

  ConnectHandler(HttpHandler next, ProxyContext context, CachingDnsResolver dns, List<Integer> ports) {
    this.next = next;
    this.context = context;
    this.dns = dns;
    this.ports = ports;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (!exchange.getRequestMethod().equals(Methods.CONNECT)) {
      next.handleRequest(exchange);
      return;
    }
    if (exchange.isInIoThread()) {
      exchange.dispatch(this);
      return;
    }
    RequestState state = RequestState.of(exchange);
    state.squidCode = "TCP_TUNNEL";
    String target = exchange.getRequestURI();
    int colon = target.lastIndexOf(':');
    String host = colon > 0 ? target.substring(0, colon) : "";
    String portText = colon > 0 ? target.substring(colon + 1) : "";
    if (host.isEmpty() || host.contains("/") || !portText.matches("[0-9]{1,5}")) {
      Replies.error(exchange, context.nodeId, 400, "CONNECT target \"" + target
          + "\" (expected: host:port)", true);
      return;
    }
    int port = Integer.parseInt(portText);
    if (!ports.contains(port)) {
      Replies.error(exchange, context.nodeId, 403, "CONNECT to port " + port
          + " is not allowed (proxy.connect-ports: " + ports + ")", false);
      return;
    }
    state.hierarchy = "HIER_DIRECT/" + host;
    InetAddress address;
    try {
      String why = context.destinations.refusal(host);
      if (why != null) {
        Replies.error(exchange, context.nodeId, 403, why, false);
        return;
      }
      address = dns.resolve(host)[0];
    } catch (UnknownHostException e) {
      Replies.error(exchange, context.nodeId, 502, "CONNECT target " + host + " unreachable: unknown host", false);
      return;
    }
    IoFuture<StreamConnection> connecting = exchange.getConnection().getWorker()
        .openStreamConnection(new InetSocketAddress(address, port), null, OptionMap.EMPTY);
    IoFuture.Status status = connecting.await(context.connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
    if (status != IoFuture.Status.DONE) {
      connecting.cancel();
      String why = status == IoFuture.Status.WAITING ? "connect timed out" : describe(connecting);
      Replies.error(exchange, context.nodeId, 502, "CONNECT target " + target + " unreachable: " + why, false);
      return;
    }
    StreamConnection upstream = connecting.get();
    exchange.acceptConnectRequest((downstream, ignored) -> {
      pipe(downstream, upstream, exchange);
      pipe(upstream, downstream, exchange);
    });
    exchange.setStatusCode(200);
    exchange.getResponseHeaders().put(Replies.X_CACHE, "MISS from " + context.nodeId);
    exchange.getResponseHeaders().put(Replies.VIA, "1.1 " + context.nodeId);
    exchange.endExchange();
  }

  private static void pipe(StreamConnection from, StreamConnection to, HttpServerExchange exchange) {
    Transfer.initiateTransfer(from.getSourceChannel(), to.getSinkChannel(),
        source -> {
          IoUtils.safeClose(source);
        },
        ChannelListeners.<StreamSinkChannel>writeShutdownChannelListener(
            ChannelListeners.flushingChannelListener(ChannelListeners.closingChannelListener(),
                ChannelListeners.closingChannelExceptionHandler()),
            ChannelListeners.closingChannelExceptionHandler()),
        (channel, e) -> {
          IoUtils.safeClose(from);
          IoUtils.safeClose(to);
        },
        (channel, e) -> {
          IoUtils.safeClose(from);
          IoUtils.safeClose(to);
        },
        exchange.getConnection().getByteBufferPool());
  }

  private static String describe(IoFuture<StreamConnection> f) {
    try {
      f.get();
      return "cancelled";
    } catch (IOException e) {
      return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
  }
}
