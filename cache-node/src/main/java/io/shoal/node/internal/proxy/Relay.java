package io.shoal.node.internal.proxy;

import io.shoal.node.internal.http.Fields;
import io.shoal.node.internal.origin.OriginResponse;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * Streams an origin response to the client on a worker thread with bounded memory, optionally
 * keeping a copy of the body (the tee) for the cache while it stays under the object size limit.
 * The copy is handed over before the client gets its last bytes, so a client that got the whole
 * response and asks again finds it stored.
 */
final class Relay {
  private static final int BUFFER = 32 * 1024;

  private Relay() {}

  /**
   * Sends {@code response} to the client with {@code fields}. When {@code teeLimit >= 0}, keeps
   * the body while it is at most that long and hands the whole of it to {@code complete} before
   * the client gets its last bytes; {@code onOverflow} runs once when the copy is dropped.
   * Returns whether the client got the whole response.
   */
  static boolean relay(HttpServerExchange exchange, ProxyContext context, OriginResponse response,
      Fields fields, String cacheResult, long teeLimit, Runnable onOverflow, Consumer<byte[]> complete) {
    Messages.head(exchange, response.status(), fields, -1, context.nodeId, cacheResult);
    Distilling.vary(exchange, context, fields.get("Content-Type"));
    long declared = response.contentLength();
    boolean head = exchange.getRequestMethod().equals(Methods.HEAD);
    if (declared >= 0 && (head || (response.status() != 304 && response.status() != 204))) {
      exchange.setResponseContentLength(declared);
    }
    ByteArrayOutputStream tee = teeLimit >= 0 && (declared < 0 || declared <= teeLimit)
        ? new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192) : null;
    if (teeLimit >= 0 && tee == null) {
      onOverflow.run();
    }
    byte[] buffer = new byte[BUFFER];
    long total = 0;
    boolean completed = false;
    try (InputStream in = response.body()) {
      OutputStream out = exchange.getOutputStream();
      int n;
      while ((n = read(in, buffer)) >= 0) {
        total += n;
        if (tee != null) {
          if (total > teeLimit) {
            tee = null;
            onOverflow.run();
          } else {
            tee.write(buffer, 0, n);
            if (declared >= 0 && total == declared) {
              complete.accept(tee.toByteArray());
              completed = true;
            }
          }
        }
        if (!write(out, buffer, n, in.available() == 0)) {
          return false;
        }
      }
      if (tee != null && !completed && (declared < 0 || declared == total)) {
        complete.accept(tee.toByteArray());
      }
      out.close();
      return true;
    } catch (OriginBroke e) {
      // the client cannot be told with a status any more: cut its connection
      org.xnio.IoUtils.safeClose(exchange.getConnection());
      return false;
    } catch (IOException clientGone) {
      return false;
    }
  }

  private static boolean write(OutputStream out, byte[] b, int n, boolean flush) {
    try {
      out.write(b, 0, n);
      if (flush) {
        out.flush();
      }
      return true;
    } catch (IOException clientGone) {
      return false;
    }
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
