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
    super(source, FIELDS);
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
  protected TraceRequest parse(Line line) {
    String client = line.nextString("host");
    line.skipField("ident");
    line.skipField("user");
    int time = line.nextEnclosedRange("time", '[', ']');
    long micros = times.get().parseMicros(line, time, line.rangeEnd());
    if (micros < 0) {
      throw line.badRange("time", time, line.rangeEnd(), "dd/MMM/yyyy:HH:mm:ss +hhmm");
    }
    int request = line.nextEnclosedRange("request", '"', '"');
    int requestEnd = line.rangeEnd();
    long status = line.nextLongOrDash("status", TraceRequest.UNKNOWN);
    if (status != TraceRequest.UNKNOWN && (status < 100 || status > 999)) {
      throw line.bad("status", Long.toString(status), "100..999 or -");
    }
    long bytes = line.nextLongOrDash("bytes", 0);
    if (combined) {
      line.skipEnclosed("referer", '"', '"');
      line.skipEnclosed("user-agent", '"', '"');
    }
    if (line.regionEquals(request, requestEnd, "-")) {
      return null;
    }
    int space = line.indexOf(' ', request, requestEnd);
    int end = versionStart(line, space, requestEnd);
    if (space <= request || end <= space + 1 || line.indexOf(' ', space + 1, end) >= 0) {
      throw line.badRange("request", request, requestEnd, "METHOD TARGET HTTP/x.y or -");
    }
    String method = line.regionEquals(request, space, "GET") ? "GET"
        : line.string(request, space, "method");
    if (!Urls.isMethod(method)) {
      throw line.badRange("request", request, requestEnd, "METHOD TARGET HTTP/x.y or -");
    }
    String target = line.string(space + 1, end, "request");
    return new TraceRequest(micros, client.equals("-") ? "" : client, method, target, bytes,
        (int) status);
  }

  /** Where " HTTP/x.y" starts at the end of {@code [.., to)}, or {@code to} if it does not. */
  private static int versionStart(Line line, int space, int to) {
    int last = space < 0 ? -1 : lastSpace(line, space + 1, to);
    if (last < 0 || to - last < 7 || !line.regionEquals(last + 1, last + 6, "HTTP/")) {
      return to;
    }
    return last;
  }

  private static int lastSpace(Line line, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (line.byteAt(i) == ' ') {
        return i;
      }
    }
    return -1;
  }
}
