package io.shoal.distiller.internal;

import io.shoal.distiller.Profile;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;

/**
 * The fast path for a three-component JPEG that needs neither rotating nor resizing: the decoded
 * YCbCr raster is re-encoded as it is, skipping the colour conversion to RGB and back. Written
 * with the writer's default JFIF metadata for an RGB image (so the raster is taken as YCbCr, chroma
 * subsampled 2x2 as in the full path): no EXIF, no comments, no ICC profile, like the full path.
 * Baseline output with the profile's quality and Huffman tables.
 */
final class JpegRecoder {
  private JpegRecoder() {}

  static byte[] recode(ImageReader reader, Profile profile, int sizeHint) throws IOException {
    Raster raster;
    try {
      List<String> warnings = new ArrayList<>();
      reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
      raster = reader.readRaster(0, null);
      if (!warnings.isEmpty()) {
        throw new IIOException("decoder warning: " + warnings.get(0));
      }
    } finally {
      Images.close(reader);
    }
    ImageWriter writer = Images.jpegWriter();
    JPEGImageWriteParam param = Images.jpegParam(writer, profile);
    IIOMetadata meta = writer.getDefaultImageMetadata(
        ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_3BYTE_BGR), param);
    return Images.write(writer, new IIOImage(raster, null, meta), param, sizeHint);
  }
}
