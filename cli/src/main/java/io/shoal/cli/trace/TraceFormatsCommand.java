package io.shoal.cli.trace;

import io.shoal.base.registry.Entry;
import io.shoal.traces.TraceField;
import io.shoal.traces.TraceFormat;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code shoal trace formats}: the registry, with what each format carries. */
@Command(name = "formats", mixinStandardHelpOptions = true,
    description = "List the trace formats, the fields each carries, and which can be written.")
public final class TraceFormatsCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%-12s %-6s %-38s %s%n", "format", "write", "fields", "what");
    for (Entry<TraceFormat> e : TraceFormat.registry().entries()) {
      TraceFormat f = TraceFormat.named(e.name());
      String fields = f.fields().stream().sorted().map(TraceField::name)
          .map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
      out.printf(Locale.ROOT, "%-12s %-6s %-38s %s%n", e.name(), f.writable() ? "yes" : "no",
          fields, e.summary());
    }
  }
}
