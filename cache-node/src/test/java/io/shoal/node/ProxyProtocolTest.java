package io.shoal.node;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.shoal.proxyprotocol.ProxyHeader;
import io.shoal.proxyprotocol.ProxyProtocolV2;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node side of PROXY protocol v2 ({@code proxy.proxy-protocol}), over raw sockets from chosen
 * loopback addresses: the header's client is the one the access list and the access log see; only
 * the trusted sources may send one; a connection without one is plain HTTP; a bad header closes
 * the connection and the node keeps serving. (Through the real L4 front: src-test.)
 */
class ProxyProtocolTest {
  static WireMockServer origin;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    origin = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    origin.start();
    origin.stubFor(any(urlPathMatching("/p.*")).willReturn(aResponse().withHeader("Cache-Control", "max-age=60")
        .withBody("proxied")));
  }

  @AfterAll
  static void stop() {
    origin.stop();
  }

  private static CacheNode node() {
    return TestNodes.start("proxy.proxy-protocol", "true", "proxy.proxy-protocol-from", "127.0.0.1/32",
        "proxy.client-acl", "127.0.0.5/32", "log.access-file", dir.resolve("access.log").toString());
  }

  @Test
  void theHeadersClientIsTheClientAndOnlyTrustedSourcesMaySendOne() throws Exception {
    try (CacheNode node = node()) {
      String get = "GET http://127.0.0.1:" + origin.port() + "/p1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
      // The front (127.0.0.1, trusted) connects for client 127.0.0.5 (in the ACL): served.
      String ok = exchange("127.0.0.1", node, header("127.0.0.5", node), get, false);
      assertThat(ok).startsWith("HTTP/1.1 200").endsWith("proxied");
      // ... for client 127.0.0.6 (not in the ACL): refused by the ACL, naming the real client.
      String denied = exchange("127.0.0.1", node, header("127.0.0.6", node), get, false);
      assertThat(denied).startsWith("HTTP/1.1 403").contains("client 127.0.0.6 is not in proxy.client-acl");
      // The header split over two writes still counts.
      assertThat(exchange("127.0.0.1", node, header("127.0.0.5", node), get, true)).startsWith("HTTP/1.1 200");
      // A direct client without a header is plain HTTP (and 127.0.0.5 is allowed).
      assertThat(exchange("127.0.0.5", node, new byte[0], get, false)).startsWith("HTTP/1.1 200");
      // A header from an untrusted source (127.0.0.5 is not the front): closed, nothing answered.
      assertThat(exchange("127.0.0.5", node, header("127.0.0.5", node), get, false)).isEmpty();
      // A broken header (version 3): closed.
      byte[] broken = header("127.0.0.5", node);
      broken[12] = 0x31;
      assertThat(exchange("127.0.0.1", node, broken, get, false)).isEmpty();
      // Still serving.
      assertThat(exchange("127.0.0.1", node, header("127.0.0.5", node), get, false)).startsWith("HTTP/1.1 200");
    }
    String log = Files.readString(dir.resolve("access.log"));
    assertThat(log).contains(" 127.0.0.5 TCP_").contains(" 127.0.0.6 TCP_DENIED/403 ").doesNotContain(" 127.0.0.1 TCP_");
  }

  private static byte[] header(String client, CacheNode node) throws IOException {
    return ProxyProtocolV2.encode(ProxyHeader.proxy(new InetSocketAddress(InetAddress.getByName(client), 40000),
        node.proxyAddress()));
  }

  /** Connects from {@code from}, sends the header then the request; everything read until close. */
  private static String exchange(String from, CacheNode node, byte[] header, String request, boolean split)
      throws IOException {
    try (Socket s = new Socket()) {
      s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
      s.connect(node.proxyAddress(), 5_000);
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      if (split && header.length > 10) {
        out.write(header, 0, 10);
        out.flush();
        sleepBriefly();
        out.write(header, 10, header.length - 10);
      } else {
        out.write(header);
      }
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      try {
        in.transferTo(got);
      } catch (IOException reset) {
        // closed by the node
      }
      return got.toString(StandardCharsets.ISO_8859_1);
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
