package io.shoal.distiller;

import io.shoal.distiller.internal.GifDistiller;
import io.shoal.distiller.internal.GzipDistiller;
import io.shoal.distiller.internal.JpegDistiller;
import io.shoal.distiller.internal.PngDistiller;
import java.io.IOException;

/**
 * A content transform: a body of some media type in, a smaller body (maybe of another type or
 * content coding) out, as a profile asks. Implementations are stateless and thread-safe; the
 * built-ins are the static factories here and are registered by name in {@link Distillers}.
 */
public interface Distiller {

  /** The registry name, e.g. {@code jpeg}. */
  String name();

  /** Whether this distiller transforms bodies of {@code mediaType} (lower case, no parameters). */
  boolean handles(String mediaType);

  /**
   * Distills one object, or returns {@link Result#skipped} with the reason. Throws {@link
   * IOException} for input it cannot decode (counted as {@link Outcome#CORRUPT}); any other
   * exception is a bug (counted as {@link Outcome#ERROR}). Neither reaches the proxy's client.
   */
  Result distill(Input input) throws IOException;

  /** Re-encodes JPEG at the profile's quality, downscaled to its maximum dimension, EXIF orientation applied. */
  static Distiller jpeg() {
    return JpegDistiller.INSTANCE;
  }

  /** Downscales PNG and keeps it PNG, or turns an opaque one into JPEG when the profile allows. */
  static Distiller png() {
    return PngDistiller.INSTANCE;
  }

  /** Turns a still GIF into JPEG (opaque, when the profile allows) or a downscaled PNG. */
  static Distiller gif() {
    return GifDistiller.INSTANCE;
  }

  /** Gzips text, JSON, JavaScript, SVG and XML. */
  static Distiller gzip() {
    return GzipDistiller.INSTANCE;
  }
}
