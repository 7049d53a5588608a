package io.shoal.distiller.internal;

/** The orientation tag (0x0112) of an EXIF APP1 segment; 1 when absent, out of range or unreadable. */
final class Exif {
  private static final int ORIENTATION = 0x0112;

  private Exif() {}

  /** The orientation in the APP1 payload at {@code b[off..off+len)}. */
  static int orientation(byte[] b, int off, int len) {
    // "Exif\0\0" then a TIFF header: byte order, 42, offset of IFD0.
    if (len < 14 || b[off] != 'E' || b[off + 1] != 'x' || b[off + 2] != 'i' || b[off + 3] != 'f'
        || b[off + 4] != 0 || b[off + 5] != 0) {
      return 1;
    }
    int tiff = off + 6;
    int end = off + len;
    boolean little;
    if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
      little = true;
    } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
      little = false;
    } else {
      return 1;
    }
    long ifd = tiff + u32(b, tiff + 4, little);
    if (ifd + 2 > end) {
      return 1;
    }
    int entries = u16(b, (int) ifd, little);
    for (int i = 0; i < entries; i++) {
      long e = ifd + 2 + 12L * i;
      if (e + 12 > end) {
        return 1;
      }
      if (u16(b, (int) e, little) == ORIENTATION) {
        int value = u16(b, (int) e + 8, little);
        return value >= 1 && value <= 8 ? value : 1;
      }
    }
    return 1;
  }

  private static int u16(byte[] b, int i, boolean little) {
    int x = b[i] & 0xFF;
    int y = b[i + 1] & 0xFF;
    return little ? (y << 8) | x : (x << 8) | y;
  }

  private static long u32(byte[] b, int i, boolean little) {
    long hi = u16(b, little ? i + 2 : i, little);
    long lo = u16(b, little ? i : i + 2, little);
    return (hi << 16) | lo;
  }
}
