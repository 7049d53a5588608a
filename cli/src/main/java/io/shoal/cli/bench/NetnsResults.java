package io.shoal.cli.bench;

import io.shoal.bench.paper.Arch;
import io.shoal.bench.paper.HostUsage;
import io.shoal.bench.paper.PaperExperiment;
import io.shoal.bench.paper.PaperRun;
import io.shoal.bench.simulate.Calibration;
import io.shoal.bench.simulate.Ceiling;
import io.shoal.bench.simulate.KeyedTrace;
import io.shoal.bench.testbed.Topology;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the netns testbed adds to the paper's results: each cell's link-bound ceiling (the
 * simulator with only the links limiting, over the strategy's own placement of the trace) and the
 * calibration file of the simulator, fitted on the 1- and 2-node runs only.
 */
final class NetnsResults implements PaperExperiment.Ceiling {
  /** Payload bytes per byte on the wire: a full 1,514-byte Ethernet frame carries 1,448 bytes of TCP payload. */
  static final double WIRE_EFFICIENCY = 1448.0 / 1514;
  static final int HEAD_BYTES = 300;
  static final double ACK_SHARE = 0.0228;

  private final Topology topology;
  private final URI origin;
  private final double imageShare;
  private final long defaultSize;
  private final Map<String, KeyedTrace> traces = new HashMap<>();

  NetnsResults(Topology topology, URI origin, double imageShare, long defaultSize) {
    this.topology = topology;
    this.origin = origin;
    this.imageShare = imageShare;
    this.defaultSize = defaultSize;
  }

  private synchronized KeyedTrace trace(PaperExperiment.Trace t) {
    return traces.computeIfAbsent(t.name(), n -> KeyedTrace.load(t.spec(), 0, origin.toString(), imageShare,
        defaultSize));
  }

  @Override
  public double requestsPerSecond(PaperExperiment.Trace trace, String strategy, int servers, Arch arch) {
    return Ceiling.of(trace(trace), strategy, ids(servers), arch, topology.linkBitsPerSecond(), WIRE_EFFICIENCY,
        HEAD_BYTES, ACK_SHARE).requestsPerSecond();
  }

  static List<String> ids(int servers) {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= servers; i++) {
      ids.add(Topology.node(i));
    }
    return ids;
  }

  /**
   * The calibration from the runs of 1 and 2 nodes, or null without both (per trace: CPU costs
   * fitted on every node and switch of those runs; the link's efficiency fitted so that the model
   * predicts the first link-bound 1-node distributed run, starting from the wire's).
   *
   * @param specs trace name -> FORMAT:PATH
   */
  Calibration calibration(List<PaperRun> runs, Map<String, String> specs, int connectionsPerServer, long cacheBytes,
      Duration warmup, Duration duration) {
    List<PaperRun> small = runs.stream().filter(r -> r.servers() <= 2 && !r.hosts().isEmpty()).toList();
    if (small.stream().noneMatch(r -> r.servers() == 1) || small.stream().noneMatch(r -> r.servers() == 2)) {
      return null;
    }
    Calibration.Builder b = Calibration.builder().linkBitsPerSecond(topology.linkBitsPerSecond())
        .hostCpu(topology.hostCpu()).machineCores(Runtime.getRuntime().availableProcessors())
        .connectionsPerServer(connectionsPerServer).cacheBytes(cacheBytes).headBytes(HEAD_BYTES).ackShare(ACK_SHARE)
        .origin(origin.toString()).imageShare(imageShare).defaultSize(defaultSize)
        .warmupSeconds(warmup.toMillis() / 1000.0).runSeconds(duration == null ? 0 : duration.toMillis() / 1000.0);
    Map<String, List<Calibration.Observation>> byTrace = new LinkedHashMap<>();
    for (PaperRun r : small) {
      for (HostUsage h : r.hosts()) {
        if (h.cpuCores() > 0 && !Double.isNaN(h.cpuSeconds())) {
          boolean isSwitch = h.host().equals(Topology.SWITCH);
          long received = r.arch() == Arch.CENTRALIZED && !isSwitch ? h.requests() : h.forwardedIn();
          byTrace.computeIfAbsent(r.trace(), t -> new ArrayList<>()).add(new Calibration.Observation(h.cpuSeconds(),
              isSwitch ? 0 : h.hits(), isSwitch ? 0 : h.requests() - h.hits(), isSwitch ? 0 : h.forwarded(), received,
              isSwitch ? h.forwarded() : 0));
        }
      }
    }
    b.linkEfficiency(WIRE_EFFICIENCY);
    byTrace.forEach((t, obs) -> b.trace(t, specs.get(t), Calibration.fit(obs)));
    Calibration c = b.build();
    for (PaperRun r : small) {
      if (r.servers() == 1 && r.arch() == Arch.DISTRIBUTED && r.boundBy().startsWith("link:")) {
        PaperExperiment.Trace t = new PaperExperiment.Trace(r.trace(), specs.get(r.trace()));
        return c.toBuilder().linkEfficiency(Ceiling.fitEfficiency(c, r.trace(), trace(t), r.replay().requestsPerSecond()))
            .build();
      }
    }
    return c;
  }

  /** Writes {@link #calibration} into {@code file}; false when the runs cannot calibrate. */
  boolean writeCalibration(Path file, List<PaperRun> runs, Map<String, String> specs, int connectionsPerServer,
      long cacheBytes, Duration warmup, Duration duration) {
    Calibration c = calibration(runs, specs, connectionsPerServer, cacheBytes, warmup, duration);
    if (c == null) {
      return false;
    }
    c.write(file);
    return true;
  }
}
