package io.shoal.cli.bench;

import io.shoal.bench.origin.BenchOrigin;
import io.shoal.cli.options.SizeConverter;
import io.shoal.cli.options.Usage;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * What the benchmark origin serves, shared by {@code bench origin} and {@code bench replay}'s
 * embedded origin: its {@code Cache-Control} and the size of objects that name none.
 */
final class OriginContentOptions {
  @Option(names = "--max-age", paramLabel = "DURATION", converter = BenchConverters.MaxAge.class,
      description = "The origin's Cache-Control: max-age, e.g. 1h, 0s; 'none' sends no-store (default: ${DEFAULT-VALUE}).")
  Duration maxAge;

  @Option(names = "--default-size", paramLabel = "SIZE", converter = SizeConverter.NonNegative.class,
      description = "Size of objects whose path or trace request carries none (default: ${DEFAULT-VALUE}).")
  long defaultSize;

  /** An origin builder with these options, a delay before each response and a rate cap per response. */
  BenchOrigin.Builder origin(CommandSpec spec, String host, int port, Duration latency, long bytesPerSecond) {
    return Usage.of(spec, () -> BenchOrigin.builder().host(host).port(port).maxAge(maxAge)
        .latency(latency).bandwidth(bytesPerSecond).defaultSize(defaultSize));
  }
}
