package io.shoal.cli.trace;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows how far a long run has got, on standard error: a bar redrawn in place on a terminal,
 * or a plain line every {@link #LINE_INTERVAL_NANOS} otherwise. Short runs print nothing.
 * {@link #tick()} is cheap enough to call per request.
 */
public final class Progress implements AutoCloseable {
  static final long BAR_INTERVAL_NANOS = 200_000_000L;
  static final long LINE_INTERVAL_NANOS = 10_000_000_000L;
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final String what;
  private final boolean bar;
  private final long interval;
  private final LongSupplier done;
  private final LongSupplier total;
  private final LongSupplier clock;
  private final long start;
  private long count;
  private long next;
  private boolean drawn;

  /**
   * @param done how far the run has got, in the units of {@code total} (e.g. bytes read)
   * @param total the end of the run in the same units, or -1 if unknown
   */
  Progress(PrintWriter err, String what, boolean bar, long interval, LongSupplier done,
      LongSupplier total, LongSupplier clock) {
    this.err = err;
    this.what = what;
    this.bar = bar;
    this.interval = interval;
    this.done = done;
    this.total = total;
    this.clock = clock;
    this.start = clock.getAsLong();
    this.next = start + interval;
  }

  /** Progress on the real terminal, if there is one, else in periodic lines. */
  public static Progress of(PrintWriter err, String what, LongSupplier done, LongSupplier total) {
    boolean terminal = System.console() != null;
    return new Progress(err, what, terminal, terminal ? BAR_INTERVAL_NANOS : LINE_INTERVAL_NANOS,
        done, total, System::nanoTime);
  }

  /** Counts one request. */
  void tick() {
    if ((++count & 0xfff) == 0) {
      long now = clock.getAsLong();
      if (now >= next) {
        show(now);
        next = now + interval;
      }
    }
  }

  /**
   * Sets the count to {@code n}, for runs counted elsewhere (e.g. on other threads), and shows
   * progress if it is due; call it from one thread, as often as convenient.
   */
  public void set(long n) {
    count = n;
    long now = clock.getAsLong();
    if (now >= next) {
      show(now);
      next = now + interval;
    }
  }

  /** How many requests were counted. */
  long count() {
    return count;
  }

  private void show(long now) {
    double seconds = (now - start) / 1e9;
    double rate = seconds > 0 ? count / seconds : 0;
    long t = total.getAsLong();
    double fraction = t > 0 ? Math.min(1, done.getAsLong() / (double) t) : -1;
    StringBuilder s = new StringBuilder();
    if (bar) {
      s.append('\r');
    }
    s.append(what).append(": ");
    if (bar && fraction >= 0) {
      int filled = (int) Math.round(fraction * WIDTH);
      s.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
    }
    if (fraction >= 0) {
      s.append(String.format(Locale.ROOT, "%3.0f%% ", fraction * 100));
    }
    s.append(String.format(Locale.ROOT, "%,d requests, %,.0f/s, %.0f s", count, rate, seconds));
    if (bar) {
      err.print(s);
      drawn = true;
    } else {
      err.println(s);
    }
    err.flush();
  }

  @Override
  public void close() {
    if (drawn) {
      err.println();
      err.flush();
    }
  }
}
