package io.shoal.traces;

import io.shoal.traces.internal.Decompression;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Opens traces by spec, {@code FORMAT:PATH}: {@code webcachesim:bu.tr.gz}, {@code
 * squid:classpath:access.log}, {@code urls:-}. The format is a {@link TraceFormat} name; the
 * path a file, {@code classpath:NAME} or {@code -} for standard input/output. Input
 * compression (gzip, xz) is recognized from the bytes; output is compressed when the path
 * ends in {@code .gz} or {@code .xz}.
 */
public final class Traces {
  private Traces() {}

  /**
   * A reader for {@code spec}. A bad spec or format is an {@link IllegalArgumentException}
   * naming the spec and the known formats; a missing file a {@link TraceException}.
   */
  public static TraceReader open(String spec) {
    return format(spec).reader(source(spec));
  }

  /**
   * The source of {@code spec}, for callers that want its {@link TraceSource#position()
   * progress}; {@code format(spec).reader(source(spec))} is {@link #open(String)}.
   */
  public static TraceSource source(String spec) {
    Objects.requireNonNull(spec, "spec");
    int colon = spec.indexOf(':');
    format(spec, colon);
    return TraceSource.of(spec.substring(colon + 1));
  }

  /**
   * A writer for {@code spec}; the file is created or replaced. A bad spec, or a format that
   * cannot be written, is an {@link IllegalArgumentException}.
   */
  public static TraceWriter create(String spec) {
    Objects.requireNonNull(spec, "spec");
    int colon = spec.indexOf(':');
    TraceFormat format = format(spec, colon);
    String path = spec.substring(colon + 1);
    if (!format.writable()) {
      throw new IllegalArgumentException("trace: \"" + spec + "\": format " + format.id()
          + " cannot be written (expected: one of " + TraceFormat.writableNames() + ")");
    }
    try {
      OutputStream out = path.equals("-") ? unclosable(System.out)
          : Decompression.compress(Files.newOutputStream(Path.of(path)), path);
      return format.writer(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
          1 << 16), path.equals("-") ? "<stdout>" : path);
    } catch (IOException e) {
      throw TraceException.of(path, "cannot create: " + e, e);
    }
  }

  /** The path of {@code spec} ({@code FORMAT:PATH}). */
  public static String path(String spec) {
    Objects.requireNonNull(spec, "spec");
    int colon = spec.indexOf(':');
    format(spec, colon);
    return spec.substring(colon + 1);
  }

  /** The format of {@code spec} ({@code FORMAT:PATH}). */
  public static TraceFormat format(String spec) {
    Objects.requireNonNull(spec, "spec");
    return format(spec, spec.indexOf(':'));
  }

  private static TraceFormat format(String spec, int colon) {
    if (colon <= 0 || colon == spec.length() - 1) {
      throw new IllegalArgumentException("trace: \"" + spec + "\" (expected: FORMAT:PATH with"
          + " FORMAT one of " + TraceFormat.names() + ")");
    }
    try {
      return TraceFormat.named(spec.substring(0, colon));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("trace: \"" + spec + "\": " + e.getMessage(), e);
    }
  }

  private static OutputStream unclosable(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
