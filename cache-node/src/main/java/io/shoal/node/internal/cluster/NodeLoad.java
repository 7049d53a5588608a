package io.shoal.node.internal.cluster;

import io.shoal.router.LoadReport;
import java.lang.management.ManagementFactory;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/** What this node reports as its load: in-flight requests, CPU use, cache fill, request rate. */
final class NodeLoad implements java.util.function.Supplier<LoadReport> {
  private final LongSupplier inFlight;
  private final LongSupplier requests;
  private final DoubleSupplier cacheFill;
  private long lastRequests;
  private long lastNanos = System.nanoTime();

  NodeLoad(LongSupplier inFlight, LongSupplier requests, DoubleSupplier cacheFill) {
    this.inFlight = inFlight;
    this.requests = requests;
    this.cacheFill = cacheFill;
  }

  @Override
  public synchronized LoadReport get() {
    long now = System.nanoTime();
    long count = requests.getAsLong();
    double seconds = (now - lastNanos) / 1e9;
    double rate = seconds <= 0 ? 0 : Math.max(0, (count - lastRequests) / seconds);
    lastNanos = now;
    lastRequests = count;
    double fill = Math.min(1, Math.max(0, cacheFill.getAsDouble()));
    return new LoadReport(Math.max(0, inFlight.getAsLong()), cpu(), fill, rate);
  }

  private static double cpu() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      double load = os.getCpuLoad();
      return load >= 0 && load <= 1 ? load : Double.NaN;
    }
    return Double.NaN;
  }
}
