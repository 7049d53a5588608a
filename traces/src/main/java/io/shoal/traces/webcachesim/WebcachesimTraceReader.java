package io.shoal.traces.webcachesim;

import io.shoal.traces.TraceField;
import io.shoal.traces.TraceRequest;
import io.shoal.traces.TraceSource;
import io.shoal.traces.internal.Line;
import io.shoal.traces.internal.TextTraceReader;
import java.util.Set;

/**
 * Reads webcachesim's {@code time id size} lines. The time is in seconds (in the BU trace a
 * sequence number); the key is the id in decimal without leading zeros. Blank lines are
 * skipped; a fourth field is an error.
 */
public final class WebcachesimTraceReader extends TextTraceReader {
  public static final Set<TraceField> FIELDS =
      Set.of(TraceField.TIME, TraceField.KEY, TraceField.SIZE);

  private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000L;

  public WebcachesimTraceReader(TraceSource source) {
    super(source, FIELDS);
  }

  @Override
  protected TraceRequest parse(Line line) {
    long time = line.nextLong("time");
    if (time > MAX_SECONDS) {
      throw line.bad("time", Long.toString(time), "seconds <= " + MAX_SECONDS);
    }
    long id = line.nextLong("id");
    long size = line.nextLong("size");
    line.expectEnd("end of line after 3 fields: time id size");
    return new TraceRequest(time * 1_000_000L, "", "GET", Long.toString(id), size,
        TraceRequest.UNKNOWN);
  }
}
