package io.shoal.traces.clf;

import io.shoal.traces.TraceField;
import io.shoal.traces.TraceRequest;
import io.shoal.traces.TraceSource;
import io.shoal.traces.internal.Line;
import io.shoal.traces.internal.TextTraceReader;
import io.shoal.traces.internal.Urls;
import java.util.Set;

/**
 * Reads Common Log Format lines, {@code 127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET
 * /apache_pb.gif HTTP/1.0" 200 2326}, or, for {@link #combined}, Combined Log Format lines,
 * which add {@code "referer" "user-agent"}. The key is the request target as logged; bytes
 * {@code -} means no body (0, as Apache documents it); status {@code -} is unknown. A request
 * of {@code "-"} (nginx logs it for a connection that sent none) is no request and is skipped;
 * any other malformed request line is an error. Fields after the required ones are ignored.
 */
public final class ClfTraceReader extends TextTraceReader {
  public static final Set<TraceField> FIELDS = Set.of(TraceField.TIME, TraceField.CLIENT,
      TraceField.METHOD, TraceField.KEY, TraceField.SIZE, TraceField.STATUS);

  private final boolean combined;
  private final ThreadLocal<ClfTime> times = ThreadLocal.withInitial(ClfTime::new);

  private ClfTraceReader(TraceSource source, boolean combined) {
    super(source);
    this.combined = combined;
  }

  /** A reader of Common Log Format lines. */
  public static ClfTraceReader common(TraceSource source) {
    return new ClfTraceReader(source, false);
  }

  /** A reader of Combined Log Format lines. */
  public static ClfTraceReader combined(TraceSource source) {
    return new ClfTraceReader(source, true);
  }

  @Override
  public Set<TraceField> fields() {
    return FIELDS;
  }

  @Override
  protected TraceRequest parse(Line line) {
    if (line.isBlank()) {
      return null;
    }
    String client = line.nextString("host");
    line.skipField("ident");
    line.skipField("user");
    String time = line.nextEnclosed("time", '[', ']');
    long micros = times.get().parseMicros(time);
    if (micros < 0) {
      throw line.bad("time", "\"" + time + "\"", "dd/MMM/yyyy:HH:mm:ss +hhmm");
    }
    String request = line.nextEnclosed("request", '"', '"');
    long status = line.nextLongOrDash("status", TraceRequest.UNKNOWN);
    if (status != TraceRequest.UNKNOWN && (status < 100 || status > 999)) {
      throw line.bad("status", Long.toString(status), "100..999 or -");
    }
    long bytes = line.nextLongOrDash("bytes", 0);
    if (combined) {
      line.skipEnclosed("referer", '"', '"');
      line.skipEnclosed("user-agent", '"', '"');
    }
    if (request.equals("-")) {
      return null;
    }
    int space = request.indexOf(' ');
    int end = request.endsWith(" HTTP/1.0") || request.endsWith(" HTTP/1.1")
        || request.endsWith(" HTTP/2.0") || request.endsWith(" HTTP/2") || request.endsWith(" HTTP/3")
        ? request.lastIndexOf(' ') : request.length();
    String method = space < 0 ? "" : request.substring(0, space);
    String target = space < 0 || space >= end ? "" : request.substring(space + 1, end);
    if (!Urls.isMethod(method) || target.isEmpty() || target.indexOf(' ') >= 0) {
      throw line.bad("request", "\"" + shorten(request) + "\"", "METHOD TARGET HTTP/x.y or -");
    }
    return new TraceRequest(micros, client.equals("-") ? "" : client, method, target, bytes,
        (int) status);
  }

  private static String shorten(String s) {
    return s.length() > 48 ? s.substring(0, 48) + "..." : s;
  }
}
