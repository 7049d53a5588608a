package io.shoal.cli.bench;

import io.shoal.bench.origin.BenchOrigin;
import io.shoal.bench.replay.Replay;
import io.shoal.bench.replay.ReplayResult;
import io.shoal.bench.report.ReportFormat;
import io.shoal.cli.trace.Progress;
import io.shoal.traces.TraceFormat;
import io.shoal.traces.TraceSource;
import io.shoal.traces.Traces;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shoal bench replay}: replays a trace through a proxy, closed loop, and reports what it
 * measured. Ctrl-C (or SIGTERM) stops sending, waits briefly for requests in flight, stops the
 * embedded origin and prints the partial results.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Replay a trace through an HTTP forward proxy (Shoal, Squid, nginx, ...): each of"
        + " --connections virtual users sends the trace's next GET as an absolute-URI request for the"
        + " object on the benchmark origin and waits for the whole response.",
        "Reports requests/s, Mbit/s, hit ratio and byte hit ratio (from X-Cache), errors by kind,"
        + " latency percentiles, and per-node shares (X-Cache '... from NODE', and --status)."})
public final class BenchReplayCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Option(names = "--proxy", required = true, paramLabel = "URL", description = "The proxy, e.g. http://127.0.0.1:3128.")
  String proxy;

  @Option(names = "--trace", required = true, paramLabel = "FORMAT:PATH",
      description = "The trace, e.g. webcachesim:classpath:bu-1998-webcachesim.tr.gz.")
  String trace;

  @Option(names = "--origin", paramLabel = "URL",
      description = "A running benchmark origin ('shoal bench origin'); default: start one on loopback.")
  String origin;

  @Option(names = "--origin-port", defaultValue = "0", paramLabel = "PORT",
      description = "Port of the embedded origin (default: any free port).")
  int originPort;

  @Option(names = "--max-age", defaultValue = "1d", paramLabel = "DURATION",
      description = "Embedded origin: Cache-Control max-age, 'none' for no-store (default: ${DEFAULT-VALUE}).")
  String maxAge;

  @Option(names = "--origin-latency", defaultValue = "0ms", paramLabel = "DURATION",
      description = "Embedded origin: delay before each response (default: ${DEFAULT-VALUE}).")
  String originLatency;

  @Option(names = "--origin-bandwidth", defaultValue = "0", paramLabel = "RATE",
      description = "Embedded origin: rate cap per response, e.g. 10mbit (default: none).")
  String originBandwidth;

  @Option(names = "--connections", defaultValue = "63", description = "Concurrent connections (default: ${DEFAULT-VALUE}, the paper's per server).")
  int connections;

  @Option(names = "--duration", paramLabel = "DURATION", description = "Measure this long after the warm-up, e.g. 60s (default: until the trace ends).")
  String duration;

  @Option(names = "--requests", paramLabel = "N", description = "Send at most N requests, warm-up included (default: the whole trace).")
  Long requests;

  @Option(names = "--warmup", defaultValue = "0s", paramLabel = "DURATION", description = "Send but do not measure for this long first (default: ${DEFAULT-VALUE}).")
  String warmup;

  @Option(names = "--keep-alive", description = "Reuse connections (default: one connection per request).")
  boolean keepAlive;

  @Option(names = "--timeout", defaultValue = "30s", paramLabel = "DURATION", description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(names = "--threads", paramLabel = "N", description = "Client event-loop threads (default: a quarter of the cores, 1 to 4).")
  Integer threads;

  @Option(names = "--images", defaultValue = "0", paramLabel = "FRACTION", description = "Share of numeric object ids served as JPEG images (default: ${DEFAULT-VALUE}).")
  double images;

  @Option(names = "--default-size", defaultValue = "8KB", paramLabel = "SIZE", description = "Size of trace requests without one (default: ${DEFAULT-VALUE}).")
  String defaultSize;

  @Option(names = "--status", paramLabel = "URL", split = ",",
      description = "Shoal admin /status URLs, e.g. http://127.0.0.1:9090/status: report each node's request count.")
  List<String> status = new ArrayList<>();

  @Option(names = "--label", defaultValue = "replay", description = "The run's name in the report (default: ${DEFAULT-VALUE}).")
  String label;

  @Option(names = "--format", defaultValue = "table", description = "Report format: table, csv or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--output", paramLabel = "FILE", description = "Also write the report to FILE.")
  Path output;

  @Override
  public void run() {
    BenchArgs.quiet();
    ReportFormat report = BenchArgs.usage(spec, () -> ReportFormat.named(format));
    TraceFormat traceFormat = BenchArgs.usage(spec, () -> Traces.format(trace));
    TraceSource source = BenchArgs.usage(spec, () -> Traces.source(trace));
    Replay.Builder b = BenchArgs.usage(spec, () -> Replay.builder()
        .proxy(uri("--proxy", proxy))
        .connections(connections)
        .keepAlive(keepAlive)
        .warmup(BenchArgs.duration(spec, "--warmup", warmup))
        .timeout(BenchArgs.duration(spec, "--timeout", timeout))
        .imageShare(images)
        .defaultSize(BenchArgs.size(spec, "--default-size", defaultSize))
        .label(label)
        .status(status.stream().map(s -> uri("--status", s)).toList())
        .requests(trace, () -> traceFormat.reader(source).requests()));
    if (duration != null && requests != null) {
      throw BenchArgs.usage(spec, "--duration and --requests: give one (expected: a duration or a request count)");
    }
    if (duration != null) {
      Duration d = BenchArgs.duration(spec, "--duration", duration);
      BenchArgs.usage(spec, () -> b.duration(d));
    }
    if (requests != null) {
      if (requests <= 0) {
        throw BenchArgs.usage(spec, "--requests: " + requests + " (expected: > 0)");
      }
      b.maxRequests(requests);
    }
    if (threads != null) {
      BenchArgs.usage(spec, () -> b.threads(threads));
    }
    BenchOrigin.Builder originBuilder = origin == null
        ? BenchOriginCommand.builder(spec, "127.0.0.1", originPort, maxAge, originLatency, originBandwidth, defaultSize)
        : null;
    if (origin != null) {
      BenchArgs.usage(spec, () -> b.origin(uri("--origin", origin)));
    }
    BenchOrigin embedded = originBuilder == null ? null : originBuilder.start();
    if (embedded != null) {
      b.origin(embedded.uri());
    }
    replay(b.build(), source, report, embedded);
  }

  /**
   * Runs the replay, prints the report and stops the embedded origin; a shutdown hook (Ctrl-C)
   * stops the replay and waits for all three, so the partial results get printed.
   */
  private void replay(Replay replay, TraceSource source, ReportFormat report, BenchOrigin embedded) {
    PrintWriter err = spec.commandLine().getErr();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      replay.stop();
      try {
        finished.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "shoal-bench-replay-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    Thread progress = progress(replay, source, err);
    try {
      ReplayResult result = replay.run();
      progress.interrupt();
      join(progress);
      if (result.interrupted()) {
        err.println(spec.qualifiedName() + ": interrupted; partial results below");
        err.flush();
      }
      print(report, result);
    } finally {
      progress.interrupt();
      if (embedded != null) {
        embedded.close();
      }
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it was waiting for this method, which is done
      }
    }
  }

  private void print(ReportFormat report, ReplayResult result) {
    PrintWriter out = spec.commandLine().getOut();
    report.report().write(List.of(result), out);
    out.flush();
    if (output != null) {
      try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
        report.report().write(List.of(result), file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
      }
    }
  }

  private Thread progress(Replay replay, TraceSource source, PrintWriter err) {
    LongSupplier done;
    LongSupplier total;
    if (requests != null) {
      done = replay::completed;
      total = () -> requests;
    } else if (duration != null) {
      long ms = BenchArgs.duration(spec, "--duration", duration).toMillis()
          + BenchArgs.duration(spec, "--warmup", warmup).toMillis();
      done = () -> replay.elapsedNanos() / 1_000_000;
      total = () -> ms;
    } else {
      done = source::position;
      total = source::length;
    }
    Thread t = new Thread(() -> {
      try (Progress p = Progress.of(err, "replay", done, total)) {
        while (!Thread.currentThread().isInterrupted()) {
          p.set(replay.completed());
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    }, "shoal-bench-progress");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void join(Thread t) {
    try {
      t.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static URI uri(String option, String value) {
    try {
      URI u = URI.create(value);
      if (!"http".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
        throw new IllegalArgumentException(option + ": \"" + value + "\" (expected: http://HOST:PORT)");
      }
      return u;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage().startsWith(option) ? e.getMessage()
          : option + ": \"" + value + "\" (expected: http://HOST:PORT)", e);
    }
  }
}
