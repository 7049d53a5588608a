package io.shoal.node.internal.origin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;

/**
 * A request body on its way to an origin: a relaying thread {@link #write writes} what it reads
 * from the client, the origin connection's reactor thread sends it. At most {@link #WINDOW} bytes
 * wait in between; a writer that gets ahead blocks, so the client is read only as fast as the
 * origin takes the body and memory stays bounded however big the body.
 */
public final class RequestBody implements AsyncEntityProducer {
  static final int WINDOW = 256 * 1024;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition space = lock.newCondition();
  private final ArrayDeque<ByteBuffer> chunks = new ArrayDeque<>();
  private final long length;
  private final String contentType;
  private final long writeTimeoutMillis;
  private int buffered;
  private boolean ended;
  private boolean aborted;
  private DataStreamChannel channel;

  /** {@code length} is the declared length, or -1 to send the body chunked. */
  public RequestBody(long length, String contentType, long writeTimeoutMillis) {
    this.length = length;
    this.contentType = contentType;
    this.writeTimeoutMillis = writeTimeoutMillis;
  }

  /**
   * Queues a copy of {@code b[off, off+len)}, waiting while the window is full; false when the
   * exchange with the origin has ended (failed or answered) and no more is wanted.
   */
  public boolean write(byte[] b, int off, int len) throws IOException {
    DataStreamChannel ch;
    lock.lock();
    try {
      long deadline = Waits.deadline(writeTimeoutMillis);
      while (buffered >= WINDOW && !aborted) {
        Waits.await(space, deadline, "origin took no request body", writeTimeoutMillis);
      }
      if (aborted) {
        return false;
      }
      chunks.add(ByteBuffer.wrap(b.clone(), off, len).slice());
      buffered += len;
      ch = channel;
    } finally {
      lock.unlock();
    }
    if (ch != null) {
      ch.requestOutput();
    }
    return true;
  }

  /** The whole body was written. */
  public void end() {
    DataStreamChannel ch;
    lock.lock();
    try {
      ended = true;
      ch = channel;
    } finally {
      lock.unlock();
    }
    if (ch != null) {
      ch.requestOutput();
    }
  }

  /** Stops the body (over the limit, or the client went away): the writer is released, nothing more is sent. */
  public void abort() {
    lock.lock();
    try {
      aborted = true;
      chunks.clear();
      buffered = 0;
      space.signalAll();
    } finally {
      lock.unlock();
    }
  }

  boolean aborted() {
    lock.lock();
    try {
      return aborted;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void produce(DataStreamChannel ch) throws IOException {
    lock.lock();
    try {
      channel = ch;
      while (!chunks.isEmpty()) {
        ByteBuffer head = chunks.peek();
        int before = head.remaining();
        ch.write(head);
        buffered -= before - head.remaining();
        if (head.hasRemaining()) {
          break;
        }
        chunks.poll();
      }
      space.signalAll();
      if (chunks.isEmpty() && ended && !aborted) {
        ch.endStream();
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int available() {
    lock.lock();
    try {
      return buffered > 0 ? buffered : ended ? 1 : 0;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean isRepeatable() {
    return false;
  }

  @Override
  public void failed(Exception cause) {
    abort();
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
  public void releaseResources() {
    abort();
  }
}
