package io.shoal.cli.bench;

import io.shoal.bench.origin.BenchOrigin;
import io.shoal.bench.origin.BenchOriginSettings;
import io.shoal.bench.replay.ReplaySettings;
import io.shoal.cli.Foreground;
import io.shoal.cli.options.DurationConverter;
import io.shoal.cli.options.SettingOptions;
import io.shoal.cli.options.Usage;
import io.shoal.traces.TraceRequest;
import io.shoal.traces.Traces;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shoal bench origin}: runs the benchmark origin until interrupted. */
@Command(name = "origin", mixinStandardHelpOptions = true, defaultValueProvider = BenchOriginCommand.Defaults.class,
    description = {"Run the benchmark origin: any /o/SIZE/NAME path gets a deterministic body of SIZE bytes"
        + " (a real JPEG for .jpg/.jpeg/.png/.gif), with Cache-Control, Last-Modified, ETag and 304s;"
        + " other paths take ?size=N, the size in --trace, or --default-size.",
        "GET /_origin/stats[?urls=1] counts requests (per URL); POST /_origin/reset zeroes them."})
public final class BenchOriginCommand implements Runnable {
  /** The options that stand for the origin's settings. */
  static final class Defaults extends SettingOptions {
    Defaults() {
      super("--host", BenchOriginSettings.HOST, "--port", BenchOriginSettings.PORT,
          "--max-age", BenchOriginSettings.MAX_AGE, "--default-size", BenchOriginSettings.DEFAULT_SIZE,
          "--latency", BenchOriginSettings.LATENCY, "--bandwidth", BenchOriginSettings.BANDWIDTH,
          "--images", ReplaySettings.IMAGES);
    }
  }

  @Spec
  CommandSpec spec;

  @Option(names = "--host", description = "Listen address (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", description = "Port, 0 for any (default: ${DEFAULT-VALUE}).")
  int port;

  @Mixin
  OriginContentOptions content;

  @Option(names = "--latency", paramLabel = "DURATION", converter = DurationConverter.NonNegative.class,
      description = "Delay before each response, e.g. 50ms (default: ${DEFAULT-VALUE}).")
  Duration latency;

  @Option(names = "--bandwidth", paramLabel = "RATE", converter = BenchConverters.Rate.class,
      description = "Rate cap per response, e.g. 10mbit or 1MB/s; 0 for none (default: ${DEFAULT-VALUE}).")
  long bandwidth;

  @Option(names = "--trace", paramLabel = "FORMAT:PATH",
      description = "Serve plain paths /NAME at this trace's sizes (NAME as 'bench replay' names objects).")
  String trace;

  @Option(names = "--images", paramLabel = "FRACTION",
      description = "With --trace: the share of numeric ids named .jpg, as in 'bench replay --images' (default: ${DEFAULT-VALUE}).")
  double images;

  @Override
  public void run() {
    BenchArgs.quiet();
    BenchOrigin.Builder b = content.origin(spec, host, port, latency, bandwidth);
    if (trace != null) {
      Usage.of(spec, () -> Traces.format(trace));
      try (Stream<TraceRequest> requests = Traces.open(trace).requests()) {
        Map<String, Long> sizes = BenchOrigin.sizesOf(requests, images);
        Usage.of(spec, () -> b.sizes(sizes));
      }
    }
    BenchOrigin origin = b.start();
    PrintWriter out = spec.commandLine().getOut();
    Foreground.run("shoal-bench-origin-stop", origin::close, () -> {
      out.println("shoal bench origin: " + origin.uri() + " (max-age " + BenchArgs.given(spec, "--max-age")
          + ", latency " + BenchArgs.given(spec, "--latency") + ", bandwidth " + BenchArgs.given(spec, "--bandwidth")
          + "); stats at " + origin.uri("/_origin/stats"));
      out.flush();
    }, () -> {
      out.println("shoal bench origin: stopped");
      out.flush();
    });
  }
}
