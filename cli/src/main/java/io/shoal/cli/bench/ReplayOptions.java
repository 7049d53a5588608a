package io.shoal.cli.bench;

import io.shoal.cli.options.DurationConverter;
import io.shoal.cli.options.Usage;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The client options of a closed-loop replay, shared by {@code bench replay} and {@code bench
 * paper} (where they hold for each run, with {@code --connections} per server).
 */
final class ReplayOptions {
  @Option(names = "--connections", paramLabel = "N",
      description = "Concurrent client connections, per server in 'bench paper' (default: ${DEFAULT-VALUE}, the paper's per server).")
  int connections;

  @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Measure this long after the warm-up, e.g. 60s, instead of a number of requests.")
  Duration duration;

  @Option(names = "--requests", paramLabel = "N",
      description = "Send at most N requests (per run in 'bench paper'), warm-up included (default: the whole trace; 'bench paper': 20000).")
  Long requests;

  @Option(names = "--warmup", paramLabel = "DURATION", converter = DurationConverter.NonNegative.class,
      description = "Send but do not measure for this long first (default: ${DEFAULT-VALUE}).")
  Duration warmup;

  @Option(names = "--keep-alive",
      description = "Reuse client connections (default: one connection per request, like the paper's HTTP/1.0 clients).")
  boolean keepAlive;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--threads", paramLabel = "N", description = "Client event-loop threads (default: a quarter of the cores, 1 to 4).")
  Integer threads;

  @Option(names = "--images", paramLabel = "FRACTION",
      description = "Share of numeric object ids served as JPEG images (default: ${DEFAULT-VALUE}).")
  double images;

  /** Refuses {@code --duration} with {@code --requests}, and a request count below one. */
  void check(CommandSpec spec) {
    if (duration != null && requests != null) {
      throw Usage.error(spec, "--duration and --requests: give one (expected: a duration or a request count)");
    }
    if (requests != null && requests <= 0) {
      throw Usage.error(spec, "--requests: " + requests + " (expected: > 0)");
    }
  }
}
