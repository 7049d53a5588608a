package io.shoal.proxyprotocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** PROXY v2 against the byte layout of the specification. */
class ProxyProtocolV2Test {
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
        .put(new byte[] {0x04, 0x00, 0x02, 0x61, 0x62}).put("GET".getBytes(StandardCharsets.US_ASCII)).flip();
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
    assertThatThrownBy(() -> ProxyProtocolV2.decode(ByteBuffer.wrap("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII))))
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
}
