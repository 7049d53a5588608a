package io.shoal.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.front.Front;
import io.shoal.front.FrontConfig;
import io.shoal.front.NodeAddress;
import io.shoal.node.CacheNode;
import io.shoal.node.NodeConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client -> the real L4 front with PROXY protocol v2 on -> a node with {@code proxy.proxy-protocol}:
 * the node's access list and access log see the client's address, not the front's.
 */
class ProxyProtocolFrontTest {
  @TempDir
  Path dir;

  @Test
  void theNodeSeesTheRealClientThroughTheFront() throws Exception {
    try (Origin origin = new Origin()) {
      Path log = dir.resolve("access.log");
      CacheNode node = CacheNode.start(NodeConfig.of(Map.of("node.id", "pp", "proxy.host", "127.0.0.1",
          "proxy.port", "0", "admin.port", "0", "proxy.allowed-destinations", "127.0.0.0/8",
          "proxy.proxy-protocol", "true", "proxy.proxy-protocol-from", "127.0.0.1/32",
          "proxy.client-acl", "127.0.0.5/32", "log.access-file", log.toString(), "shutdown.timeout", "2s")));
      Front front = Front.start(FrontConfig.builder().listen(new InetSocketAddress("127.0.0.1", 0))
          .node(NodeAddress.parse("127.0.0.1:" + node.proxyAddress().getPort())).proxyProtocol(true).build());
      try {
        String request = "GET " + origin.url("/pp") + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        String allowed = get("127.0.0.5", front.address(), request);
        assertThat(allowed).startsWith("HTTP/1.1 200").contains("X-Cache: MISS from pp").contains("/pp");
        String denied = get("127.0.0.6", front.address(), request);
        assertThat(denied).startsWith("HTTP/1.1 403").contains("client 127.0.0.6 is not in proxy.client-acl");
        // Without the header the node would have seen the front (127.0.0.1) and refused both.
      } finally {
        front.close();
        node.close();
      }
      String lines = Files.readString(log);
      assertThat(lines).contains(" 127.0.0.5 TCP_MISS/200 ").contains(" 127.0.0.6 TCP_DENIED/403 ")
          .doesNotContain(" 127.0.0.1 ");
    }
  }

  private static String get(String from, InetSocketAddress to, String request) throws IOException {
    try (Socket s = new Socket()) {
      s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
      s.connect(to, 5_000);
      s.setSoTimeout(20_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      s.getInputStream().transferTo(got);
      return got.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
