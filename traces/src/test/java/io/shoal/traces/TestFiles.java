package io.shoal.traces;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Builds trace files byte by byte for reader tests, and finds the shared real traces. */
public final class TestFiles {
  private TestFiles() {}

  public static Path write(Path dir, String name, byte[] bytes) {
    try {
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path write(Path dir, String name, String text) {
    return write(dir, name, text.getBytes(UTF_8));
  }

  public static byte[] gzip(byte[] bytes) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        gz.write(bytes);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] xz(byte[] bytes) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (XZOutputStream xz = new XZOutputStream(out, new LZMA2Options())) {
        xz.write(bytes);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All requests of {@code spec}, closing the stream. */
  public static List<TraceRequest> read(String spec) {
    try (Stream<TraceRequest> requests = Traces.open(spec).requests()) {
      return requests.collect(Collectors.toList());
    }
  }

  /** All requests of the file at {@code path} in {@code format}. */
  public static List<TraceRequest> read(String format, Path path) {
    return read(format + ":" + path);
  }

  /** Reading {@code path} in {@code format} fails with {@code "<path>, " + located}. */
  public static void assertReadFails(String format, Path path, String located) {
    assertThatThrownBy(() -> read(format, path))
        .isInstanceOf(TraceException.class)
        .hasMessage(path + ", " + located);
  }
}
