package io.shoal.testsupport;

import java.time.Duration;
import java.util.Objects;

/** Polling until a condition holds: tests wait for what they need, never for a fixed time. */
public final class Await {
  private static final long POLL_MILLIS = 20;

  private Await() {}

  /** A condition that may fail to be checked (an admin request, a file read). */
  @FunctionalInterface
  public interface Condition {
    boolean holds() throws Exception;
  }

  /**
   * Returns once {@code condition} holds; throws {@link AssertionError} naming {@code what} if it
   * still does not after {@code timeout}, or if checking it throws.
   */
  public static void await(String what, Duration timeout, Condition condition) {
    Objects.requireNonNull(what, "what");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!holds(what, condition)) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  private static boolean holds(String what, Condition condition) {
    try {
      return condition.holds();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new AssertionError("checking " + what + ": " + e, e);
    }
  }
}
