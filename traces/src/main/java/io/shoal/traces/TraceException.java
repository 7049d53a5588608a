package io.shoal.traces;

/**
 * A trace could not be read or written. The message names the file, the line or byte offset,
 * what was found and what was expected, e.g. {@code "bu.tr, line 12: size: \"x\" (expected:
 * an integer >= 0)"}.
 */
public final class TraceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;

  private TraceException(String source, String message, Throwable cause) {
    super(message, cause);
    this.source = source;
  }

  /** An error at a line (1-based) of a text trace. */
  public static TraceException atLine(String source, long line, String what) {
    return new TraceException(source, source + ", line " + line + ": " + what, null);
  }

  /** An error at a byte offset (0-based) of a binary trace. */
  public static TraceException atOffset(String source, long offset, String what) {
    return new TraceException(source, source + ", offset " + offset + ": " + what, null);
  }

  /** An error about a whole source, with its cause (may be null). */
  public static TraceException of(String source, String what, Throwable cause) {
    return new TraceException(source, source + ": " + what, cause);
  }

  /** Re-locates an error whose cause is known (an I/O error) at a line. */
  public static TraceException atLine(String source, long line, String what, Throwable cause) {
    return new TraceException(source, source + ", line " + line + ": " + what, cause);
  }

  /** Re-locates an error whose cause is known (an I/O error) at an offset. */
  public static TraceException atOffset(String source, long offset, String what, Throwable cause) {
    return new TraceException(source, source + ", offset " + offset + ": " + what, cause);
  }

  /** The file, resource or stream the error is about. */
  public String source() {
    return source;
  }
}
