package io.shoal.bench.simulate.internal;

import io.shoal.bench.simulate.KeyedTrace;
import io.shoal.hashing.Strategies;
import io.shoal.hashing.Strategy;
import io.shoal.hashing.View;
import java.util.BitSet;
import java.util.List;

/**
 * One pass of a trace through a cluster: for each request, the node that received it, the node
 * that looked it up in its cache (the owner) and whether that was a miss.
 *
 * <p>Distributed, the front hands request {@code j} to node {@code j mod N}; the owner is the
 * strategy's, except for {@code round-robin} and {@code local} (the paper's AS-RR: the node keeps
 * what it receives). Centralized, the switch receives everything and the owner is the strategy's.
 * One strategy instance serves the whole cluster, so the state of {@code ht-rr} is shared at once
 * (the nodes replicate it); {@code mod-ch} gets no load reports and so places like {@code ketama}.
 */
public final class Walk {
  /** The receiver of every request in the centralized architecture. */
  public static final int SWITCH = -1;

  private final int nodes;
  private final int[] receiver;
  private final int[] owner;
  private final BitSet miss;

  private Walk(int nodes, int[] receiver, int[] owner, BitSet miss) {
    this.nodes = nodes;
    this.receiver = receiver;
    this.owner = owner;
    this.miss = miss;
  }

  /**
   * Walks the first {@code requests} requests of {@code trace}.
   *
   * @throws IllegalArgumentException an unknown strategy or a bad node list
   */
  public static Walk run(KeyedTrace trace, String strategy, List<String> nodeIds, boolean distributed,
      long cacheBytes, int requests) {
    View view = View.of(nodeIds.toArray(String[]::new));
    Strategy s = Strategies.create(strategy);
    boolean keepsWhatItReceives = distributed && (s.name().equals("round-robin") || s.name().startsWith("local"));
    int n = view.size();
    Caches caches = new Caches(n, trace.objects(), trace.objectBytes(), cacheBytes);
    int[] receiver = new int[requests];
    int[] owner = new int[requests];
    BitSet miss = new BitSet(requests);
    for (int j = 0; j < requests; j++) {
      int object = trace.object(j);
      int r = distributed ? j % n : SWITCH;
      int o = keepsWhatItReceives ? r : view.indexOf(s.owner(trace.key(object), view).id());
      receiver[j] = r;
      owner[j] = o;
      if (!caches.hit(o, object, trace.size(object))) {
        miss.set(j);
      }
    }
    return new Walk(n, receiver, owner, miss);
  }

  public int nodes() {
    return nodes;
  }

  public int requests() {
    return owner.length;
  }

  /** The node that received request {@code j}, or {@link #SWITCH}. */
  public int receiver(int j) {
    return receiver[j];
  }

  public int owner(int j) {
    return owner[j];
  }

  public boolean miss(int j) {
    return miss.get(j);
  }
}
