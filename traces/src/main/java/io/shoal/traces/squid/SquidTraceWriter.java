package io.shoal.traces.squid;

import io.shoal.traces.TraceRequest;
import io.shoal.traces.internal.TextTraceWriter;
import io.shoal.traces.internal.Urls;
import java.io.Writer;

/**
 * Writes Squid native access.log lines. What a request does not carry is written as Squid
 * writes it when unknown: elapsed 0, client {@code -}, status {@code 000}, code {@code
 * TCP_MISS}, {@code - DIRECT/- -} for the last three fields; an unknown time becomes the
 * request's number in seconds; an object id becomes the path {@code /ID}. A request of unknown
 * size is an error.
 */
public final class SquidTraceWriter extends TextTraceWriter {

  public SquidTraceWriter(Writer out, String name) {
    super(out, name);
  }

  @Override
  protected void format(TraceRequest request, long number, StringBuilder line) {
    long size = requiredSize(request, number, "squid");
    seconds(line, request.hasTime() ? request.timeMicros() : number * 1_000_000L);
    line.append("      0 ");
    token(line, "client", request.client().isEmpty() ? "-" : request.client(), number);
    line.append(" TCP_MISS/");
    int status = request.hasStatus() ? request.status() : 0;
    line.append(status < 100 ? "00" : "").append(status).append(' ').append(size)
        .append(' ');
    token(line, "method", request.method(), number);
    line.append(' ');
    token(line, "url", Urls.asUrl(request.key()), number);
    line.append(" - DIRECT/- -");
  }
}
