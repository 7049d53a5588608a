package io.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reverse proxy, CONNECT tunnels and streaming, against a small Undertow origin. */
class ProxyModesTest {
  static Undertow origin;
  static int originPort;
  static final AtomicInteger BIG_REQUESTS = new AtomicInteger();
  static final CountDownLatch FIRST_CHUNK_SEEN = new CountDownLatch(1);
  static final long BIG = 64L * 1024 * 1024;

  @BeforeAll
  static void startOrigin() {
    origin = Undertow.builder().addHttpListener(0, "127.0.0.1", exchange -> {
      String path = exchange.getRequestPath();
      if (exchange.isInIoThread()) {
        exchange.dispatch(() -> {
          try {
            serve(exchange, path);
          } catch (Exception e) {
            org.xnio.IoUtils.safeClose(exchange.getConnection());
          }
        });
      }
    }).build();
    origin.start();
    originPort = ((InetSocketAddress) origin.getListenerInfo().get(0).getAddress()).getPort();
  }

  static void serve(io.undertow.server.HttpServerExchange exchange, String path) throws Exception {
    exchange.startBlocking();
    OutputStream out = exchange.getOutputStream();
    switch (path) {
      case "/stream" -> {
        // first chunk, then wait until the client has it: a proxy that buffers whole bodies never delivers it
        out.write("first-chunk\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        boolean seen = FIRST_CHUNK_SEEN.await(30, TimeUnit.SECONDS);
        out.write((seen ? "rest\n" : "timeout\n").getBytes(StandardCharsets.UTF_8));
      }
      case "/big" -> {
        BIG_REQUESTS.incrementAndGet();
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "max-age=600");
        exchange.setResponseContentLength(BIG);
        byte[] block = new byte[64 * 1024];
        for (int i = 0; i < block.length; i++) {
          block[i] = (byte) i;
        }
        for (long sent = 0; sent < BIG; sent += block.length) {
          out.write(block);
        }
      }
      default -> {
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "max-age=600");
        out.write(("origin saw " + exchange.getRequestURI() + " host " + exchange.getRequestHeaders().getFirst(Headers.HOST))
            .getBytes(StandardCharsets.UTF_8));
      }
    }
    out.close();
  }

  @AfterAll
  static void stopOrigin() {
    origin.stop();
  }

  @Test
  void reverseProxyServesOriginFormRequestsFromTheConfiguredOrigin() throws Exception {
    try (CacheNode node = TestNodes.start("proxy.reverse-origin", "http://127.0.0.1:" + originPort,
        "proxy.allowed-destinations", "")) {
      RawHttp.Response r = RawHttp.exchange(node.proxyAddress(), "GET /page?x=1 HTTP/1.1\r\nHost: www.example\r\n\r\n");
      assertThat(r.status).isEqualTo(200);
      assertThat(r.body()).isEqualTo("origin saw /page host 127.0.0.1:" + originPort);
      RawHttp.Response again = RawHttp.exchange(node.proxyAddress(), "GET /page?x=1 HTTP/1.1\r\nHost: www.example\r\n\r\n");
      assertThat(again.header("X-Cache")).startsWith("HIT");
    }
  }

  @Test
  void bodiesStreamBeforeTheOriginHasFinished() throws Exception {
    try (CacheNode node = TestNodes.start()) {
      try (RawHttp c = new RawHttp(node.proxyAddress())) {
        c.send("GET http://127.0.0.1:" + originPort + "/stream HTTP/1.1\r\nHost: x\r\n\r\n");
        InputStream in = c.input();
        StringBuilder seen = new StringBuilder();
        while (!seen.toString().contains("first-chunk")) {
          int b = in.read();
          assertThat(b).as("stream ended before the first chunk").isNotNegative();
          seen.append((char) b);
        }
        FIRST_CHUNK_SEEN.countDown();
        while (!seen.toString().contains("rest") && !seen.toString().contains("timeout")) {
          int b = in.read();
          assertThat(b).as("stream ended early").isNotNegative();
          seen.append((char) b);
        }
        assertThat(seen.toString()).contains("rest");
      }
    }
  }

  @Test
  void objectsOverTheMaximumSizePassThroughUnstoredAndIntact() throws Exception {
    try (CacheNode node = TestNodes.start("cache.max-object-size", "1MB")) {
      for (int round = 0; round < 2; round++) {
        try (RawHttp c = new RawHttp(node.proxyAddress())) {
          c.send("GET http://127.0.0.1:" + originPort + "/big HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
          InputStream in = c.input();
          StringBuilder head = new StringBuilder();
          while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.read());
          }
          assertThat(head.toString()).startsWith("HTTP/1.1 200").contains("Content-Length: " + BIG);
          byte[] buffer = new byte[64 * 1024];
          long total = 0;
          boolean intact = true;
          int n;
          while ((n = in.read(buffer)) > 0) {
            for (int i = 0; i < n; i++) {
              intact &= buffer[i] == (byte) ((total + i) % (64 * 1024));
            }
            total += n;
          }
          assertThat(total).isEqualTo(BIG);
          assertThat(intact).isTrue();
        }
      }
      assertThat(BIG_REQUESTS.get()).isEqualTo(2);
    }
  }

  @Test
  void connectTunnelsBytesBothWays() throws Exception {
    try (ServerSocket echo = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> {
        try (Socket s = echo.accept()) {
          InputStream in = s.getInputStream();
          OutputStream out = s.getOutputStream();
          byte[] b = new byte[1024];
          int n;
          while ((n = in.read(b)) > 0) {
            out.write(("echo:" + new String(b, 0, n, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
          }
        } catch (Exception e) {
          // test ends
        }
      });
      t.setDaemon(true);
      t.start();
      try (CacheNode node = TestNodes.start("proxy.connect-ports", String.valueOf(echo.getLocalPort()));
          RawHttp c = new RawHttp(node.proxyAddress())) {
        c.send("CONNECT 127.0.0.1:" + echo.getLocalPort() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        RawHttp.Response r = c.read(true);
        assertThat(r.status).isEqualTo(200);
        c.send("hello");
        byte[] got = c.input().readNBytes("echo:hello".length());
        assertThat(new String(got, StandardCharsets.ISO_8859_1)).isEqualTo("echo:hello");
      }
    }
  }

  @Test
  void connectToAnUnreachableTargetGets502() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    try (CacheNode node = TestNodes.start("proxy.connect-ports", String.valueOf(closed))) {
      RawHttp.Response r = RawHttp.exchange(node.proxyAddress(), "CONNECT 127.0.0.1:" + closed + " HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(r.status).isEqualTo(502);
    }
  }
}
