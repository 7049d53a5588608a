package io.shoal.bench.simulate;

import io.shoal.base.Checks;
import io.shoal.bench.paper.Arch;
import io.shoal.bench.simulate.internal.Demand;
import io.shoal.bench.simulate.internal.Walk;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An analytic model of the paper's cluster, by operational laws (Denning and Buzen, "The
 * Operational Analysis of Queueing Network Models", 1978) over the real placement: the chosen
 * strategy's own code places the real trace's keys over the node ids, each node's cache starts
 * cold, and every request's path is followed ({@link Walk}). That gives, per resource {@code k}
 * (each node's CPU and the two directions of its link; the switch's, or the front's link), its
 * demand per request {@code D_k} over the measured requests ({@link Demand}: CPU seconds, or bytes
 * of bodies, heads and acknowledgements), against its capacity {@code C_k}: {@code host.cpu}
 * cores for a CPU, {@code link.bits-per-second / 8 * link.efficiency} bytes/s for a link. Then
 *
 * <pre>
 *   X = min( min_k C_k / D_k ,                    utilisation law: no resource above 100%
 *            cores / sum_hosts D_cpu ,            the testbed's machine, when it is modelled
 *            M / sum_k (D_k / C_k) )              the closed loop: M = connections x nodes
 * </pre>
 *
 * the asymptotic bounds of a closed network without think time; {@code X} is requests/s, the
 * resource that gives the minimum is the bound. Mbit/s is {@code X} times the mean body.
 *
 * <p>The measured window: with {@code warmupSeconds} or {@code seconds}, the run measures
 * requests {@code [X w, X (w + s))} of the trace; since the hit ratio, and so the demand, depends
 * on the window, {@code X} is found by iterating from the whole trace until the window stays.
 *
 * <p>Assumptions: requests spread evenly over the nodes (the front's round-robin); caches LRU by
 * bytes (the node's cache is Caffeine's W-TinyLFU; the two agree when nothing is evicted); one
 * strategy instance for the cluster ({@link Walk}); queues are not modelled beyond the bounds, so
 * near a knee the model is optimistic.
 */
public final class Simulation {
  private final double linkBytesPerSecond;
  private final double hostCpu;
  private final int machineCores;
  private final int connectionsPerServer;
  private final long cacheBytes;
  private final double headBytes;
  private final double ackShare;
  private final Calibration.Cpu cpu;
  private final long windowRequests;
  private final double warmupSeconds;
  private final double seconds;

  private Simulation(Builder b) {
    this.linkBytesPerSecond = b.linkBitsPerSecond / 8.0 * b.linkEfficiency;
    this.hostCpu = b.hostCpu;
    this.machineCores = b.machineCores;
    this.connectionsPerServer = b.connectionsPerServer;
    this.cacheBytes = b.cacheBytes;
    this.headBytes = b.headBytes;
    this.ackShare = b.ackShare;
    this.cpu = b.cpu;
    this.windowRequests = b.windowRequests;
    this.warmupSeconds = b.warmupSeconds;
    this.seconds = b.seconds;
  }

  /** A model with unbounded CPU, clients and caches, until set. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The model of a calibrated testbed for one of its traces, one machine per host: every value of
   * {@code c} but {@code machine.cores} (add {@link Builder#machineCores} to model the testbed's
   * own machine).
   */
  public static Builder builder(Calibration c, String trace) {
    return new Builder().link(c.linkBitsPerSecond(), c.linkEfficiency()).hostCpu(c.hostCpu())
        .connectionsPerServer(c.connectionsPerServer()).cacheBytes(c.cacheBytes()).headBytes(c.headBytes())
        .ackShare(c.ackShare()).cpu(c.trace(trace).cpu())
        .window(c.runRequests(), c.warmupSeconds(), c.runSeconds());
  }

  /**
   * Predicts {@code trace} through the nodes {@code nodeIds} placing with {@code strategy} in
   * {@code arch}.
   *
   * @throws IllegalArgumentException an unknown strategy, no node or a repeated id
   */
  public Prediction predict(KeyedTrace trace, String strategy, List<String> nodeIds, Arch arch) {
    Objects.requireNonNull(trace, "trace");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(arch, "arch");
    List<String> ids = List.copyOf(nodeIds);
    int length = (int) (windowRequests > 0 ? Math.min(windowRequests, trace.requests()) : trace.requests());
    Walk walk = Walk.run(trace, strategy, ids, arch == Arch.DISTRIBUTED, cacheBytes, length);
    Demand d = Demand.of(trace, walk, ids, 0, length, headBytes, ackShare, cpu);
    Bound x = bound(d, ids.size());
    int from = 0;
    int to = length;
    for (int i = 0; i < 20 && (warmupSeconds > 0 || seconds > 0); i++) {
      int f = (int) Math.min(length - 1, Math.round(x.perSecond * warmupSeconds));
      int t = seconds > 0 ? (int) Math.min(length, Math.max(f + 1, Math.round(f + x.perSecond * seconds))) : length;
      if (f == from && t == to) {
        break;
      }
      from = f;
      to = t;
      d = Demand.of(trace, walk, ids, from, to, headBytes, ackShare, cpu);
      x = bound(d, ids.size());
    }
    List<Double> shares = new ArrayList<>();
    for (int k = 0; k < ids.size(); k++) {
      shares.add(d.ownedShare(k));
    }
    double w = d.requests();
    return new Prediction(x.perSecond, x.perSecond * d.bodyBytes() / w * 8 / 1e6, x.resource, d.hits() / w,
        d.forwarded() / w, shares, d.requests());
  }

  private record Bound(double perSecond, String resource) {}

  private Bound bound(Demand d, int nodes) {
    double w = d.requests();
    double[] best = {Double.POSITIVE_INFINITY, 0};
    String[] name = {"none"};
    d.forEach((resource, kind, total) -> {
      double capacity = kind == Demand.Kind.CPU ? hostCpu : linkBytesPerSecond;
      if (total <= 0 || Double.isInfinite(capacity)) {
        return;
      }
      double perRequest = total / w;
      best[1] += perRequest / capacity;
      if (capacity / perRequest < best[0]) {
        best[0] = capacity / perRequest;
        name[0] = resource;
      }
    });
    Bound b = new Bound(best[0], name[0]);
    if (machineCores > 0 && d.cpuSeconds() > 0 && machineCores * w / d.cpuSeconds() < b.perSecond) {
      b = new Bound(machineCores * w / d.cpuSeconds(), "cpu:machine");
    }
    if (connectionsPerServer > 0 && best[1] > 0 && (double) connectionsPerServer * nodes / best[1] < b.perSecond) {
      b = new Bound((double) connectionsPerServer * nodes / best[1], "clients");
    }
    return b;
  }

  /** The model's parameters; each setter checks its value. */
  public static final class Builder {
    private long linkBitsPerSecond = -1;
    private double linkEfficiency = 1;
    private double hostCpu = Double.POSITIVE_INFINITY;
    private int machineCores;
    private int connectionsPerServer;
    private long cacheBytes = Long.MAX_VALUE;
    private double headBytes;
    private double ackShare;
    private Calibration.Cpu cpu = new Calibration.Cpu(0, 0, 0, 0, 0);
    private long windowRequests;
    private double warmupSeconds;
    private double seconds;

    private Builder() {}

    /** Every node's, the switch's and the front's link: raw bits/s and the share of it carried (0-1]. */
    public Builder link(long bitsPerSecond, double efficiency) {
      this.linkBitsPerSecond = Checks.positive("link bits per second", bitsPerSecond);
      if (!(efficiency > 0 && efficiency <= 1)) {
        throw new IllegalArgumentException("link efficiency: " + efficiency + " (expected: > 0 and <= 1)");
      }
      this.linkEfficiency = efficiency;
      return this;
    }

    /** Cores of each node and of the switch; {@link Double#POSITIVE_INFINITY} (default) = CPU never bounds. */
    public Builder hostCpu(double cores) {
      if (!(cores > 0)) {
        throw new IllegalArgumentException("host cpu: " + cores + " (expected: > 0)");
      }
      this.hostCpu = cores;
      return this;
    }

    /** Cores all hosts share (the testbed's machine); 0 (default) = each host its own machine. */
    public Builder machineCores(int cores) {
      this.machineCores = (int) Checks.notNegative("machine cores", cores);
      return this;
    }

    /** Client connections per node for the closed-loop bound; 0 (default) = no such bound. */
    public Builder connectionsPerServer(int connections) {
      this.connectionsPerServer = (int) Checks.notNegative("connections per server", connections);
      return this;
    }

    /** Cache bytes per node (default: unbounded, every object stays once stored). */
    public Builder cacheBytes(long bytes) {
      this.cacheBytes = Checks.positive("cache bytes", bytes);
      return this;
    }

    /** Bytes counted per HTTP message head on a link (default 0). */
    public Builder headBytes(int bytes) {
      this.headBytes = Checks.notNegative("head bytes", bytes);
      return this;
    }

    /** Acknowledgement bytes per byte received (default 0). */
    public Builder ackShare(double share) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("ack share: " + share + " (expected: 0..1)");
      }
      this.ackShare = share;
      return this;
    }

    /** CPU seconds per request (default: all 0). */
    public Builder cpu(Calibration.Cpu cpu) {
      this.cpu = Objects.requireNonNull(cpu, "cpu");
      return this;
    }

    /** The run: requests (0 = whole trace), warm-up and measured seconds (0 = until the requests end). */
    public Builder window(long requests, double warmupSeconds, double seconds) {
      this.windowRequests = Checks.notNegative("window requests", requests);
      if (!(warmupSeconds >= 0 && seconds >= 0) || Double.isInfinite(warmupSeconds + seconds)) {
        throw new IllegalArgumentException("window: warm-up " + warmupSeconds + " s, " + seconds
            + " s (expected: finite numbers >= 0)");
      }
      this.warmupSeconds = warmupSeconds;
      this.seconds = seconds;
      return this;
    }

    /** @throws IllegalArgumentException when the link is not set */
    public Simulation build() {
      if (linkBitsPerSecond < 0) {
        throw new IllegalArgumentException("link: not set (expected: link(bitsPerSecond, efficiency))");
      }
      return new Simulation(this);
    }
  }
}
