package io.shoal.router.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.support.classic.ContentInputStream;
import org.apache.hc.core5.http.nio.support.classic.SharedInputBuffer;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * A peer's response on its way to the client: the head completes {@link #head()}, the body flows
 * through a bounded shared buffer (the peer may send only what the relaying thread has consumed)
 * that {@link #body()} reads.
 */
public final class RelayConsumer implements AsyncResponseConsumer<Void> {
  private final SharedInputBuffer buffer;
  private final CompletableFuture<HttpResponse> head = new CompletableFuture<>();
  private final CompletableFuture<Void> end = new CompletableFuture<>();
  private volatile FutureCallback<Void> done;
  private volatile Exception failure;

  public RelayConsumer(int bufferSize) {
    this.buffer = new SharedInputBuffer(bufferSize);
  }

  public CompletableFuture<HttpResponse> head() {
    return head;
  }

  /** Completes when the whole body is in the buffer (or exceptionally when the exchange failed). */
  public CompletableFuture<Void> end() {
    return end;
  }

  /** The body; reading it blocks until bytes arrive. */
  public ContentInputStream body() {
    return new ContentInputStream(buffer);
  }

  /** Why the exchange failed, or null. */
  public Exception failure() {
    return failure;
  }

  @Override
  public void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext context,
      FutureCallback<Void> callback) {
    this.done = callback;
    if (entity == null) {
      buffer.markEndStream();
      callback.completed(null);
      end.complete(null);
    }
    head.complete(response);
  }

  @Override
  public void informationResponse(HttpResponse response, HttpContext context) {}

  @Override
  public void updateCapacity(CapacityChannel channel) throws IOException {
    buffer.updateCapacity(channel);
  }

  @Override
  public void consume(ByteBuffer src) {
    buffer.fill(src);
  }

  @Override
  public void streamEnd(List<? extends Header> trailers) {
    buffer.markEndStream();
    end.complete(null);
    FutureCallback<Void> cb = done;
    if (cb != null) {
      cb.completed(null);
    }
  }

  @Override
  public void failed(Exception cause) {
    failure = cause;
    buffer.abort();
    head.completeExceptionally(cause);
    end.completeExceptionally(cause);
  }

  @Override
  public void releaseResources() {}
}
