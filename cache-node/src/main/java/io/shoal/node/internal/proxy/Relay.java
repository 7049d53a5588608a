package io.shoal.node.internal.proxy;

import io.shoal.node.internal.http.Fields;
import io.shoal.node.internal.origin.OriginResponse;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Streams an origin response to the client on a worker thread with bounded memory, optionally
 * keeping a copy of the body (the tee) for the cache while it stays under the object size limit.
 */
final class Relay {
  private static final int BUFFER = 32 * 1024;

  private Relay() {}

  /** What the relay ended with. */
  static final class Outcome {
    /** The whole body when teed and complete; else null. */
    byte[] body;
    /** Whether the client got the whole response. */
    boolean delivered;
  }

  /**
   * Sends {@code response} to the client with {@code fields}; when {@code teeLimit >= 0}, keeps
   * the body while it is at most that long. {@code onOverflow} runs once when the tee is dropped.
   */
  static Outcome relay(HttpServerExchange exchange, ProxyContext context, OriginResponse response,
      Fields fields, String cacheResult, long teeLimit, Runnable onOverflow) {
    Outcome outcome = new Outcome();
    Messages.head(exchange, response.status(), fields, -1, context.nodeId, cacheResult);
    long declared = response.contentLength();
    boolean head = exchange.getRequestMethod().equals(Methods.HEAD);
    if (declared >= 0 && !head && response.status() != 304 && response.status() != 204) {
      exchange.setResponseContentLength(declared);
    }
    if (head && declared >= 0) {
      exchange.setResponseContentLength(declared);
    }
    ByteArrayOutputStream tee = teeLimit >= 0 && (declared < 0 || declared <= teeLimit)
        ? new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192) : null;
    if (teeLimit >= 0 && tee == null) {
      onOverflow.run();
    }
    byte[] buffer = new byte[BUFFER];
    long total = 0;
    try (InputStream in = response.body()) {
      OutputStream out = exchange.getOutputStream();
      int n;
      while ((n = read(in, buffer)) >= 0) {
        try {
          out.write(buffer, 0, n);
        } catch (IOException clientGone) {
          return outcome;
        }
        total += n;
        if (tee != null) {
          if (total > teeLimit) {
            tee = null;
            onOverflow.run();
          } else {
            tee.write(buffer, 0, n);
          }
        }
      }
      out.flush();
      out.close();
    } catch (OriginBroke e) {
      // the client cannot be told with a status any more: cut its connection
      org.xnio.IoUtils.safeClose(exchange.getConnection());
      return outcome;
    } catch (IOException clientGone) {
      return outcome;
    }
    outcome.delivered = true;
    if (tee != null && (declared < 0 || declared == total)) {
      outcome.body = tee.toByteArray();
    }
    return outcome;
  }

  private static int read(InputStream in, byte[] buffer) throws OriginBroke {
    try {
      return in.read(buffer);
    } catch (IOException e) {
      throw new OriginBroke(e);
    }
  }

  /** The origin failed in the middle of the body. */
  private static final class OriginBroke extends IOException {
    private static final long serialVersionUID = 1L;

    OriginBroke(IOException cause) {
      super(cause);
    }
  }
}
