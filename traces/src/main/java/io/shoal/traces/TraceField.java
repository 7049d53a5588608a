package io.shoal.traces;

/** A field of {@link TraceRequest} that a trace format may or may not carry. */
public enum TraceField {
  /** When the request was made ({@link TraceRequest#timeMicros()}). */
  TIME,
  /** Who made it ({@link TraceRequest#client()}). */
  CLIENT,
  /** The HTTP method ({@link TraceRequest#method()}); {@code GET} when not carried. */
  METHOD,
  /** The URL or object id ({@link TraceRequest#key()}); every format carries it. */
  KEY,
  /** The size of the object or reply in bytes ({@link TraceRequest#size()}). */
  SIZE,
  /** The HTTP status of the reply ({@link TraceRequest#status()}). */
  STATUS
}
