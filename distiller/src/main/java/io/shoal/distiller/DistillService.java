package io.shoal.distiller;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shoal.base.Checks;
import io.shoal.base.config.Config;
import io.shoal.distiller.internal.DistillMetrics;
import io.shoal.distiller.internal.MediaTypes;
import io.shoal.distiller.internal.Names;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a node calls: {@link #select} a profile from the request, {@link #distill} the full body of
 * an origin response on a bounded pool of workers, {@link #vary} for the {@code Vary} field. It never
 * throws for bad content and never waits for a worker: when every worker is busy and the queue is
 * full, the original comes back at once as {@link Outcome#OVERLOADED} (TranSend: distillation must
 * never make the proxy slower than no proxy). A caller waits at most the timeout; work it stopped
 * waiting for still finishes and holds its place until then, so the bound is never exceeded.
 * Thread-safe; close it to stop the workers.
 */
public final class DistillService implements AutoCloseable {
  /** 4096 x 4096: a 12 MP phone photo passes, a decompression bomb does not. */
  public static final long DEFAULT_MAX_PIXELS = DistillSettings.MAX_PIXELS.defaultValue();

  private final ProfileSelector selector;
  private final Map<String, Distiller> distillers;
  private final ThreadPoolExecutor pool;
  /** Workers plus queue places; a permit is held from admission until the work is done. */
  private final Semaphore admission;
  private final Duration timeout;
  private final long maxPixels;
  private final DistillMetrics metrics;

  private DistillService(Builder b) {
    this.selector = b.selector;
    this.distillers = Map.copyOf(b.distillers);
    for (Profile p : selector.profiles().values()) {
      for (String d : p.distillers()) {
        if (!distillers.containsKey(d)) {
          throw new IllegalArgumentException("profile " + p.name() + ": distiller \"" + d
              + "\" (expected one of: " + String.join(", ", b.distillers.keySet()) + ")");
        }
      }
    }
    this.admission = new Semaphore(b.threads + b.queue);
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(b.threads, b.threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "shoal-distiller-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.AbortPolicy());
    this.timeout = b.timeout;
    this.maxPixels = b.maxPixels;
    this.metrics = new DistillMetrics(b.registry, pool);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The selection for a request: which profile, if any, and whether it accepts gzip. */
  public Selection select(Headers request) {
    return selector.select(request);
  }

  /**
   * Distills the full body of a 200 response for {@code selection}. Returns at once, uncounted,
   * when the selection distills nothing; otherwise counts the outcome. Never throws for any content.
   */
  public Result distill(Selection selection, Headers response, byte[] body) {
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(body, "body");
    String contentType = response.get("Content-Type");
    if (!selection.distills()) {
      return Result.skipped(Outcome.NOT_APPLICABLE, null, contentType, body, "no profile");
    }
    Result r = run(selection, contentType, response, body);
    metrics.count(r, selection.profile().name());
    return r;
  }

  private Result run(Selection selection, String contentType, Headers response, byte[] body) {
    if (MediaTypes.noTransform(response.all("Cache-Control"))) {
      return Result.skipped(Outcome.NO_TRANSFORM, null, contentType, body, null);
    }
    if (MediaTypes.encoded(response.all("Content-Encoding"))) {
      return Result.skipped(Outcome.NOT_APPLICABLE, null, contentType, body, "encoded by the origin");
    }
    String media = MediaTypes.mediaType(contentType);
    Distiller d = distillerFor(selection.profile(), media);
    if (d == null) {
      return Result.skipped(Outcome.NOT_APPLICABLE, null, contentType, body, "no distiller for " + media);
    }
    if (d.name().equals("gzip") && !selection.acceptsGzip()) {
      return Result.skipped(Outcome.NOT_APPLICABLE, d.name(), contentType, body, "client does not accept gzip");
    }
    if (body.length == 0) {
      return Result.skipped(Outcome.EMPTY, d.name(), contentType, body, null);
    }
    Input in = new Input(media, contentType, body, selection.profile(), maxPixels);
    if (!admission.tryAcquire()) {
      return Result.skipped(Outcome.OVERLOADED, d.name(), contentType, body, null);
    }
    Future<Result> f;
    try {
      f = pool.submit(() -> work(d, in));
    } catch (RejectedExecutionException e) { // closed
      admission.release();
      return Result.skipped(Outcome.OVERLOADED, d.name(), contentType, body, "closed");
    }
    return await(f, d, in);
  }

  private Result await(Future<Result> f, Distiller d, Input in) {
    try {
      return f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) { // the work goes on and keeps its permit until done
      return Result.skipped(Outcome.TIMEOUT, d.name(), in.contentType(), in.body(), "after " + timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Result.skipped(Outcome.ERROR, d.name(), in.contentType(), in.body(), "interrupted");
    } catch (ExecutionException e) {
      return Result.skipped(Outcome.ERROR, d.name(), in.contentType(), in.body(), String.valueOf(e.getCause()));
    }
  }

  private Result work(Distiller d, Input in) {
    try {
      long start = System.nanoTime();
      Result r;
      try {
        r = Objects.requireNonNull(d.distill(in), "result");
      } catch (IOException e) {
        r = Result.skipped(Outcome.CORRUPT, d.name(), in.contentType(), in.body(), e.getMessage());
      } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
        r = Result.skipped(Outcome.ERROR, d.name(), in.contentType(), in.body(), e.toString());
      }
      metrics.time(d.name(), r, System.nanoTime() - start);
      return r;
    } finally {
      admission.release();
    }
  }

  private Distiller distillerFor(Profile profile, String media) {
    for (String name : profile.distillers()) {
      Distiller d = distillers.get(name);
      if (d.handles(media)) {
        return d;
      }
    }
    return null;
  }

  /**
   * The request fields a response of {@code contentType} varies on, for its {@code Vary} field:
   * what the choice of profile reads ({@link ProfileSelector#vary()}) when some profile distills
   * this type, and {@code Accept-Encoding} when some profile gzips it. Send it with every response of
   * this type — distilled or not, hit or miss — so no cache downstream mixes the variants.
   */
  public List<String> vary(String contentType) {
    String media = MediaTypes.mediaType(contentType);
    boolean distilled = false;
    boolean gzipped = false;
    for (Profile p : selector.profiles().values()) {
      Distiller d = distillerFor(p, media);
      distilled |= d != null;
      gzipped |= d != null && d.name().equals("gzip");
    }
    if (!distilled) {
      return List.of();
    }
    List<String> out = new java.util.ArrayList<>(selector.vary());
    if (gzipped) {
      out.add("Accept-Encoding");
    }
    return List.copyOf(out);
  }

  public ProfileSelector selector() {
    return selector;
  }

  /** Stops the workers; distillations still running are interrupted. */
  @Override
  public void close() {
    pool.shutdownNow();
  }

  /** Builds a {@link DistillService}; every setter checks its argument at once. */
  public static final class Builder {
    private ProfileSelector selector = ProfileSelector.defaults();
    private final Map<String, Distiller> distillers = new LinkedHashMap<>();
    private int threads = Runtime.getRuntime().availableProcessors();
    private int queue = -1;
    private Duration timeout = DistillSettings.TIMEOUT.defaultValue();
    private long maxPixels = DEFAULT_MAX_PIXELS;
    private MeterRegistry registry;

    private Builder() {
      for (String name : Distillers.names()) {
        distillers.put(name, Distillers.create(name));
      }
    }

    /**
     * Every setting of {@link DistillSettings} from {@code config} but {@code enabled} and
     * {@code store-original} (the node's): profiles and their selection, workers, queue, timeout,
     * pixel limit.
     */
    public Builder settings(Config config) {
      selector(ProfileSelector.builder().settings(config).build());
      timeout(config.get(DistillSettings.TIMEOUT));
      maxPixels(config.get(DistillSettings.MAX_PIXELS));
      int threads = config.get(DistillSettings.THREADS);
      int queue = config.get(DistillSettings.QUEUE);
      if (threads > 0) {
        threads(threads);
      }
      if (queue > 0 || threads > 0) {
        queue(queue > 0 ? queue : threads);
      }
      return this;
    }

    public Builder selector(ProfileSelector selector) {
      this.selector = Objects.requireNonNull(selector, "selector");
      return this;
    }

    /** Adds a distiller beside the registry's (or replaces one of the same name). */
    public Builder distiller(Distiller distiller) {
      Objects.requireNonNull(distiller, "distiller");
      distillers.put(Names.token("distiller name", distiller.name()), distiller);
      return this;
    }

    /** Worker threads, 1 to 1024; default: one per core. */
    public Builder threads(int threads) {
      this.threads = Checks.range("threads", threads, 1, 1024);
      return this;
    }

    /** Objects that may wait for a worker, 0 to 65536; default: as many as threads. Beyond: overloaded. */
    public Builder queue(int queue) {
      this.queue = Checks.range("queue", queue, 0, 65536);
      return this;
    }

    /** Longest a caller waits for its distillation (then the original, as timeout); default: {@code distill.timeout}. */
    public Builder timeout(Duration timeout) {
      this.timeout = Checks.positive("timeout", timeout);
      return this;
    }

    /** Most pixels (width x height, from the header) an image may have; default: {@code distill.max-pixels}. */
    public Builder maxPixels(long maxPixels) {
      this.maxPixels = Checks.positive("maxPixels", maxPixels);
      return this;
    }

    /** Where the meters go; default: a private {@link SimpleMeterRegistry}. */
    public Builder meterRegistry(MeterRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    public DistillService build() {
      if (queue < 0) {
        queue = threads;
      }
      if (registry == null) {
        registry = new SimpleMeterRegistry();
      }
      return new DistillService(this);
    }
  }
}
