package io.shoal.it.cluster;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP origin on loopback (the JDK's server): {@code GET /<anything>} answers 200 with a
 * 1 KB body derived from the path and {@code Cache-Control: max-age=3600}; counts the requests per
 * path and keeps the header names each request arrived with.
 */
final class Origin implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final List<String> headerNames = new CopyOnWriteArrayList<>();

  Origin() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    server.setExecutor(Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "origin");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      exchange.getRequestHeaders().keySet().forEach(headerNames::add);
      byte[] body = body(path);
      exchange.getResponseHeaders().set("Content-Type", "text/plain");
      exchange.getResponseHeaders().set("Cache-Control", "max-age=3600");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  /** The body served for {@code path}: 1 KB, starting with the path. */
  static byte[] body(String path) {
    StringBuilder b = new StringBuilder(path).append('\n');
    while (b.length() < 1024) {
      b.append((char) ('a' + b.length() % 26));
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  int hits(String path) {
    AtomicInteger n = hits.get(path);
    return n == null ? 0 : n.get();
  }

  /** Header names (as the JDK server capitalizes them) of every request so far. */
  List<String> headerNames() {
    return headerNames;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
