package io.shoal.traces;

import java.util.Objects;

/**
 * One request of a trace. A field the format does not carry (see {@link TraceReader#fields()})
 * is {@link #UNKNOWN} for numbers, {@code ""} for the client and {@code "GET"} for the method.
 *
 * @param timeMicros when the request was made, in microseconds since the epoch (or since the
 *     start of the trace for formats whose clock is relative), or {@link #UNKNOWN}
 * @param client the client's address or name, or {@code ""} if unknown
 * @param method the HTTP method, {@code "GET"} if the format does not say
 * @param key the URL, or the object id as a decimal string for id-based formats
 * @param size the size in bytes of the object (or of the reply, for proxy logs), or {@link
 *     #UNKNOWN}
 * @param status the HTTP status of the reply (100..999), or {@link #UNKNOWN}
 */
public record TraceRequest(
    long timeMicros, String client, String method, String key, long size, int status) {

  /** The value of a numeric field that the trace does not carry. */
  public static final int UNKNOWN = -1;

  public TraceRequest {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(key, "key");
    if (timeMicros < UNKNOWN) {
      throw new IllegalArgumentException("timeMicros: " + timeMicros + " (expected: >= 0 or -1)");
    }
    if (method.isEmpty()) {
      throw new IllegalArgumentException("method: \"\" (expected: a non-empty token)");
    }
    if (key.isEmpty()) {
      throw new IllegalArgumentException("key: \"\" (expected: a non-empty string)");
    }
    if (size < UNKNOWN) {
      throw new IllegalArgumentException("size: " + size + " (expected: >= 0 or -1)");
    }
    if (status != UNKNOWN && (status < 100 || status > 999)) {
      throw new IllegalArgumentException("status: " + status + " (expected: 100..999 or -1)");
    }
  }

  /** A {@code GET} of {@code key} of this size (or {@link #UNKNOWN}), nothing else known. */
  public static TraceRequest of(String key, long size) {
    return new TraceRequest(UNKNOWN, "", "GET", key, size, UNKNOWN);
  }

  /** Whether {@link #timeMicros()} is known. */
  public boolean hasTime() {
    return timeMicros != UNKNOWN;
  }

  /** Whether {@link #size()} is known. */
  public boolean hasSize() {
    return size != UNKNOWN;
  }

  /** Whether {@link #status()} is known. */
  public boolean hasStatus() {
    return status != UNKNOWN;
  }
}
