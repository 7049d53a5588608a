package io.shoal.node.internal.origin;

import io.shoal.node.internal.http.Fields;
import java.io.InputStream;

/**
 * An origin's response head and its streaming body. The body must be read to its end or closed.
 */
public final class OriginResponse implements AutoCloseable {
  private final int status;
  private final String reason;
  private final Fields headers;
  private final long contentLength;
  private final InputStream body;
  private final long requestTime;
  private final long responseTime;

  OriginResponse(int status, String reason, Fields headers, long contentLength, InputStream body,
      long requestTime, long responseTime) {
    this.status = status;
    this.reason = reason;
    this.headers = headers;
    this.contentLength = contentLength;
    this.body = body;
    this.requestTime = requestTime;
    this.responseTime = responseTime;
  }

  public int status() {
    return status;
  }

  public String reason() {
    return reason;
  }

  /** All header fields as received, hop-by-hop ones included. */
  public Fields headers() {
    return headers;
  }

  /** The body length when the origin declared it, else -1. */
  public long contentLength() {
    return contentLength;
  }

  /** The body (empty for responses without one). */
  public InputStream body() {
    return body;
  }

  /** When the request was sent, ms since the epoch (RFC 9111 request_time). */
  public long requestTime() {
    return requestTime;
  }

  /** When the response head arrived (response_time). */
  public long responseTime() {
    return responseTime;
  }

  @Override
  public void close() {
    try {
      body.close();
    } catch (java.io.IOException e) {
      // nothing to do
    }
  }
}
