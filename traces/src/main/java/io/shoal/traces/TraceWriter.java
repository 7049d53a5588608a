package io.shoal.traces;

import java.io.Closeable;

/**
 * Writes requests in one format. Create one with {@link Traces#create(String)}. Errors are
 * {@link TraceException}s naming the output.
 */
public interface TraceWriter extends Closeable {

  /** Writes one request. */
  void write(TraceRequest request);

  /** Flushes and closes the output. */
  @Override
  void close();
}
