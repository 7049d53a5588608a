package io.shoal.bench.report;

import io.shoal.bench.replay.ReplayResult;
import java.io.PrintWriter;
import java.util.List;

/** Writes replay results in one format. */
public interface Report {
  /** Writes {@code results}, one run each, in this format. */
  void write(List<ReplayResult> results, PrintWriter out);
}
