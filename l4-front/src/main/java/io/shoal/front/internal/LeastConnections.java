package io.shoal.front.internal;

import io.shoal.front.Balancer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Fewest active connections per unit of weight; ties go round robin so equal nodes share. */
public final class LeastConnections implements Balancer {
  private final AtomicInteger next = new AtomicInteger();

  @Override
  public int pick(List<? extends Candidate> nodes) {
    int n = nodes.size();
    int start = Math.floorMod(next.getAndIncrement(), n);
    int best = -1;
    double bestLoad = Double.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      int c = (start + i) % n;
      Candidate node = nodes.get(c);
      if (!node.available()) {
        continue;
      }
      double load = (double) node.activeConnections() / node.address().weight();
      if (load < bestLoad) {
        best = c;
        bestLoad = load;
      }
    }
    return best;
  }
}
