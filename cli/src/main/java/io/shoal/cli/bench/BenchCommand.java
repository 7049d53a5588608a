package io.shoal.cli.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code shoal bench}: measure proxies with real HTTP. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks: the benchmark origin, trace replay through any HTTP proxy, and the paper's experiment.",
    subcommands = {BenchOriginCommand.class, BenchReplayCommand.class, BenchPaperCommand.class, BenchSimulateCommand.class})
public final class BenchCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing a command (origin, replay or paper)");
  }
}
