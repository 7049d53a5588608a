package io.shoal.distiller.internal;

import io.shoal.distiller.Input;
import io.shoal.distiller.Outcome;
import io.shoal.distiller.Result;
import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.ImageReader;

/**
 * JPEG re-encoded at the profile's quality: EXIF orientation applied to the pixels, downscaled to
 * the profile's maximum dimension. CMYK/YCCK files and files of very many scans are left alone.
 */
public final class JpegDistiller extends ImageDistiller {
  public static final JpegDistiller INSTANCE = new JpegDistiller();

  /** More scans than this is no photo but a decoder-time bomb (libjpeg-turbo limits scans too). */
  static final int MAX_SCANS = 100;

  private JpegDistiller() {}

  @Override
  public String name() {
    return "jpeg";
  }

  @Override
  public boolean handles(String mediaType) {
    return mediaType.equals("image/jpeg") || mediaType.equals("image/pjpeg") || mediaType.equals("image/jpg");
  }

  @Override
  Result run(Input in) throws IOException, Skip {
    JpegInfo info = JpegInfo.parse(in.body());
    if (info.components() != 1 && info.components() != 3) {
      throw new Skip(Outcome.UNSUPPORTED, info.components() + " colour components (CMYK or YCCK)");
    }
    if (info.scans() > MAX_SCANS) {
      throw new Skip(Outcome.UNSUPPORTED, info.scans() + " scans (limit " + MAX_SCANS + ")");
    }
    ImageReader reader = Images.open("jpeg", in.body(), in.maxPixels());
    int max = in.profile().maxDimension();
    if (info.orientation() == 1 && info.components() == 3
        && (max == 0 || Math.max(reader.getWidth(0), reader.getHeight(0)) <= max)) {
      return Result.distilled(name(), in, "image/jpeg", null,
          JpegRecoder.recode(reader, in.profile(), in.body().length / 2));
    }
    Images.Decoded d = Images.decode(reader, in.profile().maxDimension());
    BufferedImage image = Orientation.apply(d.image(), info.orientation());
    boolean swap = Orientation.swapsAxes(info.orientation());
    int[] size = Images.fittedSize(swap ? d.height() : d.width(), swap ? d.width() : d.height(),
        in.profile().maxDimension());
    if (size[0] != image.getWidth() || size[1] != image.getHeight()) {
      image = Images.fit(image, size[0], size[1], false);
    }
    return Result.distilled(name(), in, "image/jpeg", null,
        Images.jpeg(image, in.profile(), in.body().length / 2));
  }
}
