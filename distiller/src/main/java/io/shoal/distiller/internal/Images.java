package io.shoal.distiller.internal;

import io.shoal.distiller.Outcome;
import io.shoal.distiller.Profile;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageReaderWriterSpi;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The image hot path: decoding behind a pixel limit read from the header alone, downscaling that
 * keeps the aspect ratio, and JPEG/PNG encoding, all in memory (never ImageIO's file cache).
 */
final class Images {
  private static final ImageReaderSpi JPEG_READER = provider(ImageReaderSpi.class, "jpeg");
  private static final ImageReaderSpi PNG_READER = provider(ImageReaderSpi.class, "png");
  private static final ImageReaderSpi GIF_READER = provider(ImageReaderSpi.class, "gif");
  private static final ImageWriterSpi JPEG_WRITER = provider(ImageWriterSpi.class, "jpeg");
  private static final ImageWriterSpi PNG_WRITER = provider(ImageWriterSpi.class, "png");

  private Images() {}

  /** A decoded image with the size its file declares (before any subsampling). */
  record Decoded(BufferedImage image, int width, int height) {}

  /** The header's width and height, read without decoding a pixel; refused above {@code maxPixels}. */
  static ImageReader open(String format, byte[] body, long maxPixels) throws IOException, Skip {
    return open(format, body, maxPixels, false);
  }

  /** As {@link #open(String, byte[], long)}; {@code metadata}: whether the reader keeps metadata. */
  static ImageReader open(String format, byte[] body, long maxPixels, boolean metadata) throws IOException, Skip {
    ImageReader reader = spi(format).createReaderInstance();
    ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(body));
    reader.setInput(in, false, !metadata);
    try {
      int w = reader.getWidth(0);
      int h = reader.getHeight(0);
      if ((long) w * h > maxPixels) {
        throw new Skip(Outcome.TOO_MANY_PIXELS, w + "x" + h + " = " + (long) w * h
            + " pixels (limit " + maxPixels + ")");
      }
      return reader;
    } catch (IOException | Skip | RuntimeException e) {
      close(reader);
      throw e;
    }
  }

  /**
   * Decodes the first image of an open reader. When {@code target > 0} and the image is at least
   * four times larger, it is subsampled while decoding to about twice the target (less memory);
   * the rest of the way is {@link #fit}'s smooth scaling. A decoder warning (a truncated JPEG) is a
   * failure: a grey half-image is no distillation.
   */
  static Decoded decode(ImageReader reader, int target) throws IOException {
    try {
      int w = reader.getWidth(0);
      int h = reader.getHeight(0);
      List<String> warnings = new ArrayList<>();
      reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
      ImageReadParam param = reader.getDefaultReadParam();
      int step = target > 0 ? Math.max(w, h) / (2 * target) : 1;
      if (step >= 2) {
        param.setSourceSubsampling(step, step, 0, 0);
      }
      BufferedImage image = reader.read(0, param);
      if (!warnings.isEmpty()) {
        throw new IIOException("decoder warning: " + warnings.get(0));
      }
      return new Decoded(image, w, h);
    } finally {
      close(reader);
    }
  }

  static void close(ImageReader reader) {
    try {
      Object in = reader.getInput();
      if (in instanceof ImageInputStream s) {
        s.close();
      }
    } catch (IOException e) {
      // a memory stream; nothing to release
    }
    reader.dispose();
  }

  /** Whether every pixel is fully opaque. */
  static boolean opaque(BufferedImage image) {
    if (image.getColorModel().getTransparency() == java.awt.Transparency.OPAQUE) {
      return true;
    }
    int w = image.getWidth();
    int[] row = new int[w];
    for (int y = 0; y < image.getHeight(); y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      for (int argb : row) {
        if (argb >>> 24 != 0xFF) {
          return false;
        }
      }
    }
    return true;
  }

  /** The size of a {@code w} x {@code h} image fitted within {@code max} (0: no limit), aspect kept. */
  static int[] fittedSize(int w, int h, int max) {
    if (max <= 0 || Math.max(w, h) <= max) {
      return new int[] {w, h};
    }
    double f = (double) max / Math.max(w, h);
    return new int[] {Math.max(1, (int) Math.round(w * f)), Math.max(1, (int) Math.round(h * f))};
  }

  /**
   * {@code image} scaled to {@code w} x {@code h} by successive bilinear halvings (no aliasing from a
   * single large step), into an RGB image, or ARGB when {@code alpha}. Unchanged when already that size
   * and type.
   */
  static BufferedImage fit(BufferedImage image, int w, int h, boolean alpha) {
    int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    BufferedImage current = image;
    int cw = image.getWidth();
    int ch = image.getHeight();
    do {
      cw = Math.max(w, cw / 2);
      ch = Math.max(h, ch / 2);
      if (cw == current.getWidth() && ch == current.getHeight() && current.getType() == type) {
        return current;
      }
      BufferedImage next = new BufferedImage(cw, ch, type);
      Graphics2D g = next.createGraphics();
      try {
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        if (!alpha) {
          g.setColor(java.awt.Color.WHITE);
          g.fillRect(0, 0, cw, ch);
        }
        g.drawImage(current, 0, 0, cw, ch, null);
      } finally {
        g.dispose();
      }
      current = next;
    } while (cw != w || ch != h);
    return current;
  }

  /** Baseline JPEG at the profile's quality and with its Huffman tables; no metadata. */
  static byte[] jpeg(BufferedImage image, Profile profile, int sizeHint) throws IOException {
    ImageWriter writer = JPEG_WRITER.createWriterInstance();
    return write(writer, new IIOImage(image, null, null), jpegParam(writer, profile), sizeHint);
  }

  /** The write parameters of {@code profile}: its quality, and its Huffman tables. */
  static JPEGImageWriteParam jpegParam(ImageWriter writer, Profile profile) {
    JPEGImageWriteParam param = (JPEGImageWriteParam) writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(profile.quality() / 100f);
    param.setOptimizeHuffmanTables(profile.huffman() == Profile.Huffman.OPTIMIZED);
    return param;
  }

  /** PNG with the JDK writer's default filtering and compression. */
  static byte[] png(BufferedImage image, int sizeHint) throws IOException {
    ImageWriter writer = PNG_WRITER.createWriterInstance();
    return write(writer, new IIOImage(image, null, null), writer.getDefaultWriteParam(), sizeHint);
  }

  /** A new JPEG writer; the caller disposes of it. */
  static ImageWriter jpegWriter() throws IOException {
    return JPEG_WRITER.createWriterInstance();
  }

  /** Writes {@code image} in memory and disposes of {@code writer}. */
  static byte[] write(ImageWriter writer, IIOImage image, ImageWriteParam param, int sizeHint)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(1024, sizeHint));
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, image, param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static ImageReaderSpi spi(String format) {
    switch (format) {
      case "jpeg":
        return JPEG_READER;
      case "png":
        return PNG_READER;
      case "gif":
        return GIF_READER;
      default:
        throw new IllegalArgumentException("format: " + format + " (expected: jpeg, png or gif)");
    }
  }

  /** ImageIO's first provider of {@code kind} for {@code format}: the one its by-name lookups use. */
  private static <S extends ImageReaderWriterSpi> S provider(Class<S> kind, String format) {
    Iterator<S> it = IIORegistry.getDefaultInstance().getServiceProviders(kind,
        spi -> Arrays.stream(((ImageReaderWriterSpi) spi).getFormatNames()).anyMatch(format::equalsIgnoreCase),
        true);
    return it.next();
  }
}
