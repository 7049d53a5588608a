package io.shoal.bench.replay;

import io.shoal.base.Checks;
import io.shoal.bench.origin.BenchOriginSettings;
import io.shoal.bench.replay.internal.Engine;
import io.shoal.bench.replay.internal.Feed;
import io.shoal.bench.replay.internal.Probes;
import io.shoal.bench.replay.internal.Tally;
import io.shoal.traces.TraceRequest;
import io.shoal.traces.Traces;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop replay of a trace through an HTTP proxy: {@code connections} virtual users each
 * send the trace's next GET as an absolute-URI request for its object on the benchmark origin
 * ({@link io.shoal.bench.origin.ObjectUrls}) and wait for the whole response before the next.
 * Runs until the trace ends, {@code requests} have been sent, or the measured {@code duration}
 * (after {@code warmup}) is over — or {@link #stop()}.
 *
 * <pre>{@code
 * ReplayResult r = Replay.builder()
 *     .proxy(URI.create("http://127.0.0.1:3128"))
 *     .origin(origin.uri())
 *     .trace("webcachesim:classpath:bu-1998-webcachesim.tr.gz")
 *     .connections(63).keepAlive(true)
 *     .build().run();
 * }</pre>
 */
public final class Replay {
  private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);
  private final URI proxy;
  private final URI origin;
  private final String name;
  private final Supplier<Stream<TraceRequest>> requests;
  private final int connections;
  private final int threads;
  private final Duration duration;
  private final long maxRequests;
  private final Duration warmup;
  private final boolean keepAlive;
  private final Duration timeout;
  private final double imageShare;
  private final long defaultSize;
  private final String label;
  private final List<URI> statusUris;
  private final Tally tally = new Tally();
  private volatile Engine engine;
  private volatile boolean stopped;
  private volatile long startNanos;

  private Replay(Builder b) {
    this.proxy = b.proxy;
    this.origin = b.origin;
    this.name = b.name;
    this.requests = b.requests;
    this.connections = b.connections;
    this.threads = b.threads;
    this.duration = b.duration;
    this.maxRequests = b.maxRequests;
    this.warmup = b.warmup;
    this.keepAlive = b.keepAlive;
    this.timeout = b.timeout;
    this.imageShare = b.imageShare;
    this.defaultSize = b.defaultSize;
    this.label = b.label;
    this.statusUris = b.statusUris;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the replay to its end (or {@link #stop()}) and returns what it measured.
   *
   * @throws IllegalStateException when the proxy cannot be reached, or the trace fails while read
   *     (the message names the file and line)
   */
  public ReplayResult run() {
    InetSocketAddress proxyAddress = new InetSocketAddress(proxy.getHost(), port(proxy));
    Probes.reachable(proxy, proxyAddress);
    long[] originBefore = Probes.originCounts(origin);
    Map<String, Long> nodesBefore = nodeTotals();
    boolean interrupted = false;
    Feed feed;
    try (Stream<TraceRequest> trace = requests.get()) {
      feed = new Feed(trace.iterator(), origin.toString().replaceAll("/+$", ""), imageShare, defaultSize,
          maxRequests);
      startNanos = System.nanoTime();
      long measureFrom = startNanos + warmup.toNanos();
      tally.measureFrom(measureFrom);
      long deadline = duration == null ? 0 : measureFrom + duration.toNanos();
      tally.measureTo(deadline);
      Engine e = new Engine(new Engine.Config(proxyAddress, origin.getRawAuthority(), connections, threads,
          keepAlive, timeout.toNanos(), Math.min(timeout.toMillis(), 10_000), deadline), feed, tally);
      engine = e;
      try {
        if (stopped) {
          e.stop();
        }
        e.start();
        interrupted = await(e, deadline);
      } finally {
        e.close();
      }
    }
    if (feed.failure() != null) {
      throw new IllegalStateException(feed.failure().getMessage(), feed.failure());
    }
    long[] originAfter = Probes.originCounts(origin);
    return result(feed, originBefore, originAfter, nodesBefore, interrupted || stopped);
  }

  /** Whether the run was interrupted (then it waited a grace period for requests in flight). */
  private boolean await(Engine e, long deadline) {
    try {
      while (!e.await(TimeUnit.MILLISECONDS.toNanos(200))) {
        if (deadline != 0 && System.nanoTime() - deadline > 0) {
          return false; // the measured period is over: requests still in flight are cut, not measured
        }
        if (stopped) {
          e.stop();
          e.await(GRACE_NANOS);
          return true;
        }
      }
      return false;
    } catch (InterruptedException ie) {
      stopped = true;
      e.stop();
      try {
        e.await(GRACE_NANOS);
      } catch (InterruptedException again) {
        // give up waiting: the connections are closed next
      }
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /** Stops sending; {@link #run()} returns the partial result after requests in flight end. */
  public void stop() {
    stopped = true;
    Engine e = engine;
    if (e != null) {
      e.stop();
    }
  }

  /** Requests completed so far (warm-up included), for progress. */
  public long completed() {
    return tally.completed();
  }

  /** Nanoseconds since the replay started sending, 0 before. */
  public long elapsedNanos() {
    long s = startNanos;
    return s == 0 ? 0 : System.nanoTime() - s;
  }

  private ReplayResult result(Feed feed, long[] originBefore, long[] originAfter,
      Map<String, Long> nodesBefore, boolean interrupted) {
    Tally.Snapshot s = tally.snapshot();
    long from = tally.measureFrom();
    double seconds = s.lastNanos() == 0 ? 0 : Math.max(0, s.lastNanos() - from) / 1e9;
    if (duration != null && !feed.exhausted() && s.lastNanos() != 0) {
      seconds = duration.toNanos() / 1e9; // the measured period ran to its end
    }
    Map<String, Long> statusRequests = new HashMap<>();
    nodeTotals().forEach((n, after) -> statusRequests.put(n, after - nodesBefore.getOrDefault(n, 0L)));
    return new ReplayResult(
        new ReplayResult.Setup(label, proxy.toString(), name, connections, keepAlive),
        new ReplayResult.Traffic(seconds, s.warmup(), s.ok(), s.bodyBytes(), feed.skipped()),
        s.hits(), s.breakdown(),
        new ReplayResult.Servers(statusRequests,
            originBefore != null && originAfter != null ? originAfter[0] - originBefore[0] : -1,
            originAfter != null ? originAfter[1] : -1),
        latency(s.latencyMicros()), interrupted);
  }

  private static ReplayResult.Latency latency(Histogram h) {
    if (h.getTotalCount() == 0) {
      return new ReplayResult.Latency(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    return new ReplayResult.Latency(ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
        ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()), h.getMean() / 1000);
  }

  private Map<String, Long> nodeTotals() {
    Map<String, Long> totals = new HashMap<>();
    for (URI u : statusUris) {
      Object[] n = Probes.nodeRequests(u);
      if (n != null) {
        totals.merge((String) n[0], (Long) n[1], Long::sum);
      }
    }
    return totals;
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }

  private static int port(URI u) {
    return u.getPort() >= 0 ? u.getPort() : 80;
  }

  /**
   * Settings of a {@link Replay}; each setter checks its value. {@link #build()} copies them: the
   * replay does not change when the builder does afterwards.
   */
  public static final class Builder {
    private URI proxy;
    private URI origin;
    private String name;
    private Supplier<Stream<TraceRequest>> requests;
    private int connections = ReplaySettings.CONNECTIONS.defaultValue();
    private int threads = ReplaySettings.threads(ReplaySettings.THREADS.defaultValue());
    private Duration duration;
    private long maxRequests;
    private Duration warmup = ReplaySettings.WARMUP.defaultValue();
    private boolean keepAlive;
    private Duration timeout = ReplaySettings.TIMEOUT.defaultValue();
    private double imageShare = ReplaySettings.IMAGES.defaultValue();
    private long defaultSize = BenchOriginSettings.DEFAULT_SIZE.defaultValue();
    private String label = ReplaySettings.LABEL.defaultValue();
    private List<URI> statusUris = List.of();

    private Builder() {}

    /** The proxy, {@code http://HOST:PORT}. */
    public Builder proxy(URI proxy) {
      this.proxy = http("proxy", proxy);
      return this;
    }

    /** The benchmark origin, {@code http://HOST:PORT}. */
    public Builder origin(URI origin) {
      this.origin = http("origin", origin);
      return this;
    }

    /** The trace to replay, {@code FORMAT:PATH} (opened when the run starts). */
    public Builder trace(String spec) {
      Objects.requireNonNull(spec, "spec");
      Traces.format(spec); // fail fast on a bad spec or format
      this.name = spec;
      this.requests = () -> Traces.open(spec).requests();
      return this;
    }

    /** The requests to replay, named {@code name} in the result. */
    public Builder requests(String name, Supplier<Stream<TraceRequest>> requests) {
      this.name = Objects.requireNonNull(name, "name");
      this.requests = Objects.requireNonNull(requests, "requests");
      return this;
    }

    /** Concurrent connections (virtual users); default: {@code bench.replay.connections}. */
    public Builder connections(int connections) {
      this.connections = Checks.positive("connections", connections);
      return this;
    }

    /**
     * Client event-loop threads; default: {@code bench.replay.threads}. One loop
     * serves over 100k requests/s of 1 KB on its own; more loops split the responses into smaller
     * batches, so a loop wakes up more often per request, which costs CPU the server under test
     * (usually on the same machine) could use.
     */
    public Builder threads(int threads) {
      this.threads = Checks.positive("threads", threads);
      return this;
    }

    /** How long to measure after the warm-up; null (default) until the trace ends. */
    public Builder duration(Duration duration) {
      this.duration = Checks.positiveOrNull("duration", duration);
      return this;
    }

    /** Most requests to send, warm-up included; 0 (default) for the whole trace. */
    public Builder maxRequests(long maxRequests) {
      if (maxRequests < 0) {
        throw new IllegalArgumentException("requests: " + maxRequests + " (expected: > 0, or 0 for the whole trace)");
      }
      this.maxRequests = maxRequests;
      return this;
    }

    /** How long to send before measuring; default: {@code bench.replay.warmup}. */
    public Builder warmup(Duration warmup) {
      this.warmup = Checks.notNegative("warmup", warmup);
      return this;
    }

    /** Reuse connections (HTTP/1.1 keep-alive); default off: a connection per request. */
    public Builder keepAlive(boolean keepAlive) {
      this.keepAlive = keepAlive;
      return this;
    }

    /** A request without its whole response after this long is an error; default: {@code bench.replay.timeout}. */
    public Builder timeout(Duration timeout) {
      this.timeout = Checks.positive("timeout", timeout);
      return this;
    }

    /** The share of numeric object ids served as JPEG images, 0..1; default: {@code bench.replay.images}. */
    public Builder imageShare(double imageShare) {
      if (!(imageShare >= 0 && imageShare <= 1)) {
        throw new IllegalArgumentException("images: " + imageShare + " (expected: 0..1)");
      }
      this.imageShare = imageShare;
      return this;
    }

    /** The size of trace requests that carry none; default: {@code bench.origin.default-size}. */
    public Builder defaultSize(long defaultSize) {
      this.defaultSize = Checks.notNegative("defaultSize", defaultSize);
      return this;
    }

    /** The run's name in reports; default: {@code bench.replay.label}. */
    public Builder label(String label) {
      this.label = Objects.requireNonNull(label, "label");
      return this;
    }

    /** Shoal admin {@code /status} URIs whose request counts the result reports per node. */
    public Builder status(List<URI> statusUris) {
      this.statusUris = List.copyOf(statusUris);
      return this;
    }

    public Replay build() {
      if (proxy == null) {
        throw new IllegalArgumentException("proxy: not set (expected: http://HOST:PORT)");
      }
      if (origin == null) {
        throw new IllegalArgumentException("origin: not set (expected: http://HOST:PORT)");
      }
      if (requests == null) {
        throw new IllegalArgumentException("trace: not set (expected: FORMAT:PATH)");
      }
      return new Replay(this);
    }

    private static URI http(String what, URI u) {
      Objects.requireNonNull(u, what);
      if (!"http".equals(u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT))
          || u.getHost() == null) {
        throw new IllegalArgumentException(what + ": \"" + u + "\" (expected: http://HOST:PORT)");
      }
      return u;
    }
  }
}
