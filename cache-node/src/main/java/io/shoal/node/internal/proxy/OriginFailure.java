package io.shoal.node.internal.proxy;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Maps an origin fetch failure to the status a client gets: 502 unreachable, 504 timed out. */
final class OriginFailure {
  final int status;
  final String reason;

  private OriginFailure(int status, String reason) {
    this.status = status;
    this.reason = reason;
  }

  static OriginFailure of(Throwable t, String origin) {
    Throwable e = t;
    while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
      e = e.getCause();
    }
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof org.apache.hc.client5.http.ConnectTimeoutException) {
      return new OriginFailure(502, "origin " + origin + " unreachable: connect timed out");
    }
    if (e instanceof UnknownHostException) {
      return new OriginFailure(502, "origin " + origin + " unreachable: unknown host");
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException
        || e instanceof org.apache.hc.client5.http.HttpHostConnectException) {
      return new OriginFailure(502, "origin " + origin + " unreachable: " + detail);
    }
    if (e instanceof SocketTimeoutException || e instanceof TimeoutException
        || e instanceof InterruptedIOException) {
      return new OriginFailure(504, "origin " + origin + " timed out: " + detail);
    }
    return new OriginFailure(502, "origin " + origin + " failed: " + detail);
  }
}
