package io.shoal.distiller;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
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
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Synthetic test images drawn with Java2D (no licensed photos): gradients, overlapping shapes and
 * noise, so JPEG sizes are photo-like. Deterministic for a seed. Also the broken and hostile files.
 */
public final class TestImages {
  private TestImages() {}

  /** A photo-like RGB image: sky gradient, shapes, fine noise. */
  public static BufferedImage photo(int w, int h, long seed) {
    Random r = new Random(seed);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(new GradientPaint(0, 0, new Color(70, 130, 200), 0, h, new Color(230, 200, 150)));
    g.fillRect(0, 0, w, h);
    for (int i = 0; i < 40; i++) {
      g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256), 90 + r.nextInt(160)));
      int x = r.nextInt(w);
      int y = r.nextInt(h);
      int s = 10 + r.nextInt(Math.max(11, Math.min(w, h) / 3));
      if (i % 3 == 0) {
        g.fillOval(x - s / 2, y - s / 2, s, s);
      } else if (i % 3 == 1) {
        g.fillRect(x - s / 2, y - s / 4, s, s / 2);
      } else {
        g.setStroke(new BasicStroke(1 + r.nextInt(6)));
        g.drawLine(x, y, r.nextInt(w), r.nextInt(h));
      }
    }
    g.dispose();
    int[] px = new int[w];
    for (int y = 0; y < h; y++) {
      img.getRGB(0, y, w, 1, px, 0, w);
      for (int x = 0; x < w; x++) {
        int n = r.nextInt(25) - 12;
        int p = px[x];
        px[x] = clamp((p >> 16 & 0xFF) + n) << 16 | clamp((p >> 8 & 0xFF) + n) << 8 | clamp((p & 0xFF) + n);
      }
      img.setRGB(0, y, w, 1, px, 0, w);
    }
    return img;
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
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

  public static byte[] jpeg(BufferedImage img, int quality) {
    try {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      ImageWriteParam p = writer.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(quality / 100f);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (MemoryCacheImageOutputStream s = new MemoryCacheImageOutputStream(out)) {
        writer.setOutput(s);
        writer.write(null, new IIOImage(img, null, null), p);
      }
      writer.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
