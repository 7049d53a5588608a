package io.shoal.cli.bench;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** What every {@code shoal bench} command shares: quiet libraries, and the option texts it prints. */
final class BenchArgs {
  /** Held so the levels set on them stay set. */
  private static final List<Logger> QUIET = List.of(
      Logger.getLogger("io.undertow"), Logger.getLogger("org.xnio"), Logger.getLogger("org.jboss"));

  private BenchArgs() {}

  /**
   * Keeps Undertow's start and stop messages off standard error, and Netty off SLF4J (which,
   * without a binding, prints three lines of warnings).
   */
  static void quiet() {
    QUIET.forEach(l -> l.setLevel(Level.WARNING));
    io.netty.util.internal.logging.InternalLoggerFactory.setDefaultFactory(
        io.netty.util.internal.logging.JdkLoggerFactory.INSTANCE);
  }

  /** The text of {@code option} as given on the command line, else its default (for what a command prints). */
  static String given(CommandSpec command, String option) {
    OptionSpec o = command.findOption(option);
    List<String> given = o.originalStringValues();
    return given.isEmpty() ? o.defaultValueString() : given.get(given.size() - 1);
  }
}
