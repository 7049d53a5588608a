package io.shoal.traces.internal;

import io.shoal.traces.TraceField;
import io.shoal.traces.TraceReader;
import io.shoal.traces.TraceSource;
import java.util.Objects;
import java.util.Set;

/** A reader of one trace source whose format carries a fixed set of fields. */
public abstract class SourceTraceReader implements TraceReader {
  protected final TraceSource source;
  private final Set<TraceField> fields;

  protected SourceTraceReader(TraceSource source, Set<TraceField> fields) {
    this.source = Objects.requireNonNull(source, "source");
    this.fields = Objects.requireNonNull(fields, "fields");
  }

  @Override
  public final Set<TraceField> fields() {
    return fields;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + source + "]";
  }
}
