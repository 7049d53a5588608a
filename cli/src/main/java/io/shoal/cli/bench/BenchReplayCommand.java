package io.shoal.cli.bench;

import io.shoal.bench.origin.BenchOrigin;
import io.shoal.bench.origin.BenchOriginSettings;
import io.shoal.bench.replay.Replay;
import io.shoal.bench.replay.ReplayResult;
import io.shoal.bench.replay.ReplaySettings;
import io.shoal.bench.report.ReportFormat;
import io.shoal.cli.options.DurationConverter;
import io.shoal.cli.options.SettingOptions;
import io.shoal.cli.options.Usage;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shoal bench replay}: replays a trace through a proxy, closed loop, and reports what it
 * measured. Ctrl-C (or SIGTERM) stops sending, waits briefly for requests in flight, stops the
 * embedded origin and prints the partial results.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, defaultValueProvider = BenchReplayCommand.Defaults.class,
    description = {"Replay a trace through an HTTP forward proxy (Shoal, Squid, nginx, ...): each of"
        + " --connections virtual users sends the trace's next GET as an absolute-URI request for the"
        + " object on the benchmark origin and waits for the whole response.",
        "Reports requests/s, Mbit/s, hit ratio and byte hit ratio (from X-Cache), errors by kind,"
        + " latency percentiles, and per-node shares (X-Cache '... from NODE', and --status)."})
public final class BenchReplayCommand implements Runnable {
  @Spec
  CommandSpec spec;

  /** The options that stand for the replay's and the embedded origin's settings. */
  static final class Defaults extends SettingOptions {
    Defaults() {
      super("--connections", ReplaySettings.CONNECTIONS, "--warmup", ReplaySettings.WARMUP,
          "--timeout", ReplaySettings.TIMEOUT, "--images", ReplaySettings.IMAGES, "--label", ReplaySettings.LABEL,
          "--max-age", BenchOriginSettings.MAX_AGE, "--default-size", BenchOriginSettings.DEFAULT_SIZE,
          "--origin-latency", BenchOriginSettings.LATENCY, "--origin-bandwidth", BenchOriginSettings.BANDWIDTH);
    }
  }

  @Option(names = "--proxy", required = true, paramLabel = "URL", converter = BenchConverters.HttpUrl.class,
      description = "The proxy, e.g. http://127.0.0.1:3128.")
  URI proxy;

  @Option(names = "--trace", required = true, paramLabel = "FORMAT:PATH",
      description = "The trace, e.g. webcachesim:classpath:bu-1998-webcachesim.tr.gz.")
  String trace;

  @Mixin
  ReplayOptions client;

  @Option(names = "--origin", paramLabel = "URL", converter = BenchConverters.HttpUrl.class,
      description = "A running benchmark origin ('shoal bench origin'); default: start one on loopback.")
  URI origin;

  @Option(names = "--origin-port", defaultValue = "0", paramLabel = "PORT",
      description = "Port of the embedded origin (default: any free port).")
  int originPort;

  @Mixin
  OriginContentOptions content;

  @Option(names = "--origin-latency", paramLabel = "DURATION",
      converter = DurationConverter.NonNegative.class,
      description = "Embedded origin: delay before each response (default: ${DEFAULT-VALUE}).")
  Duration originLatency;

  @Option(names = "--origin-bandwidth", paramLabel = "RATE", converter = BenchConverters.Rate.class,
      description = "Embedded origin: rate cap per response, e.g. 10mbit; 0 for none (default: ${DEFAULT-VALUE}).")
  long originBandwidth;

  @Option(names = "--status", paramLabel = "URL", split = ",", converter = BenchConverters.HttpUrl.class,
      description = "Shoal admin /status URLs, e.g. http://127.0.0.1:9090/status: report each node's request count.")
  List<URI> status = new ArrayList<>();

  @Option(names = "--label", description = "The run's name in the report (default: ${DEFAULT-VALUE}).")
  String label;

  @Option(names = "--format", defaultValue = "table", description = "Report format: table, csv or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--output", paramLabel = "FILE", description = "Also write the report to FILE.")
  Path output;

  @Override
  public void run() {
    BenchArgs.quiet();
    ReportFormat report = Usage.of(spec, () -> ReportFormat.named(format));
    TraceFormat traceFormat = Usage.of(spec, () -> Traces.format(trace));
    TraceSource source = Usage.of(spec, () -> Traces.source(trace));
    Replay.Builder b = Usage.of(spec, () -> Replay.builder()
        .proxy(proxy)
        .connections(client.connections)
        .keepAlive(client.keepAlive)
        .warmup(client.warmup)
        .timeout(client.timeout)
        .imageShare(client.images)
        .defaultSize(content.defaultSize)
        .label(label)
        .status(status)
        .duration(client.duration)
        .requests(trace, () -> traceFormat.reader(source).requests()));
    client.check(spec);
    if (client.requests != null) {
      b.maxRequests(client.requests);
    }
    if (client.threads != null) {
      Usage.of(spec, () -> b.threads(client.threads));
    }
    BenchOrigin embedded = null;
    if (origin != null) {
      b.origin(origin);
    } else {
      embedded = content.origin(spec, "127.0.0.1", originPort, originLatency, originBandwidth).start();
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
    if (client.requests != null) {
      long requests = client.requests;
      done = replay::completed;
      total = () -> requests;
    } else if (client.duration != null) {
      long ms = client.duration.toMillis() + client.warmup.toMillis();
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
}
