package io.shoal.cli;

import io.shoal.hashing.Member;
import io.shoal.hashing.Strategies;
import io.shoal.hashing.Strategy;
import io.shoal.hashing.View;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Turns command-line values into library objects; a bad value is a usage error (exit 2). */
public final class Args {
  private Args() {}

  /** The strategy for {@code spec}, or a usage error naming what is wrong. */
  public static Strategy strategy(CommandSpec command, String spec) {
    try {
      return Strategies.create(spec);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(command.commandLine(), e.getMessage());
    }
  }

  /** A view of these ids with these weights (all 1 when {@code weights} is empty). */
  public static View view(CommandSpec command, List<String> ids, List<Double> weights) {
    if (!weights.isEmpty() && weights.size() != ids.size()) {
      throw new CommandLine.ParameterException(command.commandLine(), "--weights: "
          + weights.size() + " values for " + ids.size() + " members (expected: one per member)");
    }
    try {
      List<Member> members = new ArrayList<>(ids.size());
      for (int i = 0; i < ids.size(); i++) {
        members.add(Member.of(ids.get(i).strip(), weights.isEmpty() ? 1 : weights.get(i)));
      }
      return View.of(0, members);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(command.commandLine(), e.getMessage());
    }
  }
}
