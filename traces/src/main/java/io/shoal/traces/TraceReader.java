package io.shoal.traces;

import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads one trace as a lazy stream of requests. Open one with {@link Traces#open(String)}.
 *
 * <p>The stream holds the open file: close it (try-with-resources). A read or parse error
 * surfaces from the stream as a {@link TraceException} naming the file and the line or byte
 * offset; a reader never yields a request it could not read exactly.
 */
public interface TraceReader {

  /** The fields this format carries; the others are {@link TraceRequest#UNKNOWN}. */
  Set<TraceField> fields();

  /** The requests, in trace order. Opens the source; the caller closes the stream. */
  Stream<TraceRequest> requests();
}
