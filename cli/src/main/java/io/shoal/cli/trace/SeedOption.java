package io.shoal.cli.trace;

import picocli.CommandLine.Option;

/** {@code --seed} of a generated Surge workload, shared by {@code trace gen} and {@code bench paper}. */
public final class SeedOption {
  @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
      description = "Seed of the generated Surge workload: the same seed, the same trace (default: ${DEFAULT-VALUE}).")
  public long seed;
}
