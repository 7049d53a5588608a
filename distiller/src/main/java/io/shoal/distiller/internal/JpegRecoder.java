package io.shoal.distiller.internal;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The fast path for a three-component JPEG that needs neither rotating nor resizing: the decoded
 * YCbCr raster is re-encoded as it is, skipping the colour conversion to RGB and back. Written
 * with the writer's default JFIF metadata for an RGB image (so the raster is taken as YCbCr, chroma
 * subsampled 2x2 as in the full path): no EXIF, no comments, no ICC profile, like the full path.
 * Baseline output, optimized Huffman tables.
 */
final class JpegRecoder {
  private JpegRecoder() {}

  static byte[] recode(ImageReader reader, int quality, int sizeHint) throws IOException {
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
    JPEGImageWriteParam param = (JPEGImageWriteParam) writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(quality / 100f);
    param.setOptimizeHuffmanTables(true);
    IIOMetadata meta = writer.getDefaultImageMetadata(
        ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_3BYTE_BGR), param);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(1024, sizeHint));
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(raster, null, meta), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
