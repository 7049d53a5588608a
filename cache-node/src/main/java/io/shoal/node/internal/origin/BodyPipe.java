package io.shoal.node.internal.origin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.hc.core5.http.nio.CapacityChannel;

/**
 * An origin response body on its way to a client: the client's I/O reactor thread offers chunks,
 * a relaying thread reads them. Back-pressure: the origin may send only as many bytes as the
 * reader has consumed (the HTTP/1.1 window of the client), so memory stays bounded however big
 * the body.
 */
final class BodyPipe extends InputStream {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition readable = lock.newCondition();
  private final ArrayDeque<ByteBuffer> chunks = new ArrayDeque<>();
  private final long readTimeoutMillis;
  private final Runnable abort;
  private CapacityChannel channel;
  private int pendingCapacity;
  private boolean ended;
  private boolean closed;
  private IOException failure;

  BodyPipe(long readTimeoutMillis, Runnable abort) {
    this.readTimeoutMillis = readTimeoutMillis;
    this.abort = abort;
  }

  void capacity(CapacityChannel ch) throws IOException {
    int increment;
    lock.lock();
    try {
      channel = ch;
      increment = pendingCapacity;
      pendingCapacity = 0;
    } finally {
      lock.unlock();
    }
    if (increment > 0) {
      ch.update(increment);
    }
  }

  void offer(ByteBuffer src) {
    ByteBuffer copy = ByteBuffer.allocate(src.remaining());
    copy.put(src).flip();
    lock.lock();
    try {
      if (!closed) {
        chunks.add(copy);
        readable.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  void end() {
    lock.lock();
    try {
      ended = true;
      readable.signalAll();
    } finally {
      lock.unlock();
    }
  }

  void fail(Exception cause) {
    lock.lock();
    try {
      if (!ended) {
        failure = cause instanceof IOException ? (IOException) cause : new IOException(cause);
      }
      readable.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int n;
    CapacityChannel ch;
    lock.lock();
    try {
      long deadline = Waits.deadline(readTimeoutMillis);
      while (chunks.isEmpty() && !ended && failure == null && !closed) {
        Waits.await(readable, deadline, "origin sent no data", readTimeoutMillis);
      }
      if (closed) {
        throw new IOException("body closed");
      }
      if (chunks.isEmpty()) {
        if (failure != null) {
          throw failure;
        }
        return -1;
      }
      ByteBuffer head = chunks.peek();
      n = Math.min(len, head.remaining());
      head.get(b, off, n);
      if (!head.hasRemaining()) {
        chunks.poll();
      }
      ch = channel;
      if (ch == null) {
        pendingCapacity += n;
      }
    } finally {
      lock.unlock();
    }
    if (ch != null) {
      ch.update(n);
    }
    return n;
  }

  @Override
  public int available() {
    lock.lock();
    try {
      long n = 0;
      for (ByteBuffer b : chunks) {
        n += b.remaining();
      }
      return (int) Math.min(Integer.MAX_VALUE, n);
    } finally {
      lock.unlock();
    }
  }

  /** Stops the transfer; when the body was not read to its end, the origin connection is dropped. */
  @Override
  public void close() {
    boolean complete;
    lock.lock();
    try {
      complete = ended && chunks.isEmpty();
      closed = true;
      chunks.clear();
      readable.signalAll();
    } finally {
      lock.unlock();
    }
    if (!complete) {
      abort.run();
    }
  }
}
