package io.shoal.bench.simulate;

import io.shoal.bench.paper.Arch;
import io.shoal.bench.paper.PaperCharts;
import io.shoal.bench.paper.PaperReport;
import io.shoal.bench.paper.PaperRun;
import io.shoal.bench.paper.PaperTables;
import io.shoal.bench.paper.PaperTables.Table;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The predicted grid as the paper's tables ({@link PaperTables}: requests/s and Mbit/s per servers
 * x architecture and strategy, the improvement), the resource that bounds each cell, one row per
 * cell, and — when measured runs are given — predicted against measured per matched cell. Files:
 * {@code tables.txt} (what is printed), {@code tables.csv} (every table cell, long form),
 * {@code cells.csv} (one row per cell), {@code compare.csv} (one row per matched run) and the
 * PNG charts of {@link PaperCharts}.
 */
public final class SimulationReport {
  /** Servers whose cells the validation checks (the model was fitted on 1 and 2). */
  public static final List<Integer> VALIDATED = List.of(4, 8);

  /** A measured run and the model's prediction of it as the testbed ran it. */
  public record Comparison(MeasuredRuns.Run measured, SimulatedRun predicted) {
    /** (predicted - measured) / measured, in %. */
    public double errorPercent() {
      double m = measured.requestsPerSecond();
      return m > 0 ? (predicted.prediction().requestsPerSecond() - m) / m * 100 : Double.NaN;
    }
  }

  private final List<SimulatedRun> runs;
  private final List<Comparison> comparisons;

  public SimulationReport(List<SimulatedRun> runs, List<Comparison> comparisons) {
    this.runs = List.copyOf(runs);
    this.comparisons = List.copyOf(comparisons);
  }

  /** The measured runs of the grid's traces, each with its prediction as the testbed ran it. */
  public static List<Comparison> compare(SimulationGrid grid, List<MeasuredRuns.Run> measured) {
    return measured.parallelStream()
        .filter(r -> grid.calibration().traces().containsKey(r.trace()))
        .map(r -> new Comparison(r, grid.testbed(r.trace(), r.servers(), r.strategy(), r.arch())))
        .toList();
  }

  /** The largest |error| over the matched cells at {@link #VALIDATED} servers, if any. */
  public OptionalDouble maxErrorValidated() {
    return comparisons.stream().filter(c -> VALIDATED.contains(c.measured().servers()))
        .mapToDouble(c -> Math.abs(c.errorPercent())).filter(e -> !Double.isNaN(e)).max();
  }

  /** The closing line: {@code max |error| at 4 and 8 nodes: X%}. */
  public String summary() {
    OptionalDouble max = maxErrorValidated();
    return "max |error| at 4 and 8 nodes: " + (max.isPresent() ? fmt(max.getAsDouble(), "%.1f") + "%"
        : "n/a (no measured run at 4 or 8 nodes)");
  }

  /** Every table, in the order they are printed. */
  public List<Table> tables() {
    List<Table> out = new ArrayList<>();
    PaperTables paper = PaperTables.of(runs);
    for (Table t : paper.all()) {
      out.add(new Table(t.id(), "predicted, " + t.title(), t.columns(), t.rows()));
      if (t.id().endsWith("-" + PaperRun.Metric.MBIT_PER_S.id())) {
        out.add(bounds(t.id().substring(0, t.id().length() - PaperRun.Metric.MBIT_PER_S.id().length() - 1)));
      }
    }
    out.add(cells());
    if (!comparisons.isEmpty()) {
      out.add(comparison());
    }
    return out;
  }

  /** Prints every table and the summary when there are measured runs. */
  public void print(PrintWriter out) {
    tables().forEach(t -> PaperTables.print(t, out));
    if (!comparisons.isEmpty()) {
      out.println(summary());
    }
    out.flush();
  }

