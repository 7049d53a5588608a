package io.shoal.cli.trace;

import io.shoal.traces.TraceFormat;
import io.shoal.traces.TraceRequest;
import io.shoal.traces.weighted.WeightedTraceWriter;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shoal trace top}: the paper's "100 files with weights" — the most requested objects
 * with their request counts, as a {@code weighted} trace whose replay draws by those weights.
 */
@Command(name = "top", mixinStandardHelpOptions = true,
    description = {"Keep the most requested objects of a trace with their request counts, as a"
        + " 'weighted' trace (count size key per line) whose replay draws from those weights."})
public final class TraceTopCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Option(names = "--files", defaultValue = "100", paramLabel = "N",
      description = "How many objects to keep; default: ${DEFAULT-VALUE}.")
  int files;

  @Option(names = {"-o", "--output"}, defaultValue = "-", paramLabel = "[weighted:]PATH",
      description = "Where to write (.gz or .xz compresses); default: standard output.")
  String output;

  @Parameters(paramLabel = "FORMAT:PATH", description = "The trace.")
  String trace;

  @Override
  public void run() {
    if (files <= 0) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--files: " + files + " (expected: > 0)");
    }
    String path = output.startsWith(TraceFormat.WEIGHTED.id() + ":")
        ? output.substring(TraceFormat.WEIGHTED.id().length() + 1) : output;
    if (path.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--output: \"" + output + "\" (expected: [weighted:]PATH)");
    }
    TraceArgs.Opened opened = TraceArgs.open(spec, trace);
    PrintWriter err = spec.commandLine().getErr();
    long count;
    WeightedTraceWriter writer = new WeightedTraceWriter(TraceArgs.writer(spec, path),
        TraceArgs.name(path), files);
    try (Stream<TraceRequest> requests = opened.reader().requests();
        Progress progress = Progress.of(err, "top", opened.source()::position,
            opened.source()::length)) {
      requests.forEachOrdered(r -> {
        writer.write(r);
        progress.tick();
      });
      count = progress.count();
    }
    writer.close();
    if (!path.equals("-")) {
      spec.commandLine().getOut().printf(Locale.ROOT, "wrote the %,d most requested objects of %,d requests"
          + " to weighted:%s%n", files, count, path);
    }
  }
}
