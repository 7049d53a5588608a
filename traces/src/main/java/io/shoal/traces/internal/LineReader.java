package io.shoal.traces.internal;

import io.shoal.traces.TraceException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits decompressed bytes into lines ending in LF or CRLF, without copying or decoding a
 * line; a line longer than the limit is an error rather than an unbounded buffer.
 */
public final class LineReader implements Closeable {
  /** The longest line a text reader accepts, in bytes. */
  public static final int MAX_LINE = 1 << 20;

  private final InputStream in;
  private final String source;
  private final int maxLine;
  private final Line line;
  private byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private long number;
  private boolean eof;

  public LineReader(InputStream in, String source) {
    this(in, source, MAX_LINE);
  }

  public LineReader(InputStream in, String source, int maxLine) {
    this.in = in;
    this.source = source;
    this.maxLine = maxLine;
    this.line = new Line(source);
  }

  /** The next line (the same object each time, overwritten), or null at the end. */
  public Line next() {
    int scan = pos;
    while (true) {
      int nl = indexOfNewline(scan);
      if (nl >= 0) {
        return emit(nl, nl + 1);
      }
      scan = limit;
      if (limit - pos > maxLine) {
        throw TraceException.atLine(source, number + 1, "longer than " + maxLine
            + " bytes (expected: one request per line)");
      }
      if (eof) {
        return pos < limit ? emit(limit, limit) : null;
      }
      scan -= fill();
    }
  }

  private Line emit(int lineEnd, int next) {
    int end = lineEnd > pos && buf[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
    if (end - pos > maxLine) {
      throw TraceException.atLine(source, number + 1, "longer than " + maxLine
          + " bytes (expected: one request per line)");
    }
    number++;
    line.set(buf, pos, end, number);
    pos = next;
    return line;
  }

  private int indexOfNewline(int from) {
    byte[] b = buf;
    for (int i = from; i < limit; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Reads more bytes; returns how far the buffered bytes moved left. */
  private int fill() {
    int shift = pos;
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length + 1, Math.min(buf.length * 2, maxLine + 2)));
    }
    try {
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
      }
    } catch (IOException e) {
      throw TraceException.atLine(source, number + 1, "cannot read: " + e.getMessage()
          + (e instanceof java.io.EOFException ? " (truncated or corrupt compressed file?)" : ""), e);
    }
    return shift;
  }

  @Override
  public void close() {
    Decompression.close(in, source);
  }
}
