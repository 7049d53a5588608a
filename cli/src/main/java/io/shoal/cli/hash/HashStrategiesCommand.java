package io.shoal.cli.hash;

import io.shoal.base.registry.Entry;
import io.shoal.base.registry.Parameter;
import io.shoal.hashing.Strategies;
import io.shoal.hashing.Strategy;
import java.io.PrintWriter;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code shoal hash strategies}: the registry, with each strategy's parameters. */
@Command(name = "strategies", mixinStandardHelpOptions = true,
    description = "List the placement strategies and their parameters.")
public final class HashStrategiesCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    for (Entry<Strategy> e : Strategies.registry().entries()) {
      String params = e.parameters().isEmpty() ? "" : e.parameters().stream().map(Parameter::toString)
          .collect(Collectors.joining(",", "(", ")"));
      out.printf("%-14s %-40s %s%n", e.name(), params, e.summary());
    }
  }
}
