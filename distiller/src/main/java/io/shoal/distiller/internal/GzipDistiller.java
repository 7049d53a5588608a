package io.shoal.distiller.internal;

import io.shoal.distiller.Distiller;
import io.shoal.distiller.Input;
import io.shoal.distiller.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;

/**
 * Text, JSON, JavaScript, SVG and XML gzipped at the default level; same Content-Type, Content-Encoding
 * gzip. Whether the client accepts gzip and whether the origin already encoded the body is the
 * service's concern, decided before a distiller is chosen.
 */
public final class GzipDistiller implements Distiller {
  public static final GzipDistiller INSTANCE = new GzipDistiller();

  private GzipDistiller() {}

  @Override
  public String name() {
    return "gzip";
  }

  @Override
  public boolean handles(String mediaType) {
    return MediaTypes.compressible(mediaType);
  }

  @Override
  public Result distill(Input in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64, in.body().length / 3));
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 8192)) {
      gz.write(in.body());
    }
    return Result.distilled(name(), in, in.contentType(), "gzip", bytes.toByteArray());
  }

  @Override
  public String toString() {
    return name();
  }
}
