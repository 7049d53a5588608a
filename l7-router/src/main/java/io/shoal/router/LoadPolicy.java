package io.shoal.router;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the router does when the owner of a key is overloaded (a node under its load threshold
 * serves a request itself, else it goes to a less loaded node: the idea of multi-front-end
 * web clusters and of LARD):
 * nothing (pure hashing), serve the request on the receiving node, or go to the next candidate. A
 * peer is overloaded when its reported in-flight count exceeds the cluster mean by the threshold:
 * {@code load > mean * (1 + threshold) + 1} (the {@code + 1} keeps tiny loads from flapping).
 */
public final class LoadPolicy {
  /** What to do with an overloaded owner. */
  public enum Action { NONE, SERVE_LOCALLY, NEXT_CANDIDATE }

  private static final LoadPolicy OFF = new LoadPolicy(Action.NONE, 0);

  private final Action action;
  private final double threshold;

  private LoadPolicy(Action action, double threshold) {
    this.action = action;
    this.threshold = threshold;
  }

  /** Pure hashing: load is ignored. The default for every strategy but {@code bounded-load}. */
  public static LoadPolicy off() {
    return OFF;
  }

  /** Serve locally when the owner is overloaded and this node is not. */
  public static LoadPolicy serveLocally(double threshold) {
    return new LoadPolicy(Action.SERVE_LOCALLY, check(threshold));
  }

  /** Skip overloaded candidates (they go last, in order). */
  public static LoadPolicy nextCandidate(double threshold) {
    return new LoadPolicy(Action.NEXT_CANDIDATE, check(threshold));
  }

  /** The default for a strategy spec: {@code nextCandidate(0.25)} for {@code bounded-load}, else off. */
  public static LoadPolicy defaultFor(String strategySpec) {
    Objects.requireNonNull(strategySpec, "strategySpec");
    return strategySpec.strip().startsWith("bounded-load") ? nextCandidate(0.25) : off();
  }

  /**
   * Parses {@code off}, {@code local(0.5)} or {@code next(0.5)}, the form of the
   * {@code cluster.load-policy} setting.
   */
  public static LoadPolicy parse(String text) {
    Objects.requireNonNull(text, "load policy");
    String t = text.strip();
    if (t.equals("off")) {
      return off();
    }
    boolean local = t.startsWith("local(");
    if ((local || t.startsWith("next(")) && t.endsWith(")")) {
      String arg = t.substring(t.indexOf('(') + 1, t.length() - 1);
      try {
        double threshold = Double.parseDouble(arg);
        return local ? serveLocally(threshold) : nextCandidate(threshold);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("load policy '" + text + "': threshold '" + arg + "' (expected: a number >= 0)");
      }
    }
    throw new IllegalArgumentException("load policy '" + text + "' (expected: off, local(threshold) or next(threshold))");
  }

  private static double check(double threshold) {
    if (!(threshold >= 0) || Double.isInfinite(threshold)) {
      throw new IllegalArgumentException("threshold: " + threshold + " (expected: a finite number >= 0)");
    }
    return threshold;
  }

  public Action action() {
    return action;
  }

  public double threshold() {
    return threshold;
  }

  /** Whether peer {@code id} is overloaded according to {@code loads}. */
  boolean overloaded(String id, Map<String, LoadReport> loads) {
    LoadReport load = loads.get(id);
    if (load == null || loads.isEmpty()) {
      return false;
    }
    double mean = loads.values().stream().mapToLong(LoadReport::inFlight).average().orElse(0);
    return load.inFlight() > mean * (1 + threshold) + 1;
  }

  /** {@code candidates} with overloaded ones moved last, for {@link Action#NEXT_CANDIDATE}. */
  List<Peer> reorder(List<Peer> candidates, Map<String, LoadReport> loads) {
    List<Peer> open = new ArrayList<>(candidates.size());
    List<Peer> full = new ArrayList<>();
    for (Peer p : candidates) {
      (overloaded(p.id(), loads) ? full : open).add(p);
    }
    open.addAll(full);
    return open;
  }

  @Override
  public String toString() {
    return switch (action) {
      case NONE -> "off";
      case SERVE_LOCALLY -> "local(" + threshold + ")";
      case NEXT_CANDIDATE -> "next(" + threshold + ")";
    };
  }
}
