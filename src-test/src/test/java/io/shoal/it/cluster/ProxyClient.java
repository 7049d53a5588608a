package io.shoal.it.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A client that uses one node as its HTTP proxy (the JDK's HttpClient, absolute-form requests). */
final class ProxyClient {
  private final HttpClient http;

  /** What a client got: status, X-Cache and body. */
  record Reply(int status, String xcache, byte[] body) {
    /** The node named in {@code X-Cache: ... from <node>}. */
    String from() {
      int i = xcache == null ? -1 : xcache.indexOf(" from ");
      return i < 0 ? null : xcache.substring(i + 6).strip();
    }
  }

  ProxyClient(NodeProc node) {
    this.http = HttpClient.newBuilder()
        .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", node.proxyPort)))
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  Reply get(String url, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Reply(r.statusCode(), r.headers().firstValue("X-Cache").orElse(null), r.body());
  }
}
