package io.shoal.node.internal.proxy;

import io.shoal.node.Cidr;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;

/**
 * Refuses requests that must not reach the proxy logic: clients outside the access list (403; a
 * request forwarded by a cluster peer — from a member's address, with a valid hop token — passes),
 * header sections over the limit (431), ambiguous message framing that could smuggle requests
 * (400), bodies declared over the limit (413) and requests that already passed this node (508).
 */
final class GuardHandler implements HttpHandler {
  private final HttpHandler next;
  private final String nodeId;
  private final List<Cidr> clients;
  private final java.util.function.Predicate<HttpServerExchange> peers;
  private final long maxHeaderBytes;
  private final long maxBody;

  GuardHandler(HttpHandler next, String nodeId, List<Cidr> clients,
      java.util.function.Predicate<HttpServerExchange> peers, long maxHeaderBytes, long maxBody) {
    this.next = next;
    this.nodeId = nodeId;
    this.clients = clients;
    this.peers = peers;
    this.maxHeaderBytes = maxHeaderBytes;
    this.maxBody = maxBody;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String why = clientRefusal(exchange);
    if (why != null) {
      Replies.error(exchange, nodeId, 403, why, true);
      return;
    }
    long headerBytes = exchange.getRequestMethod().length() + exchange.getRequestURI().length()
        + exchange.getQueryString().length() + 12;
    HttpString folded = null;
    for (HeaderValues values : exchange.getRequestHeaders()) {
      for (String v : values) {
        headerBytes += values.getHeaderName().length() + v.length() + 4;
        if (folded == null && (v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0)) {
          folded = values.getHeaderName();
        }
      }
    }
    if (headerBytes > maxHeaderBytes) {
      Replies.error(exchange, nodeId, 431, "request header section of " + headerBytes
          + " bytes is over the limit of " + maxHeaderBytes, true);
      return;
    }
    why = framingRefusal(exchange);
    if (why == null && folded != null) {
      why = "line folding (obs-fold) in header " + folded;
    }
    if (why != null) {
      Replies.error(exchange, nodeId, 400, why, true);
      return;
    }
    String length = exchange.getRequestHeaders().getFirst(Headers.CONTENT_LENGTH);
    if (length != null && Long.parseLong(length.strip()) > maxBody) {
      Replies.error(exchange, nodeId, 413, "request body of " + length.strip()
          + " bytes is over the limit of " + maxBody, true);
      return;
    }
    HeaderValues vias = exchange.getRequestHeaders().get(Headers.VIA);
    for (String via : vias == null ? List.<String>of() : vias) {
      if (namesThisNode(via)) {
        Replies.error(exchange, nodeId, 508, "request loops: Via already names " + nodeId, false);
        return;
      }
    }
    next.handleRequest(exchange);
  }

  /** Whether an entry of the {@code Via} value (protocol, received-by, comment) is received by this node. */
  private boolean namesThisNode(String via) {
    if (!via.contains(nodeId)) {
      return false;
    }
    for (String hop : via.split(",")) {
      String h = hop.strip();
      int space = 0;
      while (space < h.length() && !ObserveHandler.space(h.charAt(space))) {
        space++;
      }
      int start = space;
      while (start < h.length() && ObserveHandler.space(h.charAt(start))) {
        start++;
      }
      int end = start;
      while (end < h.length() && !ObserveHandler.space(h.charAt(end))) {
        end++;
      }
      if (start > space && end - start == nodeId.length() && h.startsWith(nodeId, start)) {
        return true;
      }
    }
    return false;
  }

  private String clientRefusal(HttpServerExchange exchange) {
    InetSocketAddress source = exchange.getSourceAddress();
    InetAddress address = source == null ? null : source.getAddress();
    if (address == null) {
      return "client address unknown";
    }
    for (Cidr c : clients) {
      if (c.contains(address)) {
        return null;
      }
    }
    if (peers.test(exchange)) {
      return null;
    }
    return "client " + address.getHostAddress() + " is not in proxy.client-acl";
  }

  /** What is wrong with the request's framing headers (obs-fold is found with the header size), or null. */
  private static String framingRefusal(HttpServerExchange exchange) {
    HeaderValues lengths = exchange.getRequestHeaders().get(Headers.CONTENT_LENGTH);
    HeaderValues encodings = exchange.getRequestHeaders().get(Headers.TRANSFER_ENCODING);
    if (lengths != null && encodings != null) {
      return "both Content-Length and Transfer-Encoding (request smuggling risk)";
    }
    if (lengths != null) {
      String first = null;
      for (String v : lengths) {
        for (String part : v.split(",", -1)) {
          String p = part.strip();
          if (p.isEmpty() || p.length() > 18 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "bad Content-Length \"" + v + "\" (expected: digits)";
          }
          if (first != null) {
            return "more than one Content-Length";
          }
          first = p;
        }
      }
    }
    if (encodings != null) {
      String all = String.join(",", encodings).toLowerCase(Locale.ROOT).replace(" ", "");
      if (!all.equals("chunked")) {
        return "Transfer-Encoding \"" + String.join(",", encodings) + "\" (expected: chunked)";
      }
    }
    return null;
  }
}
