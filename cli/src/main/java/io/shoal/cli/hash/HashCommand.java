package io.shoal.cli.hash;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code shoal hash}: placement questions, answered by the hashing library. */
@Command(
    name = "hash",
    mixinStandardHelpOptions = true,
    description = "Which node owns a URL, and how placement strategies compare.",
    subcommands = {HashOwnerCommand.class, HashCompareCommand.class, HashStrategiesCommand.class})
public final class HashCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing a command");
  }
}
