package io.shoal.bench.origin.internal;

import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * Sends a body at a capped rate: a slice every {@link #TICK_MILLIS} on the exchange's I/O
 * thread, each slice written only after the previous one has gone out.
 */
final class Paced implements IoCallback {
  static final long TICK_MILLIS = 10;
  private final ByteBuffer[] parts;
  private final long slice;
  private int index;

  Paced(ByteBuffer[] parts, long bytesPerSecond) {
    this.parts = parts;
    this.slice = Math.max(1, bytesPerSecond * TICK_MILLIS / 1000);
  }

  void start(HttpServerExchange exchange) {
    next(exchange, exchange.getResponseSender());
  }

  private void next(HttpServerExchange exchange, Sender sender) {
    while (index < parts.length && !parts[index].hasRemaining()) {
      index++;
    }
    if (index == parts.length) {
      exchange.endExchange();
      return;
    }
    ByteBuffer part = parts[index];
    int n = (int) Math.min(slice, part.remaining());
    ByteBuffer b = part.duplicate();
    b.limit(b.position() + n);
    part.position(part.position() + n);
    sender.send(b, this);
  }

  @Override
  public void onComplete(HttpServerExchange exchange, Sender sender) {
    exchange.getIoThread().executeAfter(() -> next(exchange, sender), TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onException(HttpServerExchange exchange, Sender sender, IOException exception) {
    IoCallback.END_EXCHANGE.onException(exchange, sender, exception);
  }
}
