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
 * A trace of binary records. Owns decompression, file vs class path and offsets; a subclass
 * only reads one record.
 */
public abstract class BinaryTraceReader implements TraceReader {
  protected final TraceSource source;

  protected BinaryTraceReader(TraceSource source) {
    this.source = source;
  }

  @Override
  public final Stream<TraceRequest> requests() {
    BinaryInput input = new BinaryInput(Decompression.open(source), source.name());
    Spliterator<TraceRequest> requests = new Spliterators.AbstractSpliterator<>(
        Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
      @Override
      public boolean tryAdvance(Consumer<? super TraceRequest> action) {
        TraceRequest request = read(input);
        if (request == null) {
          return false;
        }
        action.accept(request);
        return true;
      }
    };
    return StreamSupport.stream(requests, false).onClose(input::close);
  }

  /** The next record's request, or null at the clean end of the input. */
  protected abstract TraceRequest read(BinaryInput input);

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + source + "]";
  }
}
