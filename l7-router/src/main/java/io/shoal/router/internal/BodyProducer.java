package io.shoal.router.internal;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.support.classic.SharedOutputBuffer;

/**
 * A request body streamed to a peer: a relaying thread writes the client's bytes into a bounded
 * shared buffer once the connection is up ({@link #started}), the I/O reactor flushes them.
 * Nothing is read from the client before the peer connection exists, so a failed connect can be
 * retried on the next candidate.
 */
public final class BodyProducer implements AsyncEntityProducer {
  private final SharedOutputBuffer buffer;
  private final long length;
  private final String contentType;
  private final CompletableFuture<Void> started = new CompletableFuture<>();
  private volatile boolean sentAny;

  public BodyProducer(long length, String contentType, int bufferSize) {
    this.buffer = new SharedOutputBuffer(bufferSize);
    this.length = length;
    this.contentType = contentType;
  }

  /** Completes when the peer connection asks for the body. */
  public CompletableFuture<Void> started() {
    return started;
  }

  /** Whether any body byte went out to the peer. */
  public boolean sentAny() {
    return sentAny;
  }

  public SharedOutputBuffer buffer() {
    return buffer;
  }

  @Override
  public boolean isRepeatable() {
    return false;
  }

  @Override
  public void failed(Exception cause) {
    buffer.abort();
    started.completeExceptionally(cause);
  }

  @Override
  public long getContentLength() {
    return length;
  }

  @Override
  public String getContentType() {
    return contentType;
  }

  @Override
  public String getContentEncoding() {
    return null;
  }

  @Override
  public boolean isChunked() {
    return length < 0;
  }

  @Override
  public Set<String> getTrailerNames() {
    return null;
  }

  @Override
  public int available() {
    return buffer.length();
  }

  @Override
  public void produce(DataStreamChannel channel) throws IOException {
    started.complete(null);
    if (buffer.hasData()) {
      sentAny = true;
    }
    buffer.flush(channel);
  }

  @Override
  public void releaseResources() {
    buffer.abort();
  }
}
