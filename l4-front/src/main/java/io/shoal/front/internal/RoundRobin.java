package io.shoal.front.internal;

import io.shoal.front.Balancer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Round robin over the available nodes. */
public final class RoundRobin implements Balancer {
  private final AtomicInteger next = new AtomicInteger();

  @Override
  public int pick(List<? extends Candidate> nodes) {
    int n = nodes.size();
    int start = Math.floorMod(next.getAndIncrement(), n);
    for (int i = 0; i < n; i++) {
      int c = (start + i) % n;
      if (nodes.get(c).available()) {
        return c;
      }
    }
    return -1;
  }
}
