package io.shoal.bench.simulate;

import java.util.List;

/**
 * What the model predicts for one cell.
 *
 * @param requestsPerSecond the cluster's throughput
 * @param megabitsPerSecond body bytes delivered to clients, Mbit/s (10^6 bits)
 * @param boundBy the resource that limits it: {@code link:ID:egress}, {@code link:ID:ingress},
 *     {@code cpu:ID} for a node, the same with {@code switch} or {@code front}, {@code cpu:machine}
 *     (all hosts on the testbed's cores) or {@code clients} (the closed loop's connections)
 * @param hitRatio requests served from a cache
 * @param forwardedShare requests a node forwarded to another (distributed)
 * @param ownerShares per node in the order of the ids, the share of requested body bytes it owns
 * @param requests the requests of the trace the prediction is averaged over (the measured window)
 */
public record Prediction(double requestsPerSecond, double megabitsPerSecond, String boundBy, double hitRatio,
    double forwardedShare, List<Double> ownerShares, int requests) {
  public Prediction {
    ownerShares = List.copyOf(ownerShares);
  }
}
