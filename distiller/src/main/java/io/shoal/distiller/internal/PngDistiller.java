package io.shoal.distiller.internal;

import io.shoal.distiller.Input;
import io.shoal.distiller.Outcome;
import io.shoal.distiller.Result;
import java.io.IOException;
import javax.imageio.ImageReader;

/**
 * PNG downscaled to the profile's maximum dimension and kept PNG (alpha kept), or an opaque PNG
 * turned into JPEG when the profile allows. A PNG within the size that may not become JPEG is left
 * alone without decoding: the JDK's lossless re-encoding would rarely be smaller.
 */
public final class PngDistiller extends ImageDistiller {
  public static final PngDistiller INSTANCE = new PngDistiller();
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private PngDistiller() {}

  @Override
  public String name() {
    return "png";
  }

  @Override
  public boolean handles(String mediaType) {
    return mediaType.equals("image/png") || mediaType.equals("image/x-png");
  }

  @Override
  Result run(Input in) throws IOException, Skip {
    byte[] b = in.body();
    if (b.length < SIGNATURE.length || !java.util.Arrays.equals(b, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
      throw new Skip(Outcome.CORRUPT, "not a PNG (no signature)");
    }
    ImageReader reader = Images.open("png", b, in.maxPixels());
    int max = in.profile().maxDimension();
    if (!in.profile().toJpeg() && (max == 0 || Math.max(reader.getWidth(0), reader.getHeight(0)) <= max)) {
      Images.close(reader);
      throw new Skip(Outcome.NOT_APPLICABLE, "within " + max + " px and not to become JPEG");
    }
    return pngOrJpeg(in, Images.decode(reader, max));
  }
}
