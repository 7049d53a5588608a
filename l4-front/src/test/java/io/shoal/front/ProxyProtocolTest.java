package io.shoal.front;

import static io.shoal.front.Clients.connect;
import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.proxyprotocol.ProxyHeader;
import io.shoal.proxyprotocol.ProxyProtocolV2;
import java.io.DataInputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** PROXY v2 end to end through the front (the codec against the specification: module proxy-protocol). */
class ProxyProtocolTest {
  @Test
  void theNodeLearnsTheRealClientAddressThroughTheFront() throws Exception {
    CompletableFuture<ProxyHeader> seen = new CompletableFuture<>();
    TestNode.Behaviour readHeader = (n, sock) -> {
      DataInputStream in = new DataInputStream(sock.getInputStream());
      byte[] fixed = new byte[ProxyProtocolV2.FIXED_LENGTH];
      in.readFully(fixed);
      byte[] all = new byte[fixed.length + (((fixed[14] & 0xff) << 8) | (fixed[15] & 0xff))];
      System.arraycopy(fixed, 0, all, 0, fixed.length);
      in.readFully(all, fixed.length, all.length - fixed.length);
      seen.complete(ProxyProtocolV2.decode(ByteBuffer.wrap(all)));
      sock.getOutputStream().write('k');
      sock.close();
    };
    try (TestNode node = new TestNode("pp", 0, readHeader);
         Front front = Front.start(Clients.config(node).proxyProtocol(true).healthInterval(Duration.ofMinutes(1)).build());
         Socket s = connect(front)) {
      assertThat(s.getInputStream().read()).isEqualTo('k');
      ProxyHeader h = seen.get();
      assertThat(h.source()).isEqualTo(s.getLocalSocketAddress());
      assertThat(h.destination().getPort()).isEqualTo(front.address().getPort());
    }
  }
}
