package io.shoal.cli.hash;

import io.shoal.hashing.Strategies;
import java.io.PrintWriter;
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
    for (Strategies.Entry e : Strategies.entries()) {
      StringBuilder params = new StringBuilder();
      e.defaults().forEach((k, v) -> params.append(params.length() == 0 ? "(" : ",").append(k).append('=').append(v));
      if (params.length() > 0) {
        params.append(')');
      }
      out.printf("%-14s %-40s %s%n", e.name(), params, e.summary());
    }
  }
}
