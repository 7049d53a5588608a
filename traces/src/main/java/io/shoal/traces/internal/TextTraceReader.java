package io.shoal.traces.internal;

import io.shoal.traces.TraceReader;
import io.shoal.traces.TraceRequest;
import io.shoal.traces.TraceSource;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A trace of one request per line. Owns decompression, file vs class path and line splitting;
 * a subclass only parses one line.
 */
public abstract class TextTraceReader implements TraceReader {
  protected final TraceSource source;

  protected TextTraceReader(TraceSource source) {
    this.source = source;
  }

  @Override
  public final Stream<TraceRequest> requests() {
    LineReader lines = new LineReader(Decompression.open(source), source.name());
    Spliterator<TraceRequest> requests = new Spliterators.AbstractSpliterator<>(
        Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
      @Override
      public boolean tryAdvance(Consumer<? super TraceRequest> action) {
        for (Line line = lines.next(); line != null; line = lines.next()) {
          TraceRequest request = parseLocated(line);
          if (request != null) {
            action.accept(request);
            return true;
          }
        }
        return false;
      }
    };
    return StreamSupport.stream(requests, false).onClose(lines::close);
  }

  private TraceRequest parseLocated(Line line) {
    try {
      return parse(line);
    } catch (IllegalArgumentException e) {
      throw line.error(e.getMessage());
    }
  }

  /** The request on this line, or null if the line holds none (a comment, a blank line). */
  protected abstract TraceRequest parse(Line line);

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + source + "]";
  }
}
