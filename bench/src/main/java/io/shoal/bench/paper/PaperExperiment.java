package io.shoal.bench.paper;

import io.shoal.base.Checks;
import io.shoal.bench.origin.BenchOriginSettings;
import io.shoal.bench.replay.Replay;
import io.shoal.bench.replay.ReplayResult;
import io.shoal.bench.replay.ReplaySettings;
import io.shoal.traces.Traces;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs every trace x servers x strategy x architecture: for each, a fresh cluster from the
 * {@link Testbed}, the origin's counts reset, one closed-loop {@link Replay} of the trace through
 * the cluster ({@code connections per server x servers} connections, as the paper's 63 per
 * server), the cluster's storage read, the cluster stopped. {@link #stop()} (Ctrl-C) ends the
 * current replay early, tears its cluster down and returns what was measured.
 *
 * <pre>{@code
 * PaperExperiment.Results r = PaperExperiment.builder()
 *     .trace("bu", "webcachesim:classpath:bu-1998-webcachesim.tr.gz")
 *     .servers(List.of(1, 2, 4)).strategies(List.of("ketama", "carp"))
 *     .archs(List.of(Arch.CENTRALIZED, Arch.DISTRIBUTED)).requests(5_000)
 *     .build().run(testbed, origin, listener);
 * }</pre>
 */
public final class PaperExperiment {
  /** The paper's numbers of servers (Tables 4-12), the grid's default. */
  public static final List<Integer> SERVERS = List.of(1, 2, 4, 8);
  /** The paper's strategies and their successors, the grid's default. */
  public static final List<String> STRATEGIES = List.of("round-robin", "md5", "ketama", "carp", "mod-ch", "ht-rr");

  /** A trace: its name in the tables and its {@code FORMAT:PATH}. */
  public record Trace(String name, String spec) {
    public Trace {
      Objects.requireNonNull(name, "name");
      Traces.format(Objects.requireNonNull(spec, "spec"));
    }
  }

  /** What the experiment has done; every result is also returned at the end. */
  public interface Listener {
    /** A cluster is up and the replay starts. */
    void started(Trace trace, int servers, String strategy, Arch arch, Testbed.Deployment deployment);

    /** A run is over (its cluster is stopped next). */
    void finished(PaperRun run);
  }

  /** Every run, in order; {@code interrupted} when {@link #stop()} ended the experiment early. */
  public record Results(List<PaperRun> runs, boolean interrupted) {
    public Results {
      runs = List.copyOf(runs);
    }
  }

  private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private final List<Trace> traces;
  private final List<Integer> servers;
  private final List<String> strategies;
  private final List<Arch> archs;
  private final int connectionsPerServer;
  private final long requests;
  private final Duration duration;
  private final Duration warmup;
  private final boolean keepAlive;
  private final Duration timeout;
  private final double imageShare;
  private final long defaultSize;
  private final int threads;
  private final Ceiling ceiling;
  private final Object lock = new Object();
  private boolean stopped;
  /** The replay under way, from its start until its cluster's storage was read. */
  private Replay current;
  private Thread runner;

