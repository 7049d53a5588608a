package io.shoal.bench.report;

import io.shoal.bench.replay.ReplayResult;
import java.io.PrintWriter;
import java.util.List;

/** A table for people: one row per measurement, one column per run (runs side by side). */
final class TableReport implements Report {
  @Override
  public void write(List<ReplayResult> results, PrintWriter out) {
    int nameWidth = Columns.ALL.stream().mapToInt(c -> c.title().length()).max().orElse(0);
    int[] widths = new int[results.size()];
    for (int i = 0; i < results.size(); i++) {
      for (Columns.Column c : Columns.ALL) {
        widths[i] = Math.max(widths[i], c.value().apply(results.get(i)).length());
      }
    }
    for (Columns.Column c : Columns.ALL) {
      StringBuilder line = new StringBuilder(pad(c.title(), nameWidth));
      for (int i = 0; i < results.size(); i++) {
        line.append("  ").append(pad(c.value().apply(results.get(i)), widths[i]));
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
