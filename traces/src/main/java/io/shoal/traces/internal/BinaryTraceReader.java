package io.shoal.traces.internal;

import io.shoal.traces.TraceField;
import io.shoal.traces.TraceRequest;
import io.shoal.traces.TraceSource;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A trace of binary records. Owns decompression, file vs class path and offsets; a subclass
 * only reads one record.
 */
public abstract class BinaryTraceReader extends SourceTraceReader {
  protected BinaryTraceReader(TraceSource source, Set<TraceField> fields) {
    super(source, fields);
  }

  @Override
  public final Stream<TraceRequest> requests() {
    BinaryInput input = new BinaryInput(Decompression.open(source), source.name());
    return RequestStreams.untilNull(() -> read(input)).onClose(input::close);
  }

  /** The next record's request, or null at the clean end of the input. */
  protected abstract TraceRequest read(BinaryInput input);
}
