package io.shoal.traces.weighted;

import io.shoal.base.Checks;
import io.shoal.traces.TraceException;
import io.shoal.traces.TraceRequest;
import io.shoal.traces.TraceWriter;
import io.shoal.traces.internal.TextTraceWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the requests per key and, on close, writes the {@code limit} most requested keys as
 * {@code count size key} lines, most requested first (ties in order of first appearance), under
 * a comment saying what share of the trace they are. The size is the last one seen ({@code -}
 * if none was known).
 */
public final class WeightedTraceWriter implements TraceWriter {
  private final Writer out;
  private final String name;
  private final int limit;
  private final Map<String, Tally> tallies = new HashMap<>();
  private long requests;

  /** A writer of every key. */
  public WeightedTraceWriter(Writer out, String name) {
    this(out, name, Integer.MAX_VALUE);
  }

  /** A writer of the {@code limit} most requested keys. */
  public WeightedTraceWriter(Writer out, String name, int limit) {
    this.out = out;
    this.name = name;
    this.limit = Checks.positive("limit", limit);
  }

  /** Counts one request; nothing is written before {@link #close()}. */
  @Override
  public void write(TraceRequest request) {
    requests++;
    TextTraceWriter.checkToken(name, "key", request.key(), requests);
    Tally tally = tallies.get(request.key());
    if (tally == null) {
      tally = new Tally(request.key(), tallies.size());
      tallies.put(request.key(), tally);
    }
    tally.count++;
    if (request.hasSize()) {
      tally.size = request.size();
    }
  }

  @Override
  public void close() {
    List<Tally> top = new ArrayList<>(tallies.values());
    top.sort(Comparator.comparingLong((Tally t) -> -t.count).thenComparingInt(t -> t.order));
    if (top.size() > limit) {
      top = top.subList(0, limit);
    }
    long kept = top.stream().mapToLong(t -> t.count).sum();
    try {
      out.append("# weighted trace: count size key; the ").append(Integer.toString(top.size()))
          .append(" most requested of ").append(Integer.toString(tallies.size()))
          .append(" objects, ").append(Long.toString(kept)).append(" of ")
          .append(Long.toString(requests)).append(" requests\n");
      StringBuilder line = new StringBuilder();
      for (Tally t : top) {
        line.setLength(0);
        line.append(t.count).append(' ');
        if (t.size < 0) {
          line.append('-');
        } else {
          line.append(t.size);
        }
        line.append(' ').append(t.key).append('\n');
        out.append(line);
      }
      out.close();
    } catch (IOException e) {
      throw TraceException.of(name, "cannot write: " + e.getMessage(), e);
    }
  }

  private static final class Tally {
    final String key;
    final int order;
    long count;
    long size = TraceRequest.UNKNOWN;

    Tally(String key, int order) {
      this.key = key;
      this.order = order;
    }
  }
}
