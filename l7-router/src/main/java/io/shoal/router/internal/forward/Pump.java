package io.shoal.router.internal.forward;

import io.undertow.connector.ByteBufferPool;
import io.undertow.connector.PooledByteBuffer;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.xnio.XnioExecutor;
import org.xnio.XnioIoThread;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.channels.StreamSourceChannel;

/**
 * Copies a source channel to a sink channel on one I/O thread until the source ends, through one
 * pooled buffer, with back-pressure both ways: it reads only what the sink took, and waits for
 * readiness instead of blocking. At the source's end it calls {@code onEnd}, then shuts the sink
 * down and flushes it. A failure is reported once, saying which side failed.
 */
public final class Pump implements Runnable {
  /** Where a failure came from. */
  public interface Failure {
    void failed(IOException e, boolean fromSource);
  }

  private final StreamSourceChannel source;
  private final StreamSinkChannel sink;
  private final ByteBufferPool pool;
  private final Runnable onEnd;
  private final Failure onError;
  private PooledByteBuffer buffer;
  private long moved;
  private long progress = System.nanoTime();
  private boolean waitingOnSource;
  private boolean ended;
  private boolean finished;
  private boolean failed;
  private XnioIoThread thread;
  private Duration timeout;
  private XnioExecutor.Key watch;

  public Pump(StreamSourceChannel source, StreamSinkChannel sink, ByteBufferPool pool, Runnable onEnd, Failure onError) {
    this.source = source;
    this.sink = sink;
    this.pool = pool;
    this.onEnd = onEnd;
    this.onError = onError;
    source.getReadSetter().set(ch -> {
      ch.suspendReads();
      run();
    });
    sink.getWriteSetter().set(ch -> {
      ch.suspendWrites();
      run();
    });
  }

  /** Bytes read from the source so far. */
  public long moved() {
    return moved;
  }

  /** Whether the source ended and the sink took and flushed everything. */
  public boolean finished() {
    return finished;
  }

  /**
   * Fails the pump (as from the source) when it waits on the source for longer than {@code timeout}
   * with no byte: a stalled sender. Waiting on a slow sink is the sink's business. The timer is
   * armed only while the pump waits on the source.
   */
  public void watch(XnioIoThread thread, Duration timeout) {
    this.thread = thread;
    this.timeout = timeout;
  }

  private void armWatch() {
    if (thread != null && watch == null) {
      watch = thread.executeAfter(this::checkStall, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private void checkStall() {
    watch = null;
    if (finished || failed) {
      return;
    }
    if (waitingOnSource && System.nanoTime() - progress >= timeout.toNanos()) {
      fail(new SocketTimeoutException("no bytes within " + timeout), true);
      return;
    }
    armWatch();
  }

  /** Moves what can be moved now; called again by the channels when they are ready. */
  @Override
  public void run() {
    if (finished || failed) {
      return;
    }
    if (buffer == null) {
      buffer = pool.allocate();
      buffer.getBuffer().clear().flip();
    }
    ByteBuffer b = buffer.getBuffer();
    while (true) {
      if (b.hasRemaining()) {
        try {
          sink.write(b);
        } catch (IOException e) {
          fail(e, false);
          return;
        }
        if (b.hasRemaining()) {
          waitingOnSource = false;
          sink.resumeWrites();
          return;
        }
      }
      if (ended) {
        boolean flushed;
        try {
          flushed = sink.flush();
        } catch (IOException e) {
          fail(e, false);
          return;
        }
        if (!flushed) {
          waitingOnSource = false;
          sink.resumeWrites();
          return;
        }
        finished = true;
        free();
        return;
      }
      b.clear();
      int n;
      try {
        n = source.read(b);
      } catch (IOException e) {
        fail(e, true);
        return;
      }
      b.flip();
      if (n == 0) {
        waitingOnSource = true;
        armWatch();
        source.resumeReads();
        return;
      }
      if (n < 0) {
        ended = true;
        onEnd.run();
        try {
          sink.shutdownWrites();
        } catch (IOException e) {
          fail(e, false);
          return;
        }
      } else {
        moved += n;
        progress = System.nanoTime();
      }
    }
  }

  private void fail(IOException e, boolean fromSource) {
    if (failed) {
      return;
    }
    failed = true;
    source.suspendReads();
    sink.suspendWrites();
    free();
    onError.failed(e, fromSource);
  }

  private void free() {
    if (watch != null) {
      watch.remove();
      watch = null;
    }
    if (buffer != null) {
      buffer.close();
      buffer = null;
    }
  }
}
