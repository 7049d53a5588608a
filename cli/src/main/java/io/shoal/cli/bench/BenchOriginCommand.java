package io.shoal.cli.bench;

import io.shoal.bench.origin.BenchOrigin;
import io.shoal.traces.TraceRequest;
import io.shoal.traces.Traces;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shoal bench origin}: runs the benchmark origin until interrupted. */
@Command(name = "origin", mixinStandardHelpOptions = true,
    description = {"Run the benchmark origin: any /o/SIZE/NAME path gets a deterministic body of SIZE bytes"
        + " (a real JPEG for .jpg/.jpeg/.png/.gif), with Cache-Control, Last-Modified, ETag and 304s;"
        + " other paths take ?size=N, the size in --trace, or --default-size.",
        "GET /_origin/stats[?urls=1] counts requests (per URL); POST /_origin/reset zeroes them."})
public final class BenchOriginCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Listen address (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "8000", description = "Port, 0 for any (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--max-age", defaultValue = "1d", paramLabel = "DURATION",
      description = "Cache-Control: max-age, e.g. 1h, 0s; 'none' sends no-store (default: ${DEFAULT-VALUE}).")
  String maxAge;

  @Option(names = "--latency", defaultValue = "0ms", paramLabel = "DURATION",
      description = "Delay before each response, e.g. 50ms (default: ${DEFAULT-VALUE}).")
  String latency;

  @Option(names = "--bandwidth", defaultValue = "0", paramLabel = "RATE",
      description = "Rate cap per response, e.g. 10mbit or 1MB/s; 0 for none (default: ${DEFAULT-VALUE}).")
  String bandwidth;

  @Option(names = "--default-size", defaultValue = "8KB", paramLabel = "SIZE",
      description = "Size of paths that carry none (default: ${DEFAULT-VALUE}).")
  String defaultSize;

  @Option(names = "--trace", paramLabel = "FORMAT:PATH",
      description = "Serve plain paths /NAME at this trace's sizes (NAME as 'bench replay' names objects).")
  String trace;

  @Option(names = "--images", defaultValue = "0", paramLabel = "FRACTION",
      description = "With --trace: the share of numeric ids named .jpg, as in 'bench replay --images' (default: ${DEFAULT-VALUE}).")
  double images;

  @Override
  public void run() {
    BenchArgs.quiet();
    BenchOrigin.Builder b = builder(spec, host, port, maxAge, latency, bandwidth, defaultSize);
    if (trace != null) {
      BenchArgs.usage(spec, () -> Traces.format(trace));
      try (Stream<TraceRequest> requests = Traces.open(trace).requests()) {
        Map<String, Long> sizes = BenchOrigin.sizesOf(requests, images);
        BenchArgs.usage(spec, () -> b.sizes(sizes));
      }
    }
    BenchOrigin origin = b.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      origin.close();
      stopped.countDown();
    }, "shoal-bench-origin-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    PrintWriter out = spec.commandLine().getOut();
    out.println("shoal bench origin: " + origin.uri() + " (max-age " + maxAge + ", latency " + latency
        + ", bandwidth " + bandwidth + "); stats at " + origin.uri("/_origin/stats"));
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Runtime.getRuntime().removeShutdownHook(hook);
      origin.close();
      out.println("shoal bench origin: stopped");
      out.flush();
    }
  }

  /** A builder from the origin options (shared with {@code bench replay}'s embedded origin). */
  static BenchOrigin.Builder builder(CommandSpec spec, String host, int port, String maxAge,
      String latency, String bandwidth, String defaultSize) {
    Duration age = maxAge.equals("none") ? null : BenchArgs.duration(spec, "--max-age", maxAge);
    Duration delay = BenchArgs.duration(spec, "--latency", latency);
    long rate = BenchArgs.rate(spec, "--bandwidth", bandwidth);
    long size = BenchArgs.size(spec, "--default-size", defaultSize);
    return BenchArgs.usage(spec, () -> BenchOrigin.builder().host(host).port(port).maxAge(age)
        .latency(delay).bandwidth(rate).defaultSize(size));
  }
}
