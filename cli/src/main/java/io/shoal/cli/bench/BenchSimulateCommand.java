package io.shoal.cli.bench;

import io.shoal.bench.paper.Arch;
import io.shoal.bench.paper.PaperCharts;
import io.shoal.bench.paper.PaperExperiment;
import io.shoal.bench.simulate.Calibration;
import io.shoal.bench.simulate.Ceiling;
import io.shoal.bench.simulate.KeyedTrace;
import io.shoal.bench.simulate.MeasuredRuns;
import io.shoal.bench.simulate.SimulatedRun;
import io.shoal.bench.simulate.SimulationGrid;
import io.shoal.bench.simulate.SimulationReport;
import io.shoal.cli.options.SettingOptions;
import io.shoal.cli.options.Usage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shoal bench simulate}: the paper's grid predicted past one machine by the calibrated
 * model ({@link io.shoal.bench.simulate.Simulation}), and checked against the testbed's measured
 * runs.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, defaultValueProvider = BenchSimulateCommand.Defaults.class,
    description = {"Predict the paper's experiment past one machine: every trace of the calibration x number of"
        + " nodes x strategy x architecture through an analytic model of the cluster (operational-law bounds"
        + " over the real placement of the real trace, calibrated on the testbed's 1- and 2-node runs).",
        "Prints the paper's tables (req/s, Mbit/s, the improvement), the resource that bounds each cell and,"
        + " when measured runs exist, predicted vs measured; writes tables, CSV and PNG charts into --out."})
public final class BenchSimulateCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Option(names = "--calibration", required = true, paramLabel = "FILE",
      description = "The calibration the testbed wrote (key=value lines; see bench/README.md, \"Simulator\").")
  Path calibration;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Option(names = "--nodes", split = ",", paramLabel = "N",
      description = "Numbers of cache nodes (default: ${DEFAULT-VALUE}).")
  List<Integer> nodes;

  @Option(names = "--strategies", split = ",", paramLabel = "NAME",
      description = "Placement strategies (default: ${DEFAULT-VALUE}).")
  List<String> strategies;

  @Option(names = "--arch", split = ",", paramLabel = "ARCH",
      description = "Architectures (default: ${DEFAULT-VALUE}).")
  List<String> archs;

  @Option(names = "--traces", split = ",", paramLabel = "NAME",
      description = "Traces by their names in the calibration (default: all of them).")
  List<String> traces;

  @Option(names = "--measured", paramLabel = "FILE",
      description = "The testbed's runs.csv to compare with (default: runs.csv beside the calibration, if there).")
  Path measured;

  @Option(names = "--requests", paramLabel = "N", defaultValue = "0",
      description = "At most N requests of each trace per cell (default: the calibration's run, else the whole trace).")
  long requests;

  /** The defaults of the grid's options: {@link SimulationGrid}'s. */
  public static final class Defaults extends SettingOptions {
    public Defaults() {
      super("--nodes", SimulationGrid.SERVERS.stream().map(String::valueOf).collect(Collectors.joining(",")),
          "--strategies", String.join(",", PaperExperiment.STRATEGIES),
          "--arch", Stream.of(Arch.values()).map(Arch::id).collect(Collectors.joining(",")));
    }
  }

  @Option(names = "--fit-link", description = "Before predicting, set link.efficiency so that the model's 1-node"
      + " distributed cell of the first trace equals the mean measured one (--measured), and write the calibration so"
      + " refined into --out.")
  boolean fitLink;

  @Override
  public void run() {
    List<Arch> archList = archs.stream().map(a -> Usage.of(spec, () -> Arch.named(a))).distinct().toList();
    Calibration read = Calibration.read(calibration);
    Path base = calibration.toAbsolutePath().getParent();
    Calibration c = fitLink ? fitLink(read, measured != null ? measured : base.resolve("runs.csv")) : read;
    SimulationGrid.Builder gb = Usage.of(spec, () -> SimulationGrid.builder(c).base(base).servers(nodes)
        .strategies(strategies).archs(archList).requests(requests));
    if (traces != null) {
      Usage.of(spec, () -> gb.traces(traces));
    }
    SimulationGrid grid = gb.build();
    Path runsCsv = measured != null ? measured : base.resolve("runs.csv");
    List<MeasuredRuns.Run> runs = measured != null || Files.isRegularFile(runsCsv)
        ? MeasuredRuns.read(runsCsv) : List.of();
    createOut();
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    PaperCharts.warmUp();
    List<SimulatedRun> cells = grid.run();
    List<SimulationReport.Comparison> compared = SimulationReport.compare(grid, runs);
    err.printf(Locale.ROOT, "%s: %d cells, %d measured runs compared, in %.1f s%n", spec.qualifiedName(),
        cells.size(), compared.size(), (System.nanoTime() - start) / 1e9);
    err.flush();
    SimulationReport report = new SimulationReport(cells, compared);
    PrintWriter o = spec.commandLine().getOut();
    report.print(o);
    List<Path> files = report.write(out);
    o.println("results in " + out + ": " + files.stream().map(p -> p.getFileName().toString())
        .collect(Collectors.joining(", ")));
    o.flush();
  }

  /** {@code c} with the link efficiency fitted on the measured 1-node distributed runs of its first trace. */
  private Calibration fitLink(Calibration c, Path runsCsv) {
    String name = c.traces().keySet().iterator().next();
    double measured = MeasuredRuns.read(runsCsv).stream()
        .filter(r -> r.trace().equals(name) && r.servers() == 1 && r.arch() == Arch.DISTRIBUTED)
        .mapToDouble(MeasuredRuns.Run::requestsPerSecond).average()
        .orElseThrow(() -> Usage.error(spec, "--fit-link: " + runsCsv + " has no 1-node distributed run of " + name));
    KeyedTrace t = KeyedTrace.load(c.trace(name).spec(), 0, c.origin(), c.imageShare(), c.defaultSize());
    Calibration fitted = c.toBuilder().linkEfficiency(Ceiling.fitEfficiency(c, name, t, measured)).build();
    createOut();
    fitted.write(out.resolve("calibration.properties"));
    spec.commandLine().getErr().printf(Locale.ROOT, "%s: link.efficiency %.4f -> %.4f (1-node distributed %s: %.1f"
        + " req/s measured); written to %s%n", spec.qualifiedName(), c.linkEfficiency(), fitted.linkEfficiency(), name,
        measured, out.resolve("calibration.properties"));
    return fitted;
  }

  private void createOut() {
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException("--out " + out + ": cannot create (" + e + ")", e);
    }
  }
}
