package io.shoal.distiller.internal;

import io.shoal.distiller.Outcome;

/**
 * What the marker segments of a JPEG say before any pixel is decoded: the number of colour
 * components of the frame, the EXIF orientation (1 to 8, 1 when absent or unreadable) and the
 * number of scans (SOS markers; progressive files have several).
 */
record JpegInfo(int components, int orientation, int scans) {
  private static final int SOI = 0xD8;
  private static final int SOS = 0xDA;
  private static final int APP1 = 0xE1;

  /** Parses the segments of {@code b}; throws when it is not a JPEG or its segments are cut short. */
  static JpegInfo parse(byte[] b) throws Skip {
    if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != SOI) {
      throw new Skip(Outcome.CORRUPT, "not a JPEG (no SOI marker)");
    }
    int components = -1;
    int orientation = 1;
    int pos = 2;
    while (true) {
      while (pos < b.length && (b[pos] & 0xFF) == 0xFF) {
        pos++;
      }
      if (pos + 2 >= b.length) {
        throw new Skip(Outcome.CORRUPT, "truncated JPEG header");
      }
      int marker = b[pos] & 0xFF;
      if (marker == 0xD9) {
        throw new Skip(Outcome.CORRUPT, "JPEG ends before its first scan");
      }
      if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
        pos++;
        continue;
      }
      int length = ((b[pos + 1] & 0xFF) << 8) | (b[pos + 2] & 0xFF);
      int segment = pos + 3;
      if (length < 2 || segment + length - 2 > b.length) {
        throw new Skip(Outcome.CORRUPT, "truncated JPEG segment " + Integer.toHexString(marker));
      }
      if (isFrame(marker) && length >= 8) {
        components = b[segment + 5] & 0xFF;
      } else if (marker == APP1 && orientation == 1) {
        orientation = Exif.orientation(b, segment, length - 2);
      } else if (marker == SOS) {
        return new JpegInfo(components, orientation, countScans(b, pos));
      }
      pos = segment + length - 2;
    }
  }

  private static boolean isFrame(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }

  /** SOS markers from {@code from} on; in entropy-coded data 0xFF is stuffed (0xFF00), so a 0xFFDA is a marker. */
  private static int countScans(byte[] b, int from) {
    int scans = 0;
    for (int i = from; i < b.length; i++) {
      if ((b[i] & 0xFF) == SOS && (b[i - 1] & 0xFF) == 0xFF) {
        scans++;
      }
    }
    return scans;
  }
}
