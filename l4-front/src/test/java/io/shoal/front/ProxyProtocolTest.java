package io.shoal.front;

import static io.shoal.front.Clients.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.front.proxy.ProxyHeader;
import io.shoal.front.proxy.ProxyProtocolException;
import io.shoal.front.proxy.ProxyProtocolV2;
import java.io.DataInputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** PROXY v2 against the byte layout of the specification, and end to end through the front. */
class ProxyProtocolTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void encodesTcp4ExactlyAsTheSpecificationLaysItOut() {
    byte[] bytes = ProxyProtocolV2.encode(ProxyHeader.proxy(
        new InetSocketAddress("192.0.2.1", 56324), new InetSocketAddress("198.51.100.7", 3128)));
    assertThat(HEX.formatHex(bytes)).isEqualTo(
        "0d0a0d0a000d0a515549540a" + "21" + "11" + "000c" + "c0000201" + "c6336407" + "dc04" + "0c38");
  }

  @Test
  void roundTripsIpv6AndSkipsTlvs() {
    ProxyHeader h = ProxyHeader.proxy(new InetSocketAddress("2001:db8::1", 1), new InetSocketAddress("2001:db8::2", 65535));
    byte[] encoded = ProxyProtocolV2.encode(h);
    ByteBuffer withTlv = ByteBuffer.allocate(encoded.length + 5 + 3);
    withTlv.put(encoded, 0, 14).putShort((short) (36 + 5)).put(encoded, 16, 36)
        .put(new byte[] {0x04, 0x00, 0x02, 0x61, 0x62}).put("GET".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).flip();
    assertThat(ProxyProtocolV2.decode(withTlv)).isEqualTo(h);
    assertThat(withTlv.remaining()).as("positioned after the TLVs, at the payload").isEqualTo(3);
  }

  @Test
  void needsMoreBytesWithoutMovingAndLocalHasNoAddresses() {
    byte[] local = ProxyProtocolV2.encode(ProxyHeader.local());
    for (int i = 0; i < local.length; i++) {
      ByteBuffer partial = ByteBuffer.wrap(local, 0, i);
      assertThat(ProxyProtocolV2.decode(partial)).isNull();
      assertThat(partial.position()).isZero();
    }
    assertThat(ProxyProtocolV2.decode(ByteBuffer.wrap(local))).isEqualTo(ProxyHeader.local());
  }

  @Test
  void badHeadersSayWhichByteAndWhatWasExpected() {
    assertThatThrownBy(() -> ProxyProtocolV2.decode(ByteBuffer.wrap("GET / HTTP/1.1\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))))
        .isInstanceOf(ProxyProtocolException.class).hasMessageStartingWith("PROXY v2 header byte 0: 0x47 (expected: 0x0d");
    byte[] b = ProxyProtocolV2.encode(ProxyHeader.proxy(new InetSocketAddress("10.0.0.1", 1), new InetSocketAddress("10.0.0.2", 2)));
    b[12] = 0x11;
    assertThatThrownBy(() -> ProxyProtocolV2.decode(ByteBuffer.wrap(b))).hasMessage("PROXY v2 header byte 12: version 1 (expected: 2)");
    b[12] = 0x22;
    assertThatThrownBy(() -> ProxyProtocolV2.decode(ByteBuffer.wrap(b)))
        .hasMessage("PROXY v2 header byte 12: command 0x2 (expected: 0x0 LOCAL or 0x1 PROXY)");
    b[12] = 0x21;
    b[13] = 0x12;
    assertThatThrownBy(() -> ProxyProtocolV2.decode(ByteBuffer.wrap(b)))
        .hasMessage("PROXY v2 header byte 13: family 0x12 (expected: 0x11 TCP over IPv4 or 0x21 TCP over IPv6)");
    b[13] = 0x21;
    assertThatThrownBy(() -> ProxyProtocolV2.decode(ByteBuffer.wrap(b)))
        .hasMessage("PROXY v2 header bytes 14-15: length 12 (expected: >= 36 for family 0x21)");
  }

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
