package io.shoal.distiller.internal;

import io.shoal.distiller.Input;
import io.shoal.distiller.Outcome;
import io.shoal.distiller.Result;
import java.io.IOException;
import javax.imageio.ImageReader;

/**
 * A still GIF turned into JPEG (opaque, when the profile allows) or into PNG, downscaled to the
 * profile's maximum dimension. Animated GIFs are left alone, and so is a GIF without its trailer
 * byte (the JDK decoder would return a partly grey image for a truncated one).
 */
public final class GifDistiller extends ImageDistiller {
  public static final GifDistiller INSTANCE = new GifDistiller();

  private GifDistiller() {}

  @Override
  public String name() {
    return "gif";
  }

  @Override
  public boolean handles(String mediaType) {
    return mediaType.equals("image/gif");
  }

  @Override
  Result run(Input in) throws IOException, Skip {
    byte[] b = in.body();
    if (b.length < 14 || b[0] != 'G' || b[1] != 'I' || b[2] != 'F' || b[3] != '8') {
      throw new Skip(Outcome.CORRUPT, "not a GIF (no signature)");
    }
    if (b[b.length - 1] != 0x3B) {
      throw new Skip(Outcome.CORRUPT, "no GIF trailer (truncated)");
    }
    ImageReader reader = Images.open("gif", b, in.maxPixels());
    int frames = reader.getNumImages(true);
    if (frames != 1) {
      Images.close(reader);
      throw new Skip(Outcome.UNSUPPORTED, frames + " frames (animated)");
    }
    return pngOrJpeg(in, Images.decode(reader, in.profile().maxDimension()));
  }
}
