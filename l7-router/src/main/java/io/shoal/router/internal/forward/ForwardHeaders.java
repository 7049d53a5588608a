package io.shoal.router.internal.forward;

import io.shoal.router.Peer;
import io.shoal.router.Route;
import io.shoal.router.Router;
import io.undertow.client.ClientRequest;
import io.undertow.client.ClientResponse;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.util.Set;
import org.xnio.IoUtils;

/**
 * What a forward changes in the messages it passes on: the request to the peer (the client's
 * headers but hop-by-hop ones, in origin form, with {@code Host}, {@code Via}, the hop header and
 * the scheme header), the response head to the client (the peer's but hop-by-hop ones, with
 * {@code Via}), and the 502 when a peer fails after part of the request went to it.
 */
final class ForwardHeaders {
  private static final HttpString HOP = HttpString.tryFromString(Router.HOP_HEADER);
  private static final HttpString SCHEME = HttpString.tryFromString(Router.SCHEME_HEADER);
  private static final Set<HttpString> HOP_BY_HOP = Set.of(Headers.CONNECTION, Headers.KEEP_ALIVE,
      HttpString.tryFromString("Proxy-Connection"), Headers.TRANSFER_ENCODING, Headers.TE, Headers.TRAILER,
      Headers.UPGRADE, Headers.CONTENT_LENGTH, Headers.HOST, HOP, SCHEME);

  private ForwardHeaders() {}

  /** The request to the peer for {@code exchange}'s request along {@code route}. */
  static ClientRequest request(HttpServerExchange exchange, Route.Forward route, Router router, boolean hasBody) {
    ClientRequest request = new ClientRequest()
        .setMethod(exchange.getRequestMethod())
        .setPath(route.target().pathAndQuery());
    HeaderMap headers = request.getRequestHeaders();
    for (HeaderValues values : exchange.getRequestHeaders()) {
      if (!HOP_BY_HOP.contains(values.getHeaderName())) {
        headers.addAll(values.getHeaderName(), values);
      }
    }
    headers.put(Headers.HOST, route.target().authority());
    via(headers, router.selfId());
    headers.put(HOP, router.hopHeaderValue());
    // The request goes in origin form: the owner rebuilds the URL from Host and this.
    headers.put(SCHEME, route.target().scheme());
    if (hasBody) {
      long length = exchange.getRequestContentLength();
      if (length >= 0) {
        headers.put(Headers.CONTENT_LENGTH, length);
      } else {
        headers.put(Headers.TRANSFER_ENCODING, Headers.CHUNKED.toString());
      }
    }
    return request;
  }

  /**
   * The head of the request to the peer for {@code exchange}'s bodyless request along
   * {@code route}, as bytes (ISO-8859-1, as Undertow reads and writes fields): the same fields as
   * {@link #request}, for a pipelined connection that writes heads itself.
   */
  static byte[] requestHead(HttpServerExchange exchange, Route.Forward route, Router router) {
    StringBuilder b = new StringBuilder(256);
    b.append(exchange.getRequestMethod()).append(' ').append(route.target().pathAndQuery()).append(" HTTP/1.1\r\n");
    for (HeaderValues values : exchange.getRequestHeaders()) {
      HttpString name = values.getHeaderName();
      if (!HOP_BY_HOP.contains(name)) {
        for (String v : values) {
          b.append(name).append(": ").append(v).append("\r\n");
        }
      }
    }
    b.append("Host: ").append(route.target().authority()).append("\r\n")
        .append("Via: 1.1 ").append(router.selfId()).append("\r\n")
        .append(Router.HOP_HEADER).append(": ").append(router.hopHeaderValue()).append("\r\n")
        .append(Router.SCHEME_HEADER).append(": ").append(route.target().scheme()).append("\r\n\r\n");
    return b.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** Puts the status and fields of a peer's response head read from a pipelined connection on the client's response, as {@link #copyHead}. */
  static void copyHead(int status, java.util.List<String> names, java.util.List<String> values, HttpServerExchange exchange,
      String self) {
    exchange.setStatusCode(status);
    HeaderMap out = exchange.getResponseHeaders();
    for (int i = 0; i < names.size(); i++) {
      HttpString name = HttpString.tryFromString(names.get(i));
      if (!HOP_BY_HOP.contains(name) || name.equals(Headers.CONTENT_LENGTH)) {
        out.add(name, values.get(i));
      }
    }
    via(out, self);
  }

  /** Puts the peer's status and headers (but hop-by-hop ones; its length stays) on the client's response. */
  static void copyHead(ClientResponse head, HttpServerExchange exchange, String self) {
    exchange.setStatusCode(head.getResponseCode());
    for (HeaderValues values : head.getResponseHeaders()) {
      HttpString name = values.getHeaderName();
      if (!HOP_BY_HOP.contains(name) || name.equals(Headers.CONTENT_LENGTH)) {
        exchange.getResponseHeaders().addAll(name, values);
      }
    }
    via(exchange.getResponseHeaders(), self);
  }

  /** Appends this node to the message's {@code Via} (RFC 9110 7.6.3): the owner and the client see the hop. */
  private static void via(HeaderMap headers, String self) {
    headers.add(Headers.VIA, "1.1 " + self);
  }

  /** Answers 502 for {@code peer}'s failure, or cuts the connection when the response has started. */
  static void badGateway(HttpServerExchange exchange, Peer peer, Throwable e) {
    if (exchange.isResponseStarted()) {
      IoUtils.safeClose(exchange.getConnection());
      return;
    }
    // The connection stays open: Undertow then reads the rest of the client's body before it
    // sends the reply. Closing it with body bytes unread would reset the connection, and a reset
    // can destroy the 502 before the client reads it.
    exchange.setStatusCode(502);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
    exchange.getResponseSender().send("peer " + peer.id() + " failed after part of the request body was sent: "
        + e.getMessage() + "\n");
  }
}
