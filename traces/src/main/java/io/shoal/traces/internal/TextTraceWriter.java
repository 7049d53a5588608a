package io.shoal.traces.internal;

import io.shoal.traces.TraceException;
import io.shoal.traces.TraceRequest;
import io.shoal.traces.TraceWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes one request per line. A field the line cannot hold (a key with a space, say) is an
 * error naming the request's number; a subclass only formats one line.
 */
public abstract class TextTraceWriter implements TraceWriter {
  private final Writer out;
  private final String name;
  private final StringBuilder line = new StringBuilder(256);
  private long count;

  protected TextTraceWriter(Writer out, String name) {
    this.out = out;
    this.name = name;
  }

  @Override
  public final void write(TraceRequest request) {
    count++;
    line.setLength(0);
    format(request, count, line);
    line.append('\n');
    try {
      out.append(line);
    } catch (IOException e) {
      throw TraceException.of(name, "cannot write: " + e.getMessage(), e);
    }
  }

  /**
   * Appends the line for {@code request}, the {@code number}-th written (from 1), without the
   * end of line. Formats that need a time the request lacks use {@code number} seconds.
   */
  protected abstract void format(TraceRequest request, long number, StringBuilder line);

  /** Appends {@code value}, which must hold no spaces, quotes or control characters. */
  protected final void token(StringBuilder line, String field, String value, long number) {
    checkToken(name, field, value, number);
    line.append(value);
  }

  /**
   * Fails unless {@code value} holds no spaces, quotes or control characters; {@code output}
   * and {@code number} (of the request, from 1) are for the message.
   */
  public static void checkToken(String output, String field, String value, long number) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c == 0x7f || c == '"') {
        throw TraceException.of(output, "request " + number + ": " + field + ": "
            + quote(value) + " (expected: no spaces, quotes or control characters in this format)",
            null);
      }
    }
  }

  /** Appends seconds with 3 decimals ({@code 1066036250.603}) for a time in µs. */
  protected static void seconds(StringBuilder line, long micros) {
    long millis = micros / 1000;
    line.append(millis / 1000).append('.');
    long frac = millis % 1000;
    if (frac < 100) {
      line.append('0');
    }
    if (frac < 10) {
      line.append('0');
    }
    line.append(frac);
  }

  /** The request's size; an error if it is unknown, since {@code format} needs one. */
  protected final long requiredSize(TraceRequest request, long number, String format) {
    if (!request.hasSize()) {
      throw error(number, "size: unknown (expected: a size; " + format + " needs one)");
    }
    return request.size();
  }

  /** An error about the request numbered {@code number}. */
  protected final TraceException error(long number, String what) {
    return TraceException.of(name, "request " + number + ": " + what, null);
  }

  private static String quote(String value) {
    return "\"" + (value.length() > 48 ? value.substring(0, 48) + "..." : value) + "\"";
  }

  @Override
  public void close() {
    try {
      finish();
      out.close();
    } catch (IOException e) {
      throw TraceException.of(name, "cannot write: " + e.getMessage(), e);
    }
  }

  /** Called once before the output is closed; the default does nothing. */
  protected void finish() throws IOException {}

  /** The raw writer, for formats with a header or a trailer. */
  protected final Writer out() {
    return out;
  }
}
