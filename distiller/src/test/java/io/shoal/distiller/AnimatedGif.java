package io.shoal.distiller;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** A GIF of several frames, written with the JDK's GIF writer's sequence support. */
final class AnimatedGif {
  private AnimatedGif() {}

  static byte[] of(BufferedImage... frames) {
    try {
      ImageWriter w = ImageIO.getImageWritersByFormatName("gif").next();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (MemoryCacheImageOutputStream s = new MemoryCacheImageOutputStream(out)) {
        w.setOutput(s);
        w.prepareWriteSequence(null);
        for (BufferedImage f : frames) {
          w.writeToSequence(new IIOImage(f, null, null), null);
        }
        w.endWriteSequence();
      }
      w.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
