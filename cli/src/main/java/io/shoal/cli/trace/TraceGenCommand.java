package io.shoal.cli.trace;

import io.shoal.traces.TraceFormat;
import io.shoal.traces.TraceRequest;
import io.shoal.traces.TraceWriter;
import io.shoal.traces.gen.SurgeGenerator;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shoal trace gen surge}: a synthetic workload from the SURGE model. */
@Command(name = "gen", mixinStandardHelpOptions = true,
    description = {"Generate a synthetic workload. MODEL is 'surge': the SURGE model of"
        + " Barford and Crovella (lognormal/Pareto file sizes, Zipf popularity, LRU stack"
        + " distance locality, embedded references, think times); deterministic for a seed."})
public final class TraceGenCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "MODEL", description = "The model: surge.")
  String model;

  @Option(names = "--files", defaultValue = "2000", paramLabel = "N",
      description = "How many files (objects); default: ${DEFAULT-VALUE}.")
  int files;

  @Option(names = "--requests", defaultValue = "100000", paramLabel = "N",
      description = "How many requests; default: ${DEFAULT-VALUE}.")
  long requests;

  @Mixin
  SeedOption seed;

  @Option(names = "--users", defaultValue = "100", paramLabel = "N",
      description = "How many user equivalents request concurrently; default: ${DEFAULT-VALUE}.")
  int users;

  @Option(names = "--zipf", defaultValue = "1.0", paramLabel = "S",
      description = "The Zipf exponent of popularity; default: ${DEFAULT-VALUE}.")
  double zipf;

  @Option(names = {"-o", "--output"}, defaultValue = "-", paramLabel = "[FORMAT:]PATH",
      description = "Where to write (format webcachesim unless given; .gz or .xz compresses);"
          + " default: standard output.")
  String output;

  @Override
  public void run() {
    if (!model.toLowerCase(Locale.ROOT).equals("surge")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "MODEL: \"" + model + "\" (expected: surge)");
    }
    SurgeGenerator generator = TraceArgs.usage(spec, () -> SurgeGenerator.builder()
        .files(files).requests(requests).seed(seed.seed).users(users).zipf(zipf).build());
    String target = output;
    int colon = output.indexOf(':');
    if (colon <= 0 || !isFormat(output.substring(0, colon))) {
      target = TraceFormat.WEBCACHESIM.id() + ":" + output;
    }
    TraceWriter writer = TraceArgs.create(spec, target);
    PrintWriter err = spec.commandLine().getErr();
    AtomicLong written = new AtomicLong();
    try (writer;
        Stream<TraceRequest> stream = generator.requests();
        Progress progress = Progress.of(err, "gen", written::get, generator::size)) {
      stream.forEachOrdered(r -> {
        writer.write(r);
        written.incrementAndGet();
        progress.tick();
      });
    }
    if (!output.equals("-") && !output.endsWith(":-")) {
      spec.commandLine().getOut().printf(Locale.ROOT, "wrote %,d requests for %,d files to %s%n",
          written.get(), files, target);
    }
  }

  private static boolean isFormat(String name) {
    try {
      TraceFormat.named(name);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
