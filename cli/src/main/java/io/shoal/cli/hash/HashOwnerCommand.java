package io.shoal.cli.hash;

import io.shoal.cli.Args;
import io.shoal.hashing.CacheKey;
import io.shoal.hashing.Member;
import io.shoal.hashing.Strategy;
import io.shoal.hashing.View;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shoal hash owner}: for each key, the ordered candidate list, owner first, as
 * {@code KEY<TAB>owner,next,...}.
 */
@Command(name = "owner", mixinStandardHelpOptions = true,
    description = "Print, for each key, its owner and then the failover order.")
public final class HashOwnerCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Option(names = "--strategy", defaultValue = "ketama", paramLabel = "SPEC",
      description = "Placement strategy (see 'shoal hash strategies'); default: ${DEFAULT-VALUE}.")
  String strategy;

  @Option(names = "--members", required = true, split = ",", paramLabel = "ID",
      description = "Members in view order, named exactly as the strategy hashes them.")
  List<String> members;

  @Option(names = "--weights", split = ",", paramLabel = "W",
      description = "One weight per member (default: all 1).")
  List<Double> weights = List.of();

  @Parameters(arity = "1..*", paramLabel = "KEY", description = "Keys (normalized URLs).")
  List<String> keys;

  @Override
  public void run() {
    Strategy placement = Args.strategy(spec, strategy);
    View view = Args.view(spec, members, weights);
    PrintWriter out = spec.commandLine().getOut();
    for (String key : keys) {
      List<Member> candidates = placement.candidates(CacheKey.of(key), view);
      out.println(key + "\t" + candidates.stream().map(Member::id).collect(Collectors.joining(",")));
    }
  }
}
