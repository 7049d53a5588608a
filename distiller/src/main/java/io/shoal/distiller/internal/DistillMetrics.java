package io.shoal.distiller.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.shoal.distiller.Result;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The service's meters: {@code shoal.distiller.distilled} (objects, by distiller and profile),
 * {@code shoal.distiller.skipped} (by reason and distiller), {@code shoal.distiller.bytes.in} and
 * {@code .bytes.out} (of distilled objects, by distiller), {@code shoal.distiller.time} (worker time
 * per object, by distiller and outcome), and gauges {@code shoal.distiller.active} and
 * {@code .queued} of the pool.
 */
public final class DistillMetrics {
  private final MeterRegistry registry;

  public DistillMetrics(MeterRegistry registry, ThreadPoolExecutor pool) {
    this.registry = registry;
    Gauge.builder("shoal.distiller.active", pool, ThreadPoolExecutor::getActiveCount)
        .description("distillations running now").register(registry);
    Gauge.builder("shoal.distiller.queued", pool, p -> p.getQueue().size())
        .description("distillations waiting for a worker").register(registry);
  }

  /** Counts one finished request: distilled (objects and bytes) or skipped (by reason). */
  public void count(Result r, String profile) {
    String distiller = r.distiller() == null ? "none" : r.distiller();
    if (r.distilled()) {
      Counter.builder("shoal.distiller.distilled").description("objects distilled")
          .tag("distiller", distiller).tag("profile", profile).register(registry).increment();
      Counter.builder("shoal.distiller.bytes.in").baseUnit("bytes").description("bytes of originals distilled")
          .tag("distiller", distiller).register(registry).increment(r.originalLength());
      Counter.builder("shoal.distiller.bytes.out").baseUnit("bytes").description("bytes of distilled results")
          .tag("distiller", distiller).register(registry).increment(r.body().length);
    } else {
      Counter.builder("shoal.distiller.skipped").description("objects served undistilled, by reason")
          .tag("reason", r.outcome().tag()).tag("distiller", distiller).register(registry).increment();
    }
  }

  /** Records the worker time of one object. */
  public void time(String distiller, Result r, long nanos) {
    Timer.builder("shoal.distiller.time").description("worker time per object")
        .tag("distiller", distiller).tag("outcome", r.distilled() ? "distilled" : "skipped")
        .register(registry).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }
}
