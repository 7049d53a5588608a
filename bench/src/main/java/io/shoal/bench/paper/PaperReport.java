package io.shoal.bench.paper;

import io.shoal.bench.replay.ReplayResult;
import io.shoal.bench.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an experiment's results into a directory: {@code tables.txt} (what is printed),
 * {@code tables.csv} (every table cell, long form), {@code runs.csv} (per run: the experiment's
 * columns, then every column of the replay report's CSV from {@link ReportFormat#CSV}),
 * {@code runs.json} ({@link ReportFormat#JSON}) and the PNG charts.
 */
public final class PaperReport {
  private PaperReport() {}

  /** Prints every table to {@code out}. */
  public static void print(List<PaperRun> runs, PrintWriter out) {
    new PaperTables(runs).all().forEach(t -> PaperTables.print(t, out));
  }

  /** Writes every file; returns them. Nothing is drawn without runs. */
  public static List<Path> write(List<PaperRun> runs, Path dir) {
    List<Path> files = new ArrayList<>();
    PaperTables tables = new PaperTables(runs);
    files.add(write(dir.resolve("tables.txt"), out -> tables.all().forEach(t -> PaperTables.print(t, out))));
    files.add(write(dir.resolve("tables.csv"), out -> {
      out.print("table,row,column,value\r\n");
      tables.all().stream().filter(t -> !t.id().equals("runs") && !t.id().equals("utilisation"))
          .forEach(t -> PaperTables.csv(t, out));
    }));
    files.add(write(dir.resolve("runs.csv"), out -> runsCsv(runs, out)));
    if (runs.stream().anyMatch(r -> !r.hosts().isEmpty())) {
      files.add(write(dir.resolve("hosts.csv"), out -> Utilisation.csv(runs, out)));
    }
    files.add(write(dir.resolve("runs.json"), out ->
        ReportFormat.JSON.report().write(runs.stream().map(PaperRun::replay).toList(), out)));
    if (!runs.isEmpty()) {
      files.addAll(PaperCharts.write(tables, dir));
    }
    return files;
  }

  /** The experiment's columns, then the replay report's CSV columns, one row per run. */
  static void runsCsv(List<PaperRun> runs, PrintWriter out) {
    StringWriter replay = new StringWriter();
    List<ReplayResult> results = runs.stream().map(PaperRun::replay).toList();
    ReportFormat.CSV.report().write(results, new PrintWriter(replay));
    String[] lines = replay.toString().split("\r\n");
    out.print("trace_name,servers,arch,strategy,column,storage_entries,storage_bytes,duplication,"
        + "duplication_basis,load_balance,front_link_bytes,client_bytes,bound_by,ceiling_per_s," + lines[0] + "\r\n");
    for (int i = 0; i < runs.size(); i++) {
      PaperRun r = runs.get(i);
      out.print(String.join(",", r.trace(), Integer.toString(r.servers()), r.arch().id(), r.strategy(), r.column(),
          Long.toString(r.storage().entries()), Long.toString(r.storage().bytes()),
          PaperTables.fmt(r.storage().duplication(), "%.4f"), r.storage().basis(),
          PaperTables.fmt(r.loadBalance(), "%.4f"), Long.toString(r.frontLinkBytes()), Long.toString(r.clientBytes()),
          r.boundBy(), PaperTables.fmt(r.ceiling(), "%.1f")) + "," + lines[i + 1] + "\r\n");
    }
  }

  /** Writes {@code file} (UTF-8) with {@code body}; returns it. */
  public static Path write(Path file, java.util.function.Consumer<PrintWriter> body) {
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      body.accept(out);
      if (out.checkError()) {
        throw new IOException("write failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }
}
