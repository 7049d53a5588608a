package io.shoal.bench.report;

import io.shoal.bench.replay.ReplayResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 CSV: a header of column names, then one row per run. */
final class CsvReport implements Report {
  @Override
  public void write(List<ReplayResult> results, PrintWriter out) {
    out.print(Columns.ALL.stream().map(Columns.Column::name).collect(Collectors.joining(",")) + "\r\n");
    for (ReplayResult r : results) {
      out.print(Columns.ALL.stream().map(c -> quote(c.value().apply(r))).collect(Collectors.joining(",")) + "\r\n");
    }
    out.flush();
  }

  static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
