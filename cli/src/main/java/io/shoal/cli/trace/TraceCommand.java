package io.shoal.cli.trace;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code shoal trace}: workloads, read from any format as {@code FORMAT:PATH}. */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    description = {"Read, summarize, convert and generate workload traces.",
        "A trace is named FORMAT:PATH (PATH: a file, gzip or xz; classpath:NAME; or - for"
            + " standard input), e.g. webcachesim:classpath:bu-1998-webcachesim.tr.gz;"
            + " 'shoal trace formats' lists the formats."},
    subcommands = {TraceStatsCommand.class, TraceTopCommand.class, TraceConvertCommand.class,
        TraceGenCommand.class, TraceFormatsCommand.class})
public final class TraceCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing a command");
  }
}
