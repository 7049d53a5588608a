package io.shoal.traces.internal;

import io.shoal.traces.TraceField;
import io.shoal.traces.TraceRequest;
import io.shoal.traces.TraceSource;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A trace of one request per line. Owns decompression, file vs class path, line splitting and
 * skipping blank lines; a subclass only parses one line.
 */
public abstract class TextTraceReader extends SourceTraceReader {
  protected TextTraceReader(TraceSource source, Set<TraceField> fields) {
    super(source, fields);
  }

  @Override
  public final Stream<TraceRequest> requests() {
    LineReader lines = new LineReader(Decompression.open(source), source.name());
    return RequestStreams.untilNull(() -> next(lines)).onClose(lines::close);
  }

  private TraceRequest next(LineReader lines) {
    for (Line line = lines.next(); line != null; line = lines.next()) {
      TraceRequest request = line.isBlank() ? null : parseLocated(line);
      if (request != null) {
        return request;
      }
    }
    return null;
  }

  private TraceRequest parseLocated(Line line) {
    try {
      return parse(line);
    } catch (IllegalArgumentException e) {
      throw line.error(e.getMessage());
    }
  }

  /**
   * The request on this line, which is not blank, or null if the line holds none (a comment,
   * say).
   */
  protected abstract TraceRequest parse(Line line);
}
