package io.shoal.router.internal;

import io.shoal.router.LoadReport;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * This node's load as the router sees it: requests in flight, the machine's CPU use (when the JVM
 * tells it), and the request rate since the previous sample. Cache fill is the node's to report.
 */
public final class LocalLoad implements Supplier<LoadReport> {
  private final LongSupplier inFlight;
  private final LongSupplier requests;
  private long lastRequests;
  private long lastNanos = System.nanoTime();

  public LocalLoad(LongSupplier inFlight, LongSupplier requests) {
    this.inFlight = inFlight;
    this.requests = requests;
    this.lastRequests = requests.getAsLong();
  }

  @Override
  public synchronized LoadReport get() {
    long now = System.nanoTime();
    long count = requests.getAsLong();
    double seconds = (now - lastNanos) / 1e9;
    double rate = seconds <= 0 ? 0 : (count - lastRequests) / seconds;
    lastNanos = now;
    lastRequests = count;
    return new LoadReport(Math.max(0, inFlight.getAsLong()), cpu(), 0, Math.max(0, rate));
  }

  private static double cpu() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      double load = os.getCpuLoad();
      return load >= 0 && load <= 1 ? load : Double.NaN;
    }
    return Double.NaN;
  }
}
