package io.shoal.traces.internal;

import io.shoal.traces.TraceException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** Decompressed bytes of a binary trace read record by record, counting the offset. */
public final class BinaryInput implements Closeable {
  private final InputStream in;
  private final String source;
  private long offset;

  public BinaryInput(InputStream in, String source) {
    this.in = in;
    this.source = source;
  }

  /** The offset of the next byte. */
  public long offset() {
    return offset;
  }

  /**
   * Reads exactly {@code n} bytes of a record that started at {@code recordStart}; returns
   * false if the input ended before the first byte and {@code mayEnd} is set. A record cut
   * short is an error naming the record's offset.
   */
  public boolean readFully(byte[] into, int n, long recordStart, String what, boolean mayEnd) {
    int got;
    try {
      got = in.readNBytes(into, 0, n);
    } catch (IOException e) {
      throw TraceException.atOffset(source, offset, "cannot read: " + e.getMessage()
          + (e instanceof java.io.EOFException ? " (truncated or corrupt compressed file?)" : ""), e);
    }
    offset += got;
    if (got == 0 && mayEnd) {
      return false;
    }
    if (got < n) {
      throw TraceException.atOffset(source, recordStart, "truncated record: the file ends "
          + got + " bytes into the " + n + "-byte " + what + " (expected: a whole record)");
    }
    return true;
  }

  /** An error about the record at {@code recordStart}. */
  public TraceException error(long recordStart, String what) {
    return TraceException.atOffset(source, recordStart, what);
  }

  @Override
  public void close() {
    Decompression.close(in, source);
  }
}
