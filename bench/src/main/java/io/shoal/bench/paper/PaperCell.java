package io.shoal.bench.paper;

import io.shoal.bench.paper.PaperRun.Metric;

/**
 * One cell of the paper's tables and charts: a trace through {@code servers} cache nodes placing
 * keys with {@code strategy} in architecture {@code arch}, and its metrics. A {@link PaperRun} is
 * one measured; a model's prediction can be one too.
 */
public interface PaperCell {
  /** The trace's name in the tables. */
  String trace();

  Arch arch();

  /** The placement strategy's name (e.g. {@code ketama}). */
  String strategy();

  /** Cache nodes (the switch and the front not counted). */
  int servers();

  /** A metric of this cell, {@code NaN} when unknown. */
  double metric(Metric m);
}
