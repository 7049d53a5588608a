package io.shoal.cli.trace;

import io.shoal.traces.TraceRequest;
import io.shoal.traces.TraceWriter;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shoal trace convert}: rewrites a trace in another format. */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = {"Rewrite a trace in another format. What the output format needs but the"
        + " input lacks is filled in as the writer documents (traces/README.md); a needed size"
        + " that is unknown is an error."})
public final class TraceConvertCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FORMAT:PATH",
      description = "Where to write, e.g. squid:access.log.gz (.gz or .xz compresses; - is"
          + " standard output).")
  String output;

  @Parameters(paramLabel = "FORMAT:PATH", description = "The trace to read.")
  String trace;

  @Override
  public void run() {
    TraceArgs.Opened opened = TraceArgs.open(spec, trace);
    TraceWriter writer = TraceArgs.create(spec, output);
    PrintWriter err = spec.commandLine().getErr();
    long count;
    try (writer;
        Stream<TraceRequest> requests = opened.reader().requests();
        Progress progress = Progress.of(err, "convert", opened.source()::position,
            opened.source()::length)) {
      requests.forEachOrdered(r -> {
        writer.write(r);
        progress.tick();
      });
      count = progress.count();
    }
    if (!output.endsWith(":-")) {
      spec.commandLine().getOut().printf(Locale.ROOT, "wrote %,d requests to %s%n", count, output);
    }
  }
}
