package io.shoal.cli.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Command-line values of {@code shoal bench}: durations, sizes, rates; a bad one is a usage error. */
final class BenchArgs {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)?");
  private static final Pattern SIZE = Pattern.compile("(\\d+)(B|KB|KiB|MB|MiB|GB|GiB)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)(kbit|mbit|gbit|KB|MB|GB|B)(?:/s)?",
      Pattern.CASE_INSENSITIVE);

  /** Held so the levels set on them stay set. */
  private static final java.util.List<java.util.logging.Logger> QUIET = java.util.List.of(
      java.util.logging.Logger.getLogger("io.undertow"), java.util.logging.Logger.getLogger("org.xnio"),
      java.util.logging.Logger.getLogger("org.jboss"));

  private BenchArgs() {}

  /**
   * Keeps Undertow's start and stop messages off standard error, and Netty off SLF4J (which,
   * without a binding, prints three lines of warnings).
   */
  static void quiet() {
    QUIET.forEach(l -> l.setLevel(java.util.logging.Level.WARNING));
    io.netty.util.internal.logging.InternalLoggerFactory.setDefaultFactory(
        io.netty.util.internal.logging.JdkLoggerFactory.INSTANCE);
  }

  /** {@code 500ms}, {@code 60s}, {@code 5m}, {@code 1h}; a bare number is seconds. */
  static Duration duration(CommandSpec command, String option, String value) {
    Matcher m = DURATION.matcher(value.strip());
    if (!m.matches()) {
      throw usage(command, option + ": \"" + value + "\" (expected: a duration such as 500ms, 60s, 5m)");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofSeconds(n);
    };
  }

  /** {@code 1024}, {@code 8KB} (= KiB), {@code 1MB}. */
  static long size(CommandSpec command, String option, String value) {
    Matcher m = SIZE.matcher(value.strip());
    if (!m.matches()) {
      throw usage(command, option + ": \"" + value + "\" (expected: a size such as 1024, 8KB or 1MB)");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT).replace("I", "");
    return switch (unit) {
      case "KB" -> n << 10;
      case "MB" -> n << 20;
      case "GB" -> n << 30;
      default -> n;
    };
  }

  /** Bytes per second from {@code 10mbit}, {@code 2MB/s}, {@code 500KB}, {@code 0} (no cap). */
  static long rate(CommandSpec command, String option, String value) {
    if (value.strip().equals("0")) {
      return 0;
    }
    Matcher m = RATE.matcher(value.strip());
    if (!m.matches()) {
      throw usage(command, option + ": \"" + value + "\" (expected: a rate such as 10mbit, 2MB/s or 0 for none)");
    }
    double n = Double.parseDouble(m.group(1));
    double bytes = switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "kbit" -> n * 1e3 / 8;
      case "mbit" -> n * 1e6 / 8;
      case "gbit" -> n * 1e9 / 8;
      case "kb" -> n * 1024;
      case "mb" -> n * 1024 * 1024;
      case "gb" -> n * 1024 * 1024 * 1024;
      default -> n;
    };
    return Math.max(1, Math.round(bytes));
  }

  /** Runs {@code action}; an {@link IllegalArgumentException} becomes a usage error. */
  static <T> T usage(CommandSpec command, Supplier<T> action) {
    try {
      return action.get();
    } catch (IllegalArgumentException e) {
      throw usage(command, e.getMessage());
    }
  }

  static CommandLine.ParameterException usage(CommandSpec command, String message) {
    return new CommandLine.ParameterException(command.commandLine(), message);
  }
}
