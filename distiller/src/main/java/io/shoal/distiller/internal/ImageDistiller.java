package io.shoal.distiller.internal;

import io.shoal.distiller.Distiller;
import io.shoal.distiller.Input;
import io.shoal.distiller.Result;
import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.IIOException;

/** What the image distillers share: turning a {@link Skip} into a skipped result, and the output step. */
abstract class ImageDistiller implements Distiller {

  @Override
  public final Result distill(Input in) throws IOException {
    try {
      return run(in);
    } catch (Skip s) {
      return Result.skipped(s.outcome, name(), in.contentType(), in.body(), s.getMessage());
    } catch (RuntimeException e) {
      if (fromDecoder(e)) { // the JDK's readers throw these for some malformed files
        throw new IIOException("decoder failed on malformed input: " + e, e);
      }
      throw e;
    }
  }

  /** Whether {@code e} was thrown inside the JDK's image code (bad input) rather than ours (a bug). */
  private static boolean fromDecoder(RuntimeException e) {
    StackTraceElement[] trace = e.getStackTrace();
    if (trace.length == 0) {
      return false;
    }
    String where = trace[0].getClassName();
    return where.startsWith("com.sun.imageio.") || where.startsWith("javax.imageio.")
        || where.startsWith("sun.awt.image.") || where.startsWith("java.awt.image.");
  }

  abstract Result run(Input in) throws IOException, Skip;

  /**
   * An opaque PNG or GIF as JPEG when the profile allows, otherwise PNG; fitted to the profile's
   * maximum dimension either way.
   */
  final Result pngOrJpeg(Input in, Images.Decoded d) throws IOException {
    BufferedImage image = d.image();
    int[] size = Images.fittedSize(d.width(), d.height(), in.profile().maxDimension());
    if (in.profile().toJpeg() && Images.opaque(image)) {
      BufferedImage rgb = Images.fit(image, size[0], size[1], false);
      return Result.distilled(name(), in, "image/jpeg", null,
          Images.jpeg(rgb, in.profile(), in.body().length));
    }
    boolean resize = size[0] != image.getWidth() || size[1] != image.getHeight();
    BufferedImage out = resize ? Images.fit(image, size[0], size[1], !Images.opaque(image)) : image;
    return Result.distilled(name(), in, "image/png", null, Images.png(out, in.body().length));
  }

  @Override
  public String toString() {
    return name();
  }
}
