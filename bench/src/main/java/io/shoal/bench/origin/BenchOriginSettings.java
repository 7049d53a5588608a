package io.shoal.bench.origin;

import io.shoal.base.config.Durations;
import io.shoal.base.config.Section;
import io.shoal.base.config.Setting;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code bench.origin.*} settings: what the benchmark origin serves and how fast.
 * {@link BenchOrigin.Builder} starts from them and {@code shoal bench origin}'s options default to them.
 */
public final class BenchOriginSettings {
  public static final Section SECTION = Section.of("bench.origin", "The benchmark origin");

  public static final Setting<String> HOST = SECTION.string("host", "127.0.0.1", "Address the origin listens on.");
  public static final Setting<Integer> PORT = SECTION.port("port", "8000",
      "Port of 'shoal bench origin'; an embedded origin takes any free port.");
  public static final Setting<Optional<Duration>> MAX_AGE = SECTION.add("max-age", "1d", "duration",
      Durations.EXPECTED_OR_ZERO + ", or none for no-store",
      s -> s.equals("none") ? Optional.empty() : Optional.of(Durations.parseNonNegative(s)),
      "Cache-Control: max-age of every response; none sends no-store.");
  public static final Setting<Duration> LATENCY = SECTION.durationOrZero("latency", "0ms",
      "Delay before each response (WAN round trips).");
  public static final Setting<Long> BANDWIDTH = SECTION.rate("bandwidth", "0",
      "Body rate cap per response; 0: none.");
  public static final Setting<Long> DEFAULT_SIZE = SECTION.sizeOrZero("default-size", "8KB",
      "Size of objects whose path or trace request carries none.");
  public static final Setting<Integer> IO_THREADS = SECTION.count("io-threads", "0",
      "Undertow I/O threads; 0: one per core.");
  public static final Setting<Long> IMAGE_CACHE = SECTION.sizeOrZero("image-cache", "64MB",
      "Bytes of recently drawn JPEGs kept for the next request of the same image.");

  private BenchOriginSettings() {}
}
