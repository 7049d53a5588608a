package io.shoal.cli.bench;

import io.shoal.bench.paper.Arch;
import io.shoal.bench.paper.PaperExperiment;
import io.shoal.bench.paper.PaperRun;
import io.shoal.bench.paper.RunLog;
import io.shoal.bench.paper.Testbed;
import java.io.PrintWriter;
import java.util.Locale;

/** What {@code bench paper} reports as it goes: one line per run on standard error, and the run log. */
final class PaperProgress implements PaperExperiment.Listener {
  private final PrintWriter err;
  private final RunLog log;
  private final int total;
  private int done;

  PaperProgress(PrintWriter err, RunLog log, int total) {
    this.err = err;
    this.log = log;
    this.total = total;
  }

  @Override
  public void started(PaperExperiment.Trace trace, int servers, String strategy, Arch arch,
      Testbed.Deployment deployment) {
    log.started(trace, servers, strategy, arch, deployment);
  }

  @Override
  public void finished(PaperRun r) {
    log.finished(r);
    done++;
    err.printf(Locale.ROOT, "[%d/%d] %-6s %2d servers %-10s %-12s %8.0f req/s %7.1f Mbit/s  hit %.3f  errors %d%n",
        done, total, r.trace(), r.servers(), r.column(), r.arch().id(), r.replay().requestsPerSecond(),
        r.replay().megabitsPerSecond(), r.replay().hitRatio(), r.replay().errorCount());
    err.flush();
  }
}
