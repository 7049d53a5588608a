package io.shoal.bench.simulate;

import io.shoal.bench.paper.Arch;
import io.shoal.bench.paper.GridChecks;
import io.shoal.bench.paper.PaperExperiment;
import io.shoal.hashing.Strategies;
import io.shoal.traces.Traces;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * The paper's grid, predicted: every trace x servers x strategy x architecture through the
 * {@link Simulation} of a {@link Calibration}, one machine per host, nodes named {@code n1..nN}
 * as the testbed names them. Each trace is read once ({@link KeyedTrace}) and the cells run in
 * parallel. {@link #testbed} predicts one cell as the testbed ran it, every host on the
 * calibrated machine's cores.
 */
public final class SimulationGrid {
  /** The grid's numbers of nodes by default: the paper's, then past one machine. */
  public static final List<Integer> SERVERS = List.of(1, 2, 4, 8, 16, 64, 256);

  private final Calibration calibration;
  private final Path base;
  private final List<String> traces;
  private final List<Integer> servers;
  private final List<String> strategies;
  private final List<Arch> archs;
  private final long requests;
  private final Map<String, KeyedTrace> loaded = new ConcurrentHashMap<>();

  private SimulationGrid(Builder b) {
    this.calibration = b.calibration;
    this.base = b.base;
    this.traces = b.traces != null ? b.traces : List.copyOf(b.calibration.traces().keySet());
    this.servers = b.servers;
    this.strategies = b.strategies;
    this.archs = b.archs;
    this.requests = b.requests;
  }

  public static Builder builder(Calibration calibration) {
    return new Builder(calibration);
  }

  /** The ids of {@code n} nodes: {@code n1..nN}. */
  public static List<String> nodeIds(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> "n" + i).toList();
  }

  public Calibration calibration() {
    return calibration;
  }

  /** Every cell, in the order trace, servers, strategy, architecture. */
  public List<SimulatedRun> run() {
    List<Cell> cells = new ArrayList<>();
    for (String t : traces) {
      trace(t);
      for (int n : servers) {
        for (String s : strategies) {
          for (Arch a : archs) {
            cells.add(new Cell(t, n, s, a));
          }
        }
      }
    }
    return cells.parallelStream().map(c -> predict(c.trace, c.servers, c.strategy, c.arch, false)).toList();
  }

  private record Cell(String trace, int servers, String strategy, Arch arch) {}

  /** One cell as the testbed ran it: every host shares the calibrated machine's cores. */
  public SimulatedRun testbed(String trace, int servers, String strategy, Arch arch) {
    return predict(trace, servers, strategy, arch, true);
  }

  private SimulatedRun predict(String trace, int n, String strategy, Arch arch, boolean onTheMachine) {
    Simulation.Builder b = Simulation.builder(calibration, trace);
    if (onTheMachine) {
      b.machineCores(calibration.machineCores());
    }
    if (requests > 0) {
      b.window(calibration.runRequests() > 0 ? Math.min(requests, calibration.runRequests()) : requests,
          calibration.warmupSeconds(), calibration.runSeconds());
    }
    return new SimulatedRun(trace, arch, strategy, n, b.build().predict(trace(trace), strategy, nodeIds(n), arch));
  }

  private KeyedTrace trace(String name) {
    return loaded.computeIfAbsent(name, t -> {
      long cap = requests > 0 ? requests : calibration.runRequests();
      return KeyedTrace.load(resolve(calibration.trace(t).spec(), base), cap, calibration.origin(),
          calibration.imageShare(), calibration.defaultSize());
    });
  }

  /** {@code spec} with a relative file path taken against {@code base} (the calibration's directory). */
  static String resolve(String spec, Path base) {
    String path = Traces.path(spec);
    if (base == null || path.equals("-") || path.startsWith("classpath:") || Path.of(path).isAbsolute()) {
      return spec;
    }
    return spec.substring(0, spec.length() - path.length()) + base.resolve(path);
  }

  /** The grid's dimensions; each setter checks its value. */
  public static final class Builder {
    private final Calibration calibration;
    private Path base;
    private List<String> traces;
    private List<Integer> servers = SERVERS;
    private List<String> strategies = PaperExperiment.STRATEGIES;
    private List<Arch> archs = List.of(Arch.values());
    private long requests;

    private Builder(Calibration calibration) {
      this.calibration = Objects.requireNonNull(calibration, "calibration");
    }

    /** The calibration file's directory, against which relative trace paths are read. */
    public Builder base(Path directory) {
      this.base = directory;
      return this;
    }

    /** Traces by their names in the calibration (default: all of them). */
    public Builder traces(List<String> names) {
      if (names.isEmpty()) {
        throw new IllegalArgumentException("traces: none (expected: at least one of the calibration's: "
            + String.join(", ", calibration.traces().keySet()) + ")");
      }
      names.forEach(calibration::trace);
      this.traces = List.copyOf(names);
      return this;
    }

    /** Numbers of nodes, each 1..4096. */
    public Builder servers(List<Integer> servers) {
      this.servers = GridChecks.servers(servers, 4096);
      return this;
    }

    /** Strategy specs, each checked by the strategies' registry. */
    public Builder strategies(List<String> strategies) {
      List<String> checked = GridChecks.strategies(strategies);
      checked.forEach(Strategies::create);
      this.strategies = checked;
      return this;
    }

    public Builder archs(List<Arch> archs) {
      this.archs = GridChecks.archs(archs);
      return this;
    }

    /** At most this many requests of each trace per cell; 0 = the calibration's run (default). */
    public Builder requests(long requests) {
      if (requests < 0) {
        throw new IllegalArgumentException("requests: " + requests + " (expected: >= 0, 0 for the whole trace)");
      }
      this.requests = requests;
      return this;
    }

    public SimulationGrid build() {
      return new SimulationGrid(this);
    }
  }
}
