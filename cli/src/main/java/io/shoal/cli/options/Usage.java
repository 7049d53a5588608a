package io.shoal.cli.options;

import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Usage errors (exit code 2) of a command: its own, and a library's refusal of a value it was
 * given, whose message already has the shape {@code name: "value" (expected: ...)}.
 */
public final class Usage {
  private Usage() {}

  /** Runs {@code action}; an {@link IllegalArgumentException} becomes a usage error with its message. */
  public static <T> T of(CommandSpec command, Supplier<T> action) {
    try {
      return action.get();
    } catch (IllegalArgumentException e) {
      throw error(command, e.getMessage());
    }
  }

  /** A usage error of {@code command}. */
  public static ParameterException error(CommandSpec command, String message) {
    return new ParameterException(command.commandLine(), message);
  }
}
