package io.shoal.node;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/** An IPv4 or IPv6 address range such as {@code 10.0.0.0/8} or {@code ::1/128}. */
public final class Cidr {
  private final byte[] network;
  private final int bits;
  private final String text;

  private Cidr(byte[] network, int bits, String text) {
    this.network = network;
    this.bits = bits;
    this.text = text;
  }

  /**
   * Parses {@code a.b.c.d/n}, {@code x:y::z/n} or a single address (a /32 or /128).
   *
   * @throws IllegalArgumentException when it is not one
   */
  public static Cidr parse(String text) {
    Objects.requireNonNull(text, "text");
    String t = text.strip();
    int slash = t.indexOf('/');
    String address = slash < 0 ? t : t.substring(0, slash);
    if (address.isEmpty() || !address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
      throw new IllegalArgumentException("not an IP address: \"" + address + "\"");
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: \"" + address + "\"");
    }
    int max = bytes.length * 8;
    int bits = max;
    if (slash >= 0) {
      try {
        bits = Integer.parseInt(t.substring(slash + 1));
      } catch (NumberFormatException e) {
        bits = -1;
      }
      if (bits < 0 || bits > max) {
        throw new IllegalArgumentException("prefix length: " + t.substring(slash + 1)
            + " (expected: 0-" + max + ")");
      }
    }
    return new Cidr(mask(bytes, bits), bits, t);
  }

  /** Whether {@code address} is in this range (an IPv4-mapped IPv6 address counts as IPv4). */
  public boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    if (a.length == 16 && network.length == 4 && isMapped(a)) {
      a = java.util.Arrays.copyOfRange(a, 12, 16);
    }
    if (a.length != network.length) {
      return false;
    }
    return java.util.Arrays.equals(mask(a, bits), network);
  }

  private static boolean isMapped(byte[] a) {
    for (int i = 0; i < 10; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
  }

  private static byte[] mask(byte[] address, int bits) {
    byte[] out = address.clone();
    for (int i = 0; i < out.length; i++) {
      int keep = Math.max(0, Math.min(8, bits - i * 8));
      out[i] &= (byte) (0xff << (8 - keep));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr && ((Cidr) o).bits == bits && java.util.Arrays.equals(((Cidr) o).network, network);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(network) * 31 + bits;
  }

  @Override
  public String toString() {
    return text;
  }
}
