package io.shoal.proxyprotocol;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;

/**
 * PROXY protocol v2 (haproxy.org/download/2.9/doc/proxy-protocol.txt, section 2.2): a 12-byte
 * signature, version/command, family/transport, a 16-bit length, then the addresses (TCP over
 * IPv4: 12 bytes, IPv6: 36) and TLVs, which are skipped.
 */
public final class ProxyProtocolV2 {
  /** The 12 bytes every v2 header starts with. */
  private static final byte[] SIGNATURE = {
      0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
  /** Signature, version/command, family, length. */
  public static final int FIXED_LENGTH = 16;

  private ProxyProtocolV2() {}

  /** The signature, a copy. */
  public static byte[] signature() {
    return SIGNATURE.clone();
  }

  /** The header bytes for {@code header}. */
  public static byte[] encode(ProxyHeader header) {
    if (header.command() == ProxyHeader.Command.LOCAL) {
      ByteBuffer b = ByteBuffer.allocate(FIXED_LENGTH);
      b.put(SIGNATURE).put((byte) 0x20).put((byte) 0x00).putShort((short) 0);
      return b.array();
    }
    boolean v4 = header.source().getAddress() instanceof Inet4Address;
    int length = v4 ? 12 : 36;
    ByteBuffer b = ByteBuffer.allocate(FIXED_LENGTH + length);
    b.put(SIGNATURE).put((byte) 0x21).put((byte) (v4 ? 0x11 : 0x21)).putShort((short) length);
    b.put(header.source().getAddress().getAddress()).put(header.destination().getAddress().getAddress());
    b.putShort((short) header.source().getPort()).putShort((short) header.destination().getPort());
    return b.array();
  }

  /**
   * Decodes the header at the buffer's position. Returns null, position unchanged, if more bytes
   * are needed; otherwise moves the position past the whole header (TLVs included).
   *
   * @throws ProxyProtocolException if the bytes are not a valid v2 header
   */
  public static ProxyHeader decode(ByteBuffer in) {
    int start = in.position();
    int available = in.remaining();
    for (int i = 0; i < Math.min(available, SIGNATURE.length); i++) {
      if (in.get(start + i) != SIGNATURE[i]) {
        throw new ProxyProtocolException(String.format(Locale.ROOT,
            "PROXY v2 header byte %d: 0x%02x (expected: 0x%02x, the signature %s)", i, in.get(start + i) & 0xff,
            SIGNATURE[i] & 0xff, Arrays.toString(SIGNATURE)));
      }
    }
    if (available < FIXED_LENGTH) {
      return null;
    }
    int verCmd = in.get(start + 12) & 0xff;
    if (verCmd >> 4 != 2) {
      throw new ProxyProtocolException(String.format(Locale.ROOT,
          "PROXY v2 header byte 12: version %d (expected: 2)", verCmd >> 4));
    }
    int command = verCmd & 0x0f;
    if (command > 1) {
      throw new ProxyProtocolException(String.format(Locale.ROOT,
          "PROXY v2 header byte 12: command 0x%x (expected: 0x0 LOCAL or 0x1 PROXY)", command));
    }
    int family = in.get(start + 13) & 0xff;
    int length = in.getShort(start + 14) & 0xffff;
    if (available < FIXED_LENGTH + length) {
      return null;
    }
    ProxyHeader header = command == 0 ? ProxyHeader.local() : proxy(in, start, family, length);
    in.position(start + FIXED_LENGTH + length);
    return header;
  }

  private static ProxyHeader proxy(ByteBuffer in, int start, int family, int length) {
    int addressLength;
    if (family == 0x11) {
      addressLength = 4;
    } else if (family == 0x21) {
      addressLength = 16;
    } else {
      throw new ProxyProtocolException(String.format(Locale.ROOT,
          "PROXY v2 header byte 13: family 0x%02x (expected: 0x11 TCP over IPv4 or 0x21 TCP over IPv6)", family));
    }
    int needed = 2 * addressLength + 4;
    if (length < needed) {
      throw new ProxyProtocolException(String.format(Locale.ROOT,
          "PROXY v2 header bytes 14-15: length %d (expected: >= %d for family 0x%02x)", length, needed, family));
    }
    int p = start + FIXED_LENGTH;
    InetAddress src = address(in, p, addressLength);
    InetAddress dst = address(in, p + addressLength, addressLength);
    int srcPort = in.getShort(p + 2 * addressLength) & 0xffff;
    int dstPort = in.getShort(p + 2 * addressLength + 2) & 0xffff;
    return ProxyHeader.proxy(new InetSocketAddress(src, srcPort), new InetSocketAddress(dst, dstPort));
  }

  private static InetAddress address(ByteBuffer in, int at, int length) {
    byte[] bytes = new byte[length];
    in.get(at, bytes);
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
