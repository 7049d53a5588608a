package io.shoal.traces.internal;

import io.shoal.traces.TraceRequest;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Lazy streams of requests drawn one at a time, for the readers and the generator. */
public final class RequestStreams {
  private RequestStreams() {}

  /** The requests {@code next} gives, in order, until it gives null. */
  public static Stream<TraceRequest> untilNull(Supplier<TraceRequest> next) {
    Spliterator<TraceRequest> requests = new Spliterators.AbstractSpliterator<>(
        Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
      @Override
      public boolean tryAdvance(Consumer<? super TraceRequest> action) {
        TraceRequest request = next.get();
        if (request == null) {
          return false;
        }
        action.accept(request);
        return true;
      }
    };
    return StreamSupport.stream(requests, false);
  }

  /** The {@code count} requests of {@code count} calls to {@code next}, in order; a sized stream. */
  public static Stream<TraceRequest> sized(long count, Supplier<TraceRequest> next) {
    Spliterator<TraceRequest> requests = new Spliterators.AbstractSpliterator<>(
        count, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.SIZED) {
      private long given;

      @Override
      public boolean tryAdvance(Consumer<? super TraceRequest> action) {
        if (given == count) {
          return false;
        }
        given++;
        action.accept(next.get());
        return true;
      }
    };
    return StreamSupport.stream(requests, false);
  }
}
