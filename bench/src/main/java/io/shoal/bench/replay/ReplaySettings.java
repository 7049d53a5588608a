package io.shoal.bench.replay;

import io.shoal.base.config.Section;
import io.shoal.base.config.Setting;
import java.time.Duration;

/**
 * The {@code bench.replay.*} settings of the replay client. {@link Replay.Builder} starts from
 * them and {@code shoal bench replay} and {@code bench paper} options default to them.
 */
public final class ReplaySettings {
  public static final Section SECTION = Section.of("bench.replay", "The replay client");

  public static final Setting<Integer> CONNECTIONS = SECTION.positive("connections", "63",
      "Concurrent client connections (virtual users); 63 is the paper's per server.");
  public static final Setting<Integer> THREADS = SECTION.count("threads", "0",
      "Client event-loop threads; 0: a quarter of the cores, at least 1, at most 4.");
  public static final Setting<Duration> WARMUP = SECTION.durationOrZero("warmup", "0s",
      "Send but do not measure for this long first.");
  public static final Setting<Duration> TIMEOUT = SECTION.duration("timeout", "30s",
      "A request without its whole response after this long is an error.");
  public static final Setting<Double> IMAGES = SECTION.fraction("images", "0",
      "Share of numeric object ids served as JPEG images.");
  public static final Setting<String> LABEL = SECTION.string("label", "replay", "The run's name in reports.");

  private ReplaySettings() {}

  /** The event-loop threads {@code threads} stands for: itself, or for 0 a quarter of the cores, 1 to 4. */
  public static int threads(int threads) {
    return threads > 0 ? threads : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() / 4));
  }
}
