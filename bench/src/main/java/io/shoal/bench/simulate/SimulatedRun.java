package io.shoal.bench.simulate;

import io.shoal.bench.paper.Arch;
import io.shoal.bench.paper.PaperCell;
import io.shoal.bench.paper.PaperRun;
import java.util.Objects;

/**
 * One predicted cell of the paper's grid: a trace through {@code servers} nodes placing with
 * {@code strategy} in {@code arch}, and the model's {@link Prediction}.
 */
public record SimulatedRun(String trace, Arch arch, String strategy, int servers, Prediction prediction)
    implements PaperCell {
  public SimulatedRun {
    Objects.requireNonNull(trace, "trace");
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(prediction, "prediction");
  }

  @Override
  public double metric(PaperRun.Metric m) {
    return m == PaperRun.Metric.REQUESTS_PER_S ? prediction.requestsPerSecond() : prediction.megabitsPerSecond();
  }

  /** The column of this cell in the paper's tables, e.g. {@code AS-MIT_CH}. */
  public String column() {
    return arch.prefix() + PaperRun.paperName(strategy);
  }
}
