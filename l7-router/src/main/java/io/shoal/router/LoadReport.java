package io.shoal.router;

/**
 * What a node reports about its load: requests in flight, CPU use (0-1, NaN when unknown), cache
 * fill (0-1) and requests per second. {@link #inFlight()} is the load placement uses.
 */
public record LoadReport(long inFlight, double cpu, double cacheFill, double requestRate) {

  /** Nothing known yet. */
  public static final LoadReport NONE = new LoadReport(0, Double.NaN, 0, 0);

  public LoadReport {
    if (inFlight < 0) {
      throw new IllegalArgumentException("inFlight: " + inFlight + " (expected: >= 0)");
    }
    if (cpu < 0 || cpu > 1) {
      throw new IllegalArgumentException("cpu: " + cpu + " (expected: 0-1, or NaN when unknown)");
    }
    if (!(cacheFill >= 0 && cacheFill <= 1)) {
      throw new IllegalArgumentException("cacheFill: " + cacheFill + " (expected: 0-1)");
    }
    if (!(requestRate >= 0) || Double.isInfinite(requestRate)) {
      throw new IllegalArgumentException("requestRate: " + requestRate + " (expected: a finite number >= 0)");
    }
  }

  /** Just a count of requests in flight. */
  public static LoadReport inFlight(long inFlight) {
    return new LoadReport(inFlight, Double.NaN, 0, 0);
  }

  /**
   * Whether this report differs from {@code last} by more than {@code threshold}: relative for
   * in-flight requests and request rate (with an absolute floor of 1), absolute for CPU and fill.
   */
  public boolean differsFrom(LoadReport last, double threshold) {
    return relative(inFlight, last.inFlight, threshold)
        || relative(requestRate, last.requestRate, threshold)
        || absolute(cpu, last.cpu, threshold)
        || absolute(cacheFill, last.cacheFill, threshold);
  }

  private static boolean relative(double now, double before, double threshold) {
    double diff = Math.abs(now - before);
    return diff > 1 && diff > threshold * Math.max(now, before);
  }

  private static boolean absolute(double now, double before, double threshold) {
    if (Double.isNaN(now) || Double.isNaN(before)) {
      return Double.isNaN(now) != Double.isNaN(before);
    }
    return Math.abs(now - before) > threshold;
  }
}
