package io.shoal.cli;

import io.shoal.cli.options.BadValue;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point of the {@code shoal} command. Exit codes: 0 ok, 1 runtime failure, 2 usage error.
 * Errors are one line on stderr; {@code --verbose} adds the stack trace.
 */
public final class Shoal {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;

  private Shoal() {}

  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs {@code shoal args} with the given streams; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
    CommandLine cli = new CommandLine(new ShoalCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : FAILURE);
    cli.setParameterExceptionHandler((e, cliArgs) -> {
      CommandLine command = e.getCommandLine();
      command.getErr().println(prefix(command) + ": " + BadValue.message(e)
          + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
      if (verbose) {
        e.printStackTrace(command.getErr());
      }
      return USAGE;
    });
    cli.setExecutionExceptionHandler((e, command, parseResult) -> {
      command.getErr().println(prefix(command) + ": " + describe(e));
      if (verbose) {
        e.printStackTrace(command.getErr());
      }
      return FAILURE;
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static String prefix(CommandLine command) {
    return command.getCommandSpec().qualifiedName();
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
