package io.shoal.traces.weighted;

import io.shoal.traces.TraceField;
import io.shoal.traces.TraceRequest;
import io.shoal.traces.TraceSource;
import io.shoal.traces.internal.Decompression;
import io.shoal.traces.internal.Line;
import io.shoal.traces.internal.LineReader;
import io.shoal.traces.internal.RequestStreams;
import io.shoal.traces.internal.SourceTraceReader;
import io.shoal.traces.internal.WeightedSampler;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads {@code count size key} lines ({@code size} may be {@code -}; {@code #} starts a
 * comment) and yields each key exactly {@code count} times, in an order drawn at random
 * without replacement — so any prefix of the replay follows the weights. The draw is seeded
 * with {@link #SEED}, so every replay of a file is the same.
 */
public final class WeightedTraceReader extends SourceTraceReader {
  public static final Set<TraceField> FIELDS = Set.of(TraceField.KEY, TraceField.SIZE);

  /** The seed of the draw. */
  public static final long SEED = 1998;

  public WeightedTraceReader(TraceSource source) {
    super(source, FIELDS);
  }

  @Override
  public Stream<TraceRequest> requests() {
    List<TraceRequest> objects = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    long total = 0;
    try (LineReader lines = new LineReader(Decompression.open(source), source.name())) {
      for (Line line = lines.next(); line != null; line = lines.next()) {
        int first = line.firstByte();
        if (first < 0 || first == '#') {
          continue;
        }
        long count = line.nextLong("count");
        long size = line.nextLongOrDash("size", TraceRequest.UNKNOWN);
        String key = line.nextString("key");
        line.expectEnd("end of line after 3 fields: count size key");
        if (total > Long.MAX_VALUE - count) {
          throw line.bad("count", Long.toString(count), "a total below 2^63");
        }
        total += count;
        objects.add(TraceRequest.of(key, size));
        counts.add(count);
      }
    }
    WeightedSampler draws = new WeightedSampler(
        counts.stream().mapToLong(Long::longValue).toArray(), SEED);
    return RequestStreams.sized(total, () -> objects.get(draws.next()));
  }

}
