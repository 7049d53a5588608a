package io.shoal.cli.hash;

import io.shoal.bench.keys.RandomUrls;
import io.shoal.bench.placement.PlacementComparison;
import io.shoal.bench.placement.Workload;
import io.shoal.cli.Args;
import io.shoal.hashing.Strategies;
import io.shoal.hashing.View;
import io.shoal.traces.TraceReader;
import io.shoal.traces.TraceRequest;
import io.shoal.traces.Traces;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shoal hash compare}: a table per strategy of how evenly it spreads keys, requests and
 * bytes over N nodes, how much moves when one joins or leaves, and what a lookup costs.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Compare placement strategies on a trace, a URL list or random URLs.")
public final class HashCompareCommand implements Runnable {
  @Spec
  CommandSpec spec;

  static final class Input {
    @Option(names = "--keys", paramLabel = "FILE",
        description = "URLs, one per line, optionally 'URL SIZE' (gzip/xz ok): same as --trace urls:FILE.")
    String keys;

    @Option(names = "--trace", paramLabel = "FORMAT:PATH",
        description = "A trace in any format 'shoal trace' reads, e.g. webcachesim:classpath:traces/bu-1998-webcachesim.tr.gz.")
    String trace;

    @Option(names = "--random", paramLabel = "N", description = "N random URLs of 40 to 120 bytes.")
    Integer random;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of --random (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--nodes", defaultValue = "16", paramLabel = "N",
      description = "Number of nodes, named 10.0.0.1:3128 ... (default: ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--members", split = ",", paramLabel = "ID", description = "Node names instead of --nodes.")
  List<String> members;

  @Option(names = "--strategies", defaultValue = "all", split = ",", paramLabel = "SPEC",
      description = "Strategies to compare, or 'all' (default). Specs with commas go in separate options.")
  List<String> strategies;

  @Option(names = "--id-prefix", defaultValue = "http://origin.shoal/obj/", paramLabel = "URL",
      description = "Prefix that turns a trace's object ids into URLs (default: ${DEFAULT-VALUE}); URLs are kept.")
  String idPrefix;

  @Override
  public void run() {
    View view = Args.view(spec, memberIds(), List.of());
    List<String> specs = strategies.equals(List.of("all")) ? Strategies.names() : strategies;
    specs.forEach(s -> Args.strategy(spec, s));
    Workload workload = workload();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%d requests, %d distinct keys%s, %d nodes; a joining node should take 1/%d = %.3f of the keys%n",
        workload.totalRequests(), workload.distinctKeys(), workload.sized() ? " with sizes" : "", view.size(),
        view.size() + 1, 1.0 / (view.size() + 1));
    out.printf(Locale.ROOT, "%-44s %9s %7s %9s %9s %7s %8s %8s %9s%n", "strategy", "keys max/", "keys",
        "requests", "bytes max/", "bytes", "moved", "moved", "lookup");
    out.printf(Locale.ROOT, "%-44s %9s %7s %9s %9s %7s %8s %8s %9s%n", "", "mean", "cv", "max/mean",
        "mean", "cv", "on +1", "on -1", "ns");
    PlacementComparison comparison = new PlacementComparison(workload, view);
    for (String s : specs) {
      PlacementComparison.Result r = comparison.run(s);
      out.printf(Locale.ROOT, "%-44s %9.3f %7.3f %9.3f %9.3f %7.3f %8.3f %8.3f %9.1f%n", r.strategy(),
          r.keys().maxOverMean(), r.keys().coefficientOfVariation(), r.requests().maxOverMean(),
          r.bytes().maxOverMean(), r.bytes().coefficientOfVariation(), r.movedOnAdd(), r.movedOnRemove(),
          r.nanosPerLookup());
      out.flush();
    }
  }

  private List<String> memberIds() {
    if (members != null) {
      return members;
    }
    if (nodes < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--nodes: " + nodes + " (expected: >= 1)");
    }
    return IntStream.rangeClosed(1, nodes).mapToObj(i -> "10.0.0." + i + ":3128").toList();
  }

  private Workload workload() {
    if (input.random != null) {
      if (input.random < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--random: " + input.random + " (expected: >= 1)");
      }
      return Workload.ofKeys(RandomUrls.generate(input.random, seed));
    }
    TraceReader reader;
    try {
      reader = Traces.open(input.trace != null ? input.trace : "urls:" + input.keys);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Workload.Builder builder = Workload.builder();
    try (Stream<TraceRequest> requests = reader.requests()) {
      requests.forEach(r -> builder.add(r.key().contains("://") ? r.key() : idPrefix + r.key(), r.size()));
    }
    return builder.build();
  }
}
