package io.shoal.traces.squid;

import io.shoal.traces.TraceField;
import io.shoal.traces.TraceRequest;
import io.shoal.traces.TraceSource;
import io.shoal.traces.internal.Line;
import io.shoal.traces.internal.TextTraceReader;
import io.shoal.traces.internal.Urls;
import java.util.Set;

/**
 * Reads Squid native access.log lines: {@code 1066036250.603 38 10.0.0.1 TCP_MISS/200 1234 GET
 * http://example.com/ - DIRECT/192.0.2.1 text/html}. The size is the reply size in bytes
 * (headers included, as Squid logs it); status {@code 000} (no reply) and client {@code -} are
 * unknown. Fields after the ten (Squid's {@code log_mime_hdrs}) are ignored; blank lines are
 * skipped.
 */
public final class SquidTraceReader extends TextTraceReader {
  public static final Set<TraceField> FIELDS = Set.of(TraceField.TIME, TraceField.CLIENT,
      TraceField.METHOD, TraceField.KEY, TraceField.SIZE, TraceField.STATUS);

  public SquidTraceReader(TraceSource source) {
    super(source, FIELDS);
  }

  @Override
  protected TraceRequest parse(Line line) {
    long time = line.nextSecondsAsMicros("time");
    line.skipField("elapsed");
    String client = line.nextString("client");
    int status = status(line, line.nextString("code/status"));
    long bytes = line.nextLong("bytes");
    String method = line.nextString("method");
    if (!Urls.isMethod(method)) {
      throw line.bad("method", "\"" + method + "\"", "an HTTP method like GET");
    }
    String url = line.nextString("url");
    line.skipField("ident");
    line.skipField("hierarchy/peer");
    line.skipField("type");
    return new TraceRequest(time, client.equals("-") ? "" : client, method, url, bytes, status);
  }

  private static int status(Line line, String field) {
    int slash = field.indexOf('/');
    if (slash <= 0 || field.length() - slash != 4) {
      throw line.bad("code/status", "\"" + field + "\"", "CODE/NNN like TCP_MISS/200");
    }
    int status = 0;
    for (int i = slash + 1; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c < '0' || c > '9') {
        throw line.bad("code/status", "\"" + field + "\"", "CODE/NNN like TCP_MISS/200");
      }
      status = status * 10 + c - '0';
    }
    if (status == 0) {
      return TraceRequest.UNKNOWN;
    }
    if (status < 100) {
      throw line.bad("code/status", "\"" + field + "\"", "a status of 000 or 100..999");
    }
    return status;
  }
}
