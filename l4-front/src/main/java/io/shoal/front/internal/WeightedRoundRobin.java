package io.shoal.front.internal;

import io.shoal.front.Balancer;
import java.util.List;

/** Smooth weighted round robin: every turn each available node gains its weight, the richest pays the total. */
public final class WeightedRoundRobin implements Balancer {
  private long[] current = new long[0];

  @Override
  public synchronized int pick(List<? extends Candidate> nodes) {
    if (current.length != nodes.size()) {
      current = new long[nodes.size()];
    }
    int best = -1;
    long total = 0;
    for (int i = 0; i < nodes.size(); i++) {
      Candidate c = nodes.get(i);
      if (!c.available()) {
        continue;
      }
      current[i] += c.address().weight();
      total += c.address().weight();
      if (best < 0 || current[i] > current[best]) {
        best = i;
      }
    }
    if (best >= 0) {
      current[best] -= total;
    }
    return best;
  }
}
