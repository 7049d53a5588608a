package io.shoal.bench.replay.internal;

import io.shoal.bench.replay.ReplayResult;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What a replay has measured so far; safe for the client's event loops to write at once.
 * Responses that complete before the end of the warm-up are only counted as warm-up, and with a
 * measured period, those that complete after its end are not counted: throughput is completions
 * within the period, unbiased by how long each response takes (a large one started in the
 * warm-up and finished in the period counts, as one in flight at the end does not).
 */
public final class Tally {
  private static final long MAX_MICROS = TimeUnit.HOURS.toMicros(1);
  private final Recorder latency = new Recorder(MAX_MICROS, 3);
  private final Histogram total = new Histogram(MAX_MICROS, 3);
  private final LongAdder completed = new LongAdder();
  private final LongAdder warmup = new LongAdder();
  private final LongAdder ok = new LongAdder();
  private final LongAdder bodyBytes = new LongAdder();
  private final LongAdder tagged = new LongAdder();
  private final LongAdder hits = new LongAdder();
  private final LongAdder hitBytes = new LongAdder();
  private final ConcurrentHashMap<String, LongAdder> cacheResults = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongAdder> nodes = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final AtomicLong lastNanos = new AtomicLong();
  private volatile long measureFrom;
  private volatile long measureTo;

  /** Responses completing at or after {@code nanos} (System.nanoTime) are measured. */
  public void measureFrom(long nanos) {
    this.measureFrom = nanos;
  }

  public long measureFrom() {
    return measureFrom;
  }

  /**
   * Ends the measured period at {@code nanos} ({@code 0}: none): what completes later (requests
   * still in flight at the end of a timed run, and their cut) is not measured.
   */
  public void measureTo(long nanos) {
    this.measureTo = nanos;
  }

  private boolean late(long endNanos) {
    return measureTo != 0 && endNanos - measureTo > 0;
  }

  /** A whole response to a request started at {@code startNanos}. */
  public void response(long startNanos, long endNanos, int status, XCache xCache, long body) {
    completed.increment();
    if (late(endNanos)) {
      return;
    }
    if (endNanos - measureFrom < 0) {
      warmup.increment();
      return;
    }
    latency.recordValue(Math.min(MAX_MICROS, Math.max(0, (endNanos - startNanos) / 1000)));
    lastNanos.accumulateAndGet(endNanos, (a, b) -> b - a > 0 ? b : a);
    statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
    if (status >= 400) {
      errors.computeIfAbsent("http " + status, s -> new LongAdder()).increment();
      return;
    }
    ok.increment();
    bodyBytes.add(body);
    if (xCache == null) {
      return;
    }
    tagged.increment();
    cacheResults.computeIfAbsent(xCache.result(), s -> new LongAdder()).increment();
    if (xCache.hit()) {
      hits.increment();
      hitBytes.add(body);
    }
    if (xCache.node() != null) {
      nodes.computeIfAbsent(xCache.node(), s -> new LongAdder()).increment();
    }
  }

  /** A request that got no whole response, by kind ("connect refused", "timeout", ...). */
  public void error(long startNanos, String kind) {
    completed.increment();
    long now = System.nanoTime();
    if (late(now)) {
      return;
    }
    if (now - measureFrom < 0) {
      warmup.increment();
      return;
    }
    errors.computeIfAbsent(kind, s -> new LongAdder()).increment();
  }

  /** Responses and errors so far, warm-up included. */
  public long completed() {
    return completed.sum();
  }

  /** A copy of the measurements (the latency histogram is drained into the running total). */
  public synchronized Snapshot snapshot() {
    total.add(latency.getIntervalHistogram());
    return new Snapshot(warmup.sum(), ok.sum(), bodyBytes.sum(),
        new ReplayResult.Hits(tagged.sum(), hits.sum(), hitBytes.sum()),
        new ReplayResult.Breakdown(sums(errors), sums(statuses), sums(cacheResults), sums(nodes)),
        total.copy(), lastNanos.get());
  }

  private static <K extends Comparable<K>> Map<K, Long> sums(Map<K, LongAdder> m) {
    Map<K, Long> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /** The measurements at one moment; latency in microseconds. */
  public record Snapshot(long warmup, long ok, long bodyBytes, ReplayResult.Hits hits,
      ReplayResult.Breakdown breakdown, Histogram latencyMicros, long lastNanos) {}
}
