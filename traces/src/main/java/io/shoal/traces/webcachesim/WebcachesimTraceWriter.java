package io.shoal.traces.webcachesim;

import io.shoal.traces.TraceRequest;
import io.shoal.traces.internal.TextTraceWriter;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes webcachesim's {@code time id size} lines. Ids are dense, given to keys in order of
 * first appearance from 0 (so a trace whose ids already are, like the BU trace, keeps them);
 * the time is whole seconds, or the request's number when unknown; a request of unknown size
 * is an error.
 */
public final class WebcachesimTraceWriter extends TextTraceWriter {
  private final Map<String, Long> ids = new HashMap<>();

  public WebcachesimTraceWriter(Writer out, String name) {
    super(out, name);
  }

  @Override
  protected void format(TraceRequest request, long number, StringBuilder line) {
    long size = requiredSize(request, number, "webcachesim");
    Long id = ids.get(request.key());
    if (id == null) {
      id = (long) ids.size();
      ids.put(request.key(), id);
    }
    long time = request.hasTime() ? request.timeMicros() / 1_000_000L : number;
    line.append(time).append(' ').append(id.longValue()).append(' ').append(size);
  }
}
