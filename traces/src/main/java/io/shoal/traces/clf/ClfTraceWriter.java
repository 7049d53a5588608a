package io.shoal.traces.clf;

import io.shoal.traces.TraceRequest;
import io.shoal.traces.internal.TextTraceWriter;
import io.shoal.traces.internal.Urls;
import java.io.Writer;

/**
 * Writes Common (or, for {@link #combined}, Combined) Log Format lines in UTC, with {@code
 * HTTP/1.1}. Unknown client, status, referer and user agent are {@code -}; an unknown time is
 * the request's number in seconds since the epoch; an object id becomes the path {@code /ID}.
 * A request of unknown size is an error.
 */
public final class ClfTraceWriter extends TextTraceWriter {
  private final boolean combined;

  private ClfTraceWriter(Writer out, String name, boolean combined) {
    super(out, name);
    this.combined = combined;
  }

  /** A writer of Common Log Format lines. */
  public static ClfTraceWriter common(Writer out, String name) {
    return new ClfTraceWriter(out, name, false);
  }

  /** A writer of Combined Log Format lines. */
  public static ClfTraceWriter combined(Writer out, String name) {
    return new ClfTraceWriter(out, name, true);
  }

  @Override
  protected void format(TraceRequest request, long number, StringBuilder line) {
    long size = requiredSize(request, number, "clf");
    token(line, "client", request.client().isEmpty() ? "-" : request.client(), number);
    line.append(" - - ");
    ClfTime.format(line, request.hasTime() ? request.timeMicros() : number * 1_000_000L);
    line.append(" \"");
    token(line, "method", request.method(), number);
    line.append(' ');
    token(line, "url", Urls.asUrl(request.key()), number);
    line.append(" HTTP/1.1\" ");
    if (request.hasStatus()) {
      line.append(request.status());
    } else {
      line.append('-');
    }
    line.append(' ').append(size);
    if (combined) {
      line.append(" \"-\" \"-\"");
    }
  }
}
