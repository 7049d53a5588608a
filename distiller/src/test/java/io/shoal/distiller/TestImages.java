package io.shoal.distiller;

import io.shoal.distiller.fixture.SyntheticImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Test images beside the photo-like {@link SyntheticImages}: orientation markers, alpha, CMYK,
 * PNG and GIF encodings, and the broken and hostile files (EXIF edits, decompression bombs).
 */
public final class TestImages {
  private TestImages() {}

  /**
   * A photo-like image noisier than the bench origin's (40 shapes, noise of ±12), so the
   * distillers' quality and size bounds are checked on images as hard as the ones they were set on.
   */
  public static BufferedImage photo(int w, int h, long seed) {
    return SyntheticImages.photo(w, h, seed, 40, 12);
  }

  /** An image with a pure red square in its top-left corner on white, for orientation checks. */
  public static BufferedImage marked(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setColor(Color.RED);
    g.fillRect(0, 0, w / 4, h / 4);
    g.dispose();
    return img;
  }

  /** A 4-channel (CMYK-style) JPEG, written from a raster as the JDK allows. */
  public static byte[] cmykJpeg(int w, int h) {
    try {
      WritableRaster raster = Raster.createBandedRaster(java.awt.image.DataBuffer.TYPE_BYTE, w, h, 4, null);
      Random r = new Random(7);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          for (int b = 0; b < 4; b++) {
            raster.setSample(x, y, b, (x * (b + 1) + y + r.nextInt(8)) & 0xFF);
          }
        }
      }
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (MemoryCacheImageOutputStream s = new MemoryCacheImageOutputStream(out)) {
        writer.setOutput(s);
        writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
      }
      writer.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code jpeg} with an EXIF APP1 segment (big-endian, one IFD0 entry: orientation) after SOI. */
  public static byte[] withOrientation(byte[] jpeg, int orientation) {
    byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1,
        0, (byte) orientation, 0, 0, 0, 0, 0, 0, 0, 0};
    int len = 2 + 6 + tiff.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.write(0xFF);
    out.write(0xE1);
    out.write(len >> 8);
    out.write(len & 0xFF);
    out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
    out.writeBytes(tiff);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  public static byte[] png(BufferedImage img) {
    return write(img, "png");
  }

  public static byte[] gif(BufferedImage img) {
    return write(img, "gif");
  }

  private static byte[] write(BufferedImage img, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(img, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An ARGB image with a transparent left half. */
  public static BufferedImage translucent(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    BufferedImage photo = photo(w, h, 3);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, x < w / 2 ? 0x00000000 : 0xFF000000 | photo.getRGB(x, y));
      }
    }
    return img;
  }

  /** {@code jpeg} with the frame header (SOF) declaring {@code w} x {@code h}: a decompression bomb. */
  public static byte[] jpegDeclaring(byte[] jpeg, int w, int h) {
    byte[] b = jpeg.clone();
    for (int i = 2; i + 9 < b.length; i++) {
      if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xC0) {
        b[i + 5] = (byte) (h >> 8);
        b[i + 6] = (byte) h;
        b[i + 7] = (byte) (w >> 8);
        b[i + 8] = (byte) w;
        return b;
      }
    }
    throw new IllegalArgumentException("no SOF0");
  }

  /** {@code png} with IHDR declaring {@code w} x {@code h} (CRC recomputed): a decompression bomb. */
  public static byte[] pngDeclaring(byte[] png, int w, int h) {
    byte[] b = png.clone();
    int ihdr = 8 + 4; // signature, length; then "IHDR" and 13 data bytes
    putInt(b, ihdr + 4, w);
    putInt(b, ihdr + 8, h);
    CRC32 crc = new CRC32();
    crc.update(b, ihdr, 4 + 13);
    putInt(b, ihdr + 4 + 13, (int) crc.getValue());
    return b;
  }

  /** {@code gif} with the logical screen and first image descriptor declaring {@code w} x {@code h}. */
  public static byte[] gifDeclaring(byte[] gif, int w, int h) {
    byte[] b = gif.clone();
    b[6] = (byte) w;
    b[7] = (byte) (w >> 8);
    b[8] = (byte) h;
    b[9] = (byte) (h >> 8);
    int i = 13;
    if ((b[10] & 0x80) != 0) {
      i += 3 << ((b[10] & 7) + 1); // global colour table
    }
    while (b[i] == 0x21) { // extension: introducer, label, sub-blocks up to a zero length
      i += 2;
      while (b[i] != 0) {
        i += (b[i] & 0xFF) + 1;
      }
      i++;
    }
    if (b[i] != 0x2C) {
      throw new IllegalArgumentException("no image descriptor");
    }
    b[i + 5] = (byte) w;
    b[i + 6] = (byte) (w >> 8);
    b[i + 7] = (byte) h;
    b[i + 8] = (byte) (h >> 8);
    return b;
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  /** Decodes with ImageIO; fails the test when it cannot. */
  public static BufferedImage decode(byte[] bytes) {
    try {
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
      if (img == null) {
        throw new AssertionError("not an image ImageIO reads");
      }
      return img;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