  /** Writes every file into {@code dir}; returns them. */
  public List<Path> write(Path dir) {
    List<Path> files = new ArrayList<>();
    files.add(PaperReport.write(dir.resolve("tables.txt"), this::print));
    files.add(PaperReport.write(dir.resolve("tables.csv"), out -> {
      out.print("table,row,column,value\r\n");
      tables().forEach(t -> PaperTables.csv(t, out));
    }));
    files.add(PaperReport.write(dir.resolve("cells.csv"), out -> {
      out.print("trace_name,servers,arch,strategy,column,requests_per_s,mbit_per_s,hit_ratio,forwarded_share,"
          + "max_owner_share,bound_by\r\n");
      for (SimulatedRun r : runs) {
        Prediction p = r.prediction();
        out.print(String.join(",", r.trace(), Integer.toString(r.servers()), r.arch().id(), r.strategy(), r.column(),
            fmt(p.requestsPerSecond(), "%.1f"), fmt(p.megabitsPerSecond(), "%.2f"), fmt(p.hitRatio(), "%.4f"),
            fmt(p.forwardedShare(), "%.4f"), fmt(maxShare(p), "%.4f"), p.boundBy()) + "\r\n");
      }
    }));
    if (!comparisons.isEmpty()) {
      files.add(PaperReport.write(dir.resolve("compare.csv"), out -> {
        out.print("trace_name,servers,arch,strategy,column,predicted_requests_per_s,measured_requests_per_s,"
            + "error_percent,bound_by\r\n");
        for (Comparison c : comparisons) {
          SimulatedRun p = c.predicted();
          out.print(String.join(",", p.trace(), Integer.toString(p.servers()), p.arch().id(), p.strategy(),
              p.column(), fmt(p.prediction().requestsPerSecond(), "%.1f"),
              fmt(c.measured().requestsPerSecond(), "%.1f"), fmt(c.errorPercent(), "%.1f"),
              p.prediction().boundBy()) + "\r\n");
        }
      }));
    }
    if (!runs.isEmpty()) {
      files.addAll(PaperCharts.write(PaperTables.of(runs), dir));
    }
    return files;
  }

  /** Rows = servers, columns = arch x strategy, cells = the bound resource. */
  private Table bounds(String trace) {
    List<SimulatedRun> of = runs.stream().filter(r -> r.trace().equals(trace)).toList();
    List<Integer> servers = distinct(of, SimulatedRun::servers).stream().sorted().toList();
    List<Arch> archs = distinct(of, SimulatedRun::arch).stream().sorted().toList();
    List<String> strategies = distinct(of, SimulatedRun::strategy);
    List<String> columns = new ArrayList<>(List.of("Server #"));
    archs.forEach(a -> strategies.forEach(s -> columns.add(a.prefix() + PaperRun.paperName(s))));
    List<List<String>> rows = new ArrayList<>();
    for (int n : servers) {
      List<String> row = new ArrayList<>(List.of(Integer.toString(n)));
      for (Arch a : archs) {
        for (String s : strategies) {
          row.add(of.stream().filter(r -> r.servers() == n && r.arch() == a && r.strategy().equals(s))
              .map(r -> r.prediction().boundBy()).findFirst().orElse("-"));
        }
      }
      rows.add(row);
    }
    return new Table(trace + "-bound", "predicted, " + trace + ": the resource that bounds each cell (link:HOST:egress"
        + " or ingress, cpu:HOST, cpu:machine, clients)", columns, rows);
  }

  private Table cells() {
    List<List<String>> rows = new ArrayList<>();
    for (SimulatedRun r : runs) {
      Prediction p = r.prediction();
      rows.add(List.of(r.trace(), Integer.toString(r.servers()), r.column(), fmt(p.requestsPerSecond(), "%.0f"),
          fmt(p.megabitsPerSecond(), "%.1f"), fmt(p.hitRatio(), "%.3f"), fmt(p.forwardedShare(), "%.3f"),
          fmt(maxShare(p), "%.3f"), p.boundBy()));
    }
    return new Table("cells", "predicted, every cell: hit ratio, share of requests forwarded, the largest share of"
        + " bytes one node owns, the bound", List.of("trace", "servers", "column", "req/s", "Mbit/s", "hit",
        "forwarded", "max owner", "bound"), rows);
  }

  private Table comparison() {
    List<List<String>> rows = new ArrayList<>();
    for (Comparison c : comparisons) {
      SimulatedRun p = c.predicted();
      rows.add(List.of(p.trace(), Integer.toString(p.servers()), p.column(),
          fmt(p.prediction().requestsPerSecond(), "%.0f"), fmt(c.measured().requestsPerSecond(), "%.0f"),
          fmt(c.errorPercent(), "%+.1f"), p.prediction().boundBy()));
    }
    return new Table("compare", "predicted (the testbed: every host on the calibrated machine's cores) vs measured"
        + " requests/s, error = (predicted - measured) / measured", List.of("trace", "servers", "column",
        "predicted", "measured", "error %", "bound"), rows);
  }

  private static double maxShare(Prediction p) {
    return p.ownerShares().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  private static <T> List<T> distinct(List<SimulatedRun> runs, Function<SimulatedRun, T> f) {
    return List.copyOf(new LinkedHashSet<>(runs.stream().map(f).toList()));
  }

  private static String fmt(double v, String format) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "n/a" : String.format(Locale.ROOT, format, v);
  }
}