  private PaperExperiment(Builder b) {
    this.traces = List.copyOf(b.traces);
    this.servers = b.servers;
    this.strategies = b.strategies;
    this.archs = b.archs;
    this.connectionsPerServer = b.connectionsPerServer;
    this.requests = b.requests;
    this.duration = b.duration;
    this.warmup = b.warmup;
    this.keepAlive = b.keepAlive;
    this.timeout = b.timeout;
    this.imageShare = b.imageShare;
    this.defaultSize = b.defaultSize;
    this.threads = b.threads;
    this.ceiling = b.ceiling;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** How many runs the experiment has. */
  public int size() {
    return traces.size() * servers.size() * strategies.size() * archs.size();
  }

  /**
   * Runs every combination in order (trace, servers, strategy, architecture).
   *
   * @throws IllegalStateException when a cluster does not start or the replay fails; the message
   *     names the run, and the runs before it are in {@link ExperimentFailure#partial()}
   */
  public Results run(Testbed testbed, URI origin, Listener listener) {
    synchronized (lock) {
      runner = Thread.currentThread();
    }
    try {
      return runAll(testbed, origin, listener);
    } finally {
      synchronized (lock) {
        runner = null;
      }
    }
  }

  private boolean stopped() {
    synchronized (lock) {
      return stopped;
    }
  }

  private Results runAll(Testbed testbed, URI origin, Listener listener) {
    List<PaperRun> runs = new ArrayList<>();
    for (Trace t : traces) {
      for (int n : servers) {
        for (String s : strategies) {
          for (Arch a : archs) {
            if (stopped() || Thread.currentThread().isInterrupted()) {
              return new Results(runs, true);
            }
            PaperRun r;
            try {
              r = runOne(testbed, origin, listener, t, n, s, a);
            } catch (InterruptedException e) {
              return new Results(runs, true);
            } catch (RuntimeException e) {
              throw new ExperimentFailure(t.name() + ", " + n + (n == 1 ? " server, " : " servers, ") + s + ", "
                  + a.id() + ": " + e.getMessage(), e, new Results(runs, stopped()));
            }
            runs.add(r);
            listener.finished(r);
            if (r.replay().interrupted()) {
              return new Results(runs, true);
            }
          }
        }
      }
    }
    return new Results(runs, stopped());
  }

  private PaperRun runOne(Testbed testbed, URI origin, Listener listener, Trace t, int n, String s, Arch a)
      throws InterruptedException {
    resetOrigin(origin);
    try (Testbed.Deployment d = testbed.start(n, s, a)) {
      Replay.Builder rb = Replay.builder()
          .proxy(d.proxy())
          .origin(origin)
          .requests(t.spec(), () -> Traces.open(t.spec()).requests())
          .connections(connectionsPerServer * n)
          .keepAlive(keepAlive)
          .warmup(warmup)
          .timeout(timeout)
          .imageShare(imageShare)
          .defaultSize(defaultSize)
          .label(t.name() + "/" + a.id() + "/" + s + "/" + n)
          .status(d.cacheStatus())
          .duration(duration)
          .maxRequests(requests);
      if (threads > 0) {
        rb.threads(threads);
      }
      Replay replay = rb.build();
      synchronized (lock) {
        if (stopped) {
          throw new InterruptedException("stopped");
        }
        current = replay;
      }
      try {
        listener.started(t, n, s, a, d);
        d.startCounting();
        ReplayResult result = replay.run();
        List<HostUsage> hosts = d.usage();
        return new PaperRun(t.name(), a, s, n, result, Storage.of(d.cacheStatus(), result.servers().originUrls()), hosts,
            ceiling.requestsPerSecond(t, s, n, a));
      } finally {
        synchronized (lock) {
          current = null;
        }
      }
    }
  }

  /**
   * Ends the current replay (its partial result is kept: the replay is stopped, not interrupted,
   * so its closing counts are still read) and starts no further run; a cluster being started is
   * interrupted (and stopped).
   */
  public void stop() {
    synchronized (lock) {
      stopped = true;
      if (current != null) {
        current.stop();
      } else if (runner != null) {
        runner.interrupt();
      }
    }
  }

  /** Zeroes a benchmark origin's counts ({@code POST /_origin/reset}). */
  private static void resetOrigin(URI origin) throws InterruptedException {
    URI reset = origin.resolve("/_origin/reset");
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(reset).POST(HttpRequest.BodyPublishers.noBody())
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("origin " + reset + ": HTTP " + r.statusCode() + " (expected: a benchmark origin)");
      }
    } catch (IOException e) {
      throw new IllegalStateException("origin " + reset + ": " + e.getMessage(), e);
    }
  }

  /** The link-bound ceiling of a cell, in requests/s ({@code NaN}: unknown). */
  public interface Ceiling {
    Ceiling NONE = (trace, strategy, servers, arch) -> Double.NaN;

    double requestsPerSecond(Trace trace, String strategy, int servers, Arch arch);
  }

  /** A run failed; {@link #partial()} holds the runs before it. */
  public static final class ExperimentFailure extends IllegalStateException {
    private final transient Results partial;

    ExperimentFailure(String message, Throwable cause, Results partial) {
      super(message, cause);
      this.partial = partial;
    }

    public Results partial() {
      return partial;
    }
  }

  /**
   * Settings of a {@link PaperExperiment}; each setter checks its value. {@link #build()} copies
   * them: the experiment does not change when the builder does afterwards.
   */
  public static final class Builder {
    private final List<Trace> traces = new ArrayList<>();
    private List<Integer> servers = SERVERS;
    private List<String> strategies = STRATEGIES;
    private List<Arch> archs = List.of(Arch.values());
    private int connectionsPerServer = ReplaySettings.CONNECTIONS.defaultValue();
    private long requests;
    private Duration duration;
    private Duration warmup = ReplaySettings.WARMUP.defaultValue();
    private boolean keepAlive;
    private Duration timeout = ReplaySettings.TIMEOUT.defaultValue();
    private double imageShare = ReplaySettings.IMAGES.defaultValue();
    private long defaultSize = BenchOriginSettings.DEFAULT_SIZE.defaultValue();
    private int threads;
    private Ceiling ceiling = Ceiling.NONE;

    private Builder() {}

    /** Adds a trace, named {@code name} in the tables. */
    public Builder trace(String name, String spec) {
      traces.add(new Trace(name, spec));
      return this;
    }

    /** Numbers of cache nodes, each 1..64. */
    public Builder servers(List<Integer> servers) {
      this.servers = GridChecks.servers(servers, 64);
      return this;
    }

    /** Placement strategies by name (checked by the testbed's nodes). */
    public Builder strategies(List<String> strategies) {
      this.strategies = GridChecks.strategies(strategies);
      return this;
    }

    public Builder archs(List<Arch> archs) {
      this.archs = GridChecks.archs(archs);
      return this;
    }

    /** Client connections per cache node (default 63, the paper's). */
    public Builder connectionsPerServer(int connections) {
      this.connectionsPerServer = Checks.positive("connections", connections);
      return this;
    }

    /** Requests per run, warm-up included; 0 = the whole trace (default). */
    public Builder requests(long requests) {
      if (requests < 0) {
        throw new IllegalArgumentException("requests: " + requests + " (expected: > 0)");
      }
      this.requests = requests;
      return this;
    }

    /** Measured time per run after the warm-up; null = until the trace (or the requests) end. */
    public Builder duration(Duration duration) {
      this.duration = Checks.positiveOrNull("duration", duration);
      return this;
    }

    public Builder warmup(Duration warmup) {
      this.warmup = Objects.requireNonNull(warmup, "warmup");
      return this;
    }

    public Builder keepAlive(boolean keepAlive) {
      this.keepAlive = keepAlive;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    public Builder imageShare(double imageShare) {
      this.imageShare = imageShare;
      return this;
    }

    public Builder defaultSize(long defaultSize) {
      this.defaultSize = defaultSize;
      return this;
    }

    /** Client event-loop threads; 0 = the replay's default. */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /** How each run's link-bound ceiling is computed (default: not at all). */
    public Builder ceiling(Ceiling ceiling) {
      this.ceiling = Objects.requireNonNull(ceiling, "ceiling");
      return this;
    }

    public PaperExperiment build() {
      if (traces.isEmpty()) {
        throw new IllegalArgumentException("traces: none (expected: at least one)");
      }
      // fail now, not after the first cluster started, on a bad replay setting
      Replay.builder().connections(connectionsPerServer).warmup(warmup).timeout(timeout).imageShare(imageShare)
          .defaultSize(defaultSize).duration(duration).maxRequests(requests);
      return new PaperExperiment(this);
    }
  }
}
