package io.shoal.distiller.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * EXIF orientation applied to the pixels, so the distilled JPEG (which carries no EXIF) looks the
 * same as the original in every client, whether or not it reads EXIF. Values as in EXIF 2.3:
 * 1 as stored, 2 mirrored, 3 rotated 180, 4 flipped, 5 transposed, 6 needs 90 clockwise,
 * 7 transversed, 8 needs 90 counter-clockwise.
 */
final class Orientation {
  private Orientation() {}

  /** Whether {@code orientation} swaps width and height. */
  static boolean swapsAxes(int orientation) {
    return orientation >= 5 && orientation <= 8;
  }

  /** {@code image} as it should be displayed, in a new RGB image (or {@code image} itself for 1). */
  static BufferedImage apply(BufferedImage image, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return image;
    }
    BufferedImage src = Images.fit(image, image.getWidth(), image.getHeight(), false);
    int w = src.getWidth();
    int h = src.getHeight();
    boolean swap = swapsAxes(orientation);
    BufferedImage dst = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
    int[] in = ((DataBufferInt) src.getRaster().getDataBuffer()).getData();
    int[] out = ((DataBufferInt) dst.getRaster().getDataBuffer()).getData();
    int dw = dst.getWidth();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int dx;
        int dy;
        switch (orientation) {
          case 2 -> { dx = w - 1 - x; dy = y; }
          case 3 -> { dx = w - 1 - x; dy = h - 1 - y; }
          case 4 -> { dx = x; dy = h - 1 - y; }
          case 5 -> { dx = y; dy = x; }
          case 6 -> { dx = h - 1 - y; dy = x; }
          case 7 -> { dx = h - 1 - y; dy = w - 1 - x; }
          default -> { dx = y; dy = w - 1 - x; }
        }
        out[dy * dw + dx] = in[y * w + x];
      }
    }
    return dst;
  }
}
