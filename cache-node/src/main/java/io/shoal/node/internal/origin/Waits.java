package io.shoal.node.internal.origin;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/** Bounded waits of a body stream for its other side: the origin's data, or room for the client's. */
final class Waits {
  private Waits() {}

  /** The {@link System#nanoTime()} {@code timeoutMillis} from now. */
  static long deadline(long timeoutMillis) {
    return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
  }

  /**
   * Waits on {@code condition}, its lock held, until it is signalled or {@code deadline} passes;
   * fails with "{@code what} for {@code timeoutMillis} ms" when the deadline has passed already,
   * and with an {@link InterruptedIOException} (the interrupt kept) when interrupted.
   */
  static void await(Condition condition, long deadline, String what, long timeoutMillis) throws IOException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new SocketTimeoutException(what + " for " + timeoutMillis + " ms");
    }
    try {
      condition.awaitNanos(left);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
  }
}
