package io.shoal.bench.paper;

import io.shoal.bench.paper.PaperRun.Metric;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The paper's tables from a list of runs: per trace and metric, rows = servers and columns =
 * architecture x strategy (Tables 4-9: centralized columns {@code RR MD5 ...}, then distributed
 * {@code AS-RR AS-MD5 ...}); per trace the improvement (distributed - centralized) / centralized
 * of requests/s in % (Tables 10-12); and one row per run with hit ratios, origin requests, storage
 * duplication and load balance. A cell without a run is {@code -}. {@link #of} makes the same
 * tables but the last from cells that are not runs (a model's predictions).
 */
public final class PaperTables {
  /** One table: a title, column names and rows of cells (the first cell is the row name). */
  public record Table(String id, String title, List<String> columns, List<List<String>> rows) {}

  private final List<? extends PaperCell> cells;
  private final List<PaperRun> runs;
  private final boolean perRun;

  public PaperTables(List<PaperRun> runs) {
    this(runs, runs, true);
  }

  private PaperTables(List<? extends PaperCell> cells, List<PaperRun> runs, boolean perRun) {
    this.cells = List.copyOf(cells);
    this.runs = List.copyOf(runs);
    this.perRun = perRun;
  }

  /** The metric and improvement tables of {@code cells}, without the per-run table. */
  public static PaperTables of(List<? extends PaperCell> cells) {
    return new PaperTables(cells, List.of(), false);
  }

  /** Traces in the order of the runs. */
  public List<String> traces() {
    Set<String> t = new LinkedHashSet<>();
    cells.forEach(r -> t.add(r.trace()));
    return List.copyOf(t);
  }

  /** Every table, in the order they are printed. */
  public List<Table> all() {
    List<Table> out = new ArrayList<>();
    for (String trace : traces()) {
      for (Metric m : Metric.values()) {
        out.add(metric(trace, m));
      }
      if (archs(trace).size() == 2) {
        out.add(improvement(trace));
      }
    }
    if (perRun) {
      out.add(perRun());
      Table hosts = Utilisation.of(runs);
      if (hosts != null) {
        out.add(hosts);
      }
    }
    return out;
  }

  /** Rows = servers, columns = arch x strategy, cells = {@code m} rounded. */
  public Table metric(String trace, Metric m) {
    List<String> columns = new ArrayList<>();
    columns.add("Server #");
    for (Arch a : archs(trace)) {
      for (String s : strategies(trace)) {
        columns.add(PaperRun.column(a, s));
      }
    }
    List<List<String>> rows = new ArrayList<>();
    for (int n : servers(trace)) {
      List<String> row = new ArrayList<>();
      row.add(Integer.toString(n));
      for (Arch a : archs(trace)) {
        for (String s : strategies(trace)) {
          PaperCell r = find(trace, n, s, a);
          row.add(r == null ? "-" : fmt(r.metric(m), m == Metric.REQUESTS_PER_S ? "%.0f" : "%.1f"));
        }
      }
      rows.add(row);
    }
    return new Table(trace + "-" + m.id(), trace + ": " + m.title() + " (paper: " + m.paperUnit()
        + ", Tables 4-9)", columns, rows);
  }

  /** (distributed - centralized) / centralized of requests/s, in %, like Tables 10-12. */
  public Table improvement(String trace) {
    List<String> columns = new ArrayList<>();
    columns.add("Server #");
    strategies(trace).forEach(s -> columns.add(PaperRun.paperName(s)));
    List<List<String>> rows = new ArrayList<>();
    for (int n : servers(trace)) {
      List<String> row = new ArrayList<>();
      row.add(Integer.toString(n));
      for (String s : strategies(trace)) {
        PaperCell c = find(trace, n, s, Arch.CENTRALIZED);
        PaperCell d = find(trace, n, s, Arch.DISTRIBUTED);
        row.add(c == null || d == null ? "-" : fmt(improvement(c, d), "%.0f"));
      }
      rows.add(row);
    }
    return new Table(trace + "-improvement", trace + ": improvement of requests/s, (distributed - centralized)"
        + " / centralized, % (paper: Tables 10-12)", columns, rows);
  }

  /** (d - c) / c in %, of requests/s. */
  public static double improvement(PaperCell centralized, PaperCell distributed) {
    double c = centralized.metric(Metric.REQUESTS_PER_S);
    double d = distributed.metric(Metric.REQUESTS_PER_S);
    return c > 0 ? (d - c) / c * 100 : Double.NaN;
  }

  /** One row per run: everything but the latency tail. */
  public Table perRun() {
    List<String> columns = List.of("trace", "servers", "column", "req/s", "Mbit/s", "hit", "byte hit",
        "origin req", "origin URLs", "dup", "balance", "errors", "p99 ms", "interrupted");
    List<List<String>> rows = new ArrayList<>();
    for (PaperRun r : runs) {
      rows.add(List.of(r.trace(), Integer.toString(r.servers()), r.column(),
          fmt(r.replay().requestsPerSecond(), "%.0f"), fmt(r.replay().megabitsPerSecond(), "%.1f"),
          fmt(r.replay().hitRatio(), "%.3f"), fmt(r.replay().byteHitRatio(), "%.3f"),
          Long.toString(r.replay().servers().originRequests()), Long.toString(r.replay().servers().originUrls()),
          fmt(r.storage().duplication(), "%.2f") + (r.storage().basis().equals("keys") ? "" : "~"),
          fmt(r.loadBalance(), "%.2f"), Long.toString(r.replay().errorCount()),
          fmt(r.replay().latency().p99(), "%.1f"), r.replay().interrupted() ? "yes" : "no"));
    }
    return new Table("runs", "every run: hit ratios from X-Cache, origin requests and distinct origin URLs,"
        + " storage duplication (bytes cached / unique bytes cached; ~ = by entries), load balance"
        + " (max / mean requests per cache node)", columns, rows);
  }

  /** Writes a table as aligned text: the title, the header, the rows. */
  public static void print(Table t, PrintWriter out) {
    int[] w = new int[t.columns().size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = t.columns().get(i).length();
      for (List<String> row : t.rows()) {
        w[i] = Math.max(w[i], row.get(i).length());
      }
    }
    out.println(t.title());
    out.println(line(t.columns(), w));
    t.rows().forEach(r -> out.println(line(r, w)));
    out.println();
    out.flush();
  }

  /** The table as CSV rows {@code table,row,column,value} (long form: one line per cell). */
  public static void csv(Table t, PrintWriter out) {
    for (List<String> row : t.rows()) {
      for (int i = 1; i < row.size(); i++) {
        out.print(t.id() + "," + row.get(0) + "," + t.columns().get(i) + "," + row.get(i) + "\r\n");
      }
    }
  }

  private static String line(List<String> cells, int[] w) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      b.append(i == 0 ? c + " ".repeat(w[i] - c.length()) : "  " + " ".repeat(w[i] - c.length()) + c);
    }
    return b.toString().stripTrailing();
  }

  PaperCell find(String trace, int servers, String strategy, Arch arch) {
    for (PaperCell r : cells) {
      if (r.trace().equals(trace) && r.servers() == servers && r.strategy().equals(strategy) && r.arch() == arch) {
        return r;
      }
    }
    return null;
  }

  List<Integer> servers(String trace) {
    return distinct(trace, r -> r.servers()).stream().sorted().toList();
  }

  List<String> strategies(String trace) {
    return distinct(trace, PaperCell::strategy);
  }

  List<Arch> archs(String trace) {
    return distinct(trace, PaperCell::arch).stream().sorted().toList();
  }

  private <T> List<T> distinct(String trace, java.util.function.Function<PaperCell, T> f) {
    Map<T, Boolean> seen = new LinkedHashMap<>();
    cells.stream().filter(r -> r.trace().equals(trace)).forEach(r -> seen.put(f.apply(r), true));
    return List.copyOf(seen.keySet());
  }

  static String fmt(double v, String format) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "n/a" : String.format(Locale.ROOT, format, v);
  }
}
