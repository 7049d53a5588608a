package io.shoal.traces.internal;

import io.shoal.traces.TraceException;
import io.shoal.traces.TraceSource;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * Opens a source and undoes gzip or xz compression, recognized by the first bytes (never by
 * the file name); other compressions are named in the error.
 */
public final class Decompression {
  private static final int BUFFER = 1 << 16;

  private Decompression() {}

  /** The decompressed bytes of {@code source}. */
  public static InputStream open(TraceSource source) {
    InputStream raw = source.openRaw();
    try {
      return decompress(raw, source.name());
    } catch (RuntimeException e) {
      closeQuietly(raw);
      throw e;
    }
  }

  /** The decompressed bytes of {@code raw}; {@code name} is for messages. */
  public static InputStream decompress(InputStream raw, String name) {
    BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
    try {
      byte[] magic = new byte[6];
      in.mark(magic.length);
      int n = in.readNBytes(magic, 0, magic.length);
      in.reset();
      if (n >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
        return new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
      }
      if (n == 6 && (magic[0] & 0xff) == 0xfd && magic[1] == '7' && magic[2] == 'z'
          && magic[3] == 'X' && magic[4] == 'Z' && magic[5] == 0) {
        return new BufferedInputStream(new XZInputStream(in), BUFFER);
      }
      if (n >= 3 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h') {
        throw unsupported(name, "bzip2");
      }
      if (n >= 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
          && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
        throw unsupported(name, "zstd");
      }
      if (n >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
        throw unsupported(name, "zip");
      }
      return in;
    } catch (IOException e) {
      throw TraceException.atOffset(name, 0, "cannot read the compression header: " + e, e);
    }
  }

  /** Compresses to gzip or xz when {@code path} ends with {@code .gz} or {@code .xz}. */
  public static OutputStream compress(OutputStream out, String path) throws IOException {
    if (path.endsWith(".gz")) {
      return new GZIPOutputStream(out, BUFFER);
    }
    if (path.endsWith(".xz")) {
      return new XZOutputStream(out, new LZMA2Options(3));
    }
    return out;
  }

  private static TraceException unsupported(String name, String kind) {
    return TraceException.atOffset(name, 0, kind + "-compressed (expected: plain text or binary,"
        + " gzip or xz; decompress it first)");
  }

  /** Closes {@code in}, the bytes of {@code source}; a failure is an error naming the source. */
  static void close(InputStream in, String source) {
    try {
      in.close();
    } catch (IOException e) {
      throw TraceException.of(source, "cannot close: " + e.getMessage(), e);
    }
  }

  static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // Already failing with a better error.
    }
  }
}
