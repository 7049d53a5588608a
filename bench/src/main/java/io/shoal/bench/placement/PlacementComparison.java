package io.shoal.bench.placement;

import io.shoal.hashing.Member;
import io.shoal.hashing.Strategies;
import io.shoal.hashing.Strategy;
import io.shoal.hashing.View;
import java.util.Arrays;
import java.util.Objects;

/**
 * Places a workload's distinct keys with one strategy over one view and measures: the spread
 * of keys, requests and bytes over members (max/mean and coefficient of variation), the
 * fraction of keys that move when a member joins (at the end) and when one leaves (the middle
 * one), and the mean cost of one {@link Strategy#owner} call.
 */
public final class PlacementComparison {
  private static final long TIMING_NANOS = 200_000_000L;

  /** The measurements of one strategy; NaN where the workload has no sizes. */
  public record Result(String strategy, Spread keys, Spread requests, Spread bytes,
      double movedOnAdd, double movedOnRemove, double nanosPerLookup) {}

  /** How evenly a quantity is spread over the members. */
  public record Spread(double maxOverMean, double coefficientOfVariation) {
    static Spread of(double[] perMember) {
      double mean = Arrays.stream(perMember).average().orElse(0);
      if (mean == 0) {
        return new Spread(Double.NaN, Double.NaN);
      }
      double max = Arrays.stream(perMember).max().orElse(0);
      double variance = Arrays.stream(perMember).map(x -> (x - mean) * (x - mean)).sum() / perMember.length;
      return new Spread(max / mean, Math.sqrt(variance) / mean);
    }
  }

  private final Workload workload;
  private final View view;

  public PlacementComparison(Workload workload, View view) {
    this.workload = Objects.requireNonNull(workload, "workload");
    this.view = Objects.requireNonNull(view, "view");
  }

  /** Measures the strategy {@code spec} (a fresh instance, so stateful ones start empty). */
  public Result run(String spec) {
    Strategy strategy = Strategies.create(spec);
    int[] owners = place(strategy, view);
    double[] keys = new double[view.size()];
    double[] requests = new double[view.size()];
    double[] bytes = new double[view.size()];
    for (int i = 0; i < owners.length; i++) {
      keys[owners[i]]++;
      requests[owners[i]] += workload.requests(i);
      bytes[owners[i]] += Math.max(0, workload.size(i));
    }
    View grown = view.plus(Member.of(newMemberId()));
    View shrunk = view.minus(view.get(view.size() / 2).id());
    double added = moved(owners, view, place(strategy, grown), grown);
    double removed = moved(owners, view, place(strategy, shrunk), shrunk);
    return new Result(strategy.name(), Spread.of(keys), Spread.of(requests),
        workload.sized() ? Spread.of(bytes) : new Spread(Double.NaN, Double.NaN),
        added, removed, nanosPerLookup(strategy));
  }

  private String newMemberId() {
    String id = "joining-member";
    while (view.contains(id)) {
      id += "'";
    }
    return id;
  }

  private int[] place(Strategy strategy, View over) {
    int[] owners = new int[workload.distinctKeys()];
    for (int i = 0; i < owners.length; i++) {
      owners[i] = over.indexOf(strategy.owner(workload.key(i), over).id());
    }
    return owners;
  }

  private static double moved(int[] before, View beforeView, int[] after, View afterView) {
    int moved = 0;
    for (int i = 0; i < before.length; i++) {
      if (!beforeView.get(before[i]).id().equals(afterView.get(after[i]).id())) {
        moved++;
      }
    }
    return moved / (double) before.length;
  }

  private double nanosPerLookup(Strategy strategy) {
    long lookups = 0;
    long start = System.nanoTime();
    long sink = 0;
    int n = workload.distinctKeys();
    do {
      for (int i = 0; i < n; i++) {
        sink += strategy.owner(workload.key(i), view).id().length();
      }
      lookups += n;
    } while (System.nanoTime() - start < TIMING_NANOS);
    long elapsed = System.nanoTime() - start;
    if (sink == 42) {
      System.out.print(""); // keeps the loop from being optimized away
    }
    return elapsed / (double) lookups;
  }
}
