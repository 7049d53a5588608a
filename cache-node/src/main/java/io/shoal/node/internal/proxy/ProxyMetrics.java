package io.shoal.node.internal.proxy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The proxy's meters: requests by cache result, origin latency, in-flight requests and errors by
 * status. Cache size and evictions are bound by the node from Caffeine's statistics.
 */
public final class ProxyMetrics {
  private final MeterRegistry registry;
  private final Timer originLatency;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final java.util.concurrent.atomic.LongAdder requests = new java.util.concurrent.atomic.LongAdder();
  private final java.util.concurrent.atomic.LongAdder hits = new java.util.concurrent.atomic.LongAdder();
  /** The request counters by result and the error counters by status, registered on first use. */
  private final Map<String, Counter> byResult = new ConcurrentHashMap<>();
  private final Map<Integer, Counter> byStatus = new ConcurrentHashMap<>();

  public ProxyMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.originLatency = Timer.builder("shoal.origin.latency")
        .description("Time from sending a request to an origin to its response head")
        .publishPercentileHistogram()
        .register(registry);
    registry.gauge("shoal.requests.in.flight", inFlight);
  }

  void started() {
    inFlight.incrementAndGet();
  }

  /** One request done, with its X-Cache result and status. */
  void finished(String result, int status) {
    inFlight.decrementAndGet();
    requests.increment();
    if (result.equals("HIT")) {
      hits.increment();
    }
    byResult.computeIfAbsent(result, r -> Counter.builder("shoal.requests").description("Requests by cache result")
        .tag("result", r).register(registry)).increment();
    if (status >= 400) {
      byStatus.computeIfAbsent(status, st -> Counter.builder("shoal.errors").description("Error replies by status")
          .tag("status", Integer.toString(st)).register(registry)).increment();
    }
  }

  void originLatency(long nanos) {
    originLatency.record(nanos, TimeUnit.NANOSECONDS);
  }

  public long requests() {
    return requests.sum();
  }

  public long hits() {
    return hits.sum();
  }

  public int inFlight() {
    return inFlight.get();
  }
}
