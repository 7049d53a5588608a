package io.shoal.bench.paper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * {@code run.log}: the machine (cores, memory, OS, load), the versions and every parameter,
 * then one line as each run starts (its processes, the load average) and ends (its numbers), so
 * a result can be reproduced — and so a run that is cut short still left its trace. Each line is
 * flushed as it is written.
 */
public final class RunLog implements PaperExperiment.Listener, AutoCloseable {
  private final PrintWriter out;

  private RunLog(PrintWriter out) {
    this.out = out;
  }

  /** Creates (or appends to) {@code file} and writes the header. */
  public static RunLog open(Path file, String version, Map<String, String> parameters) {
    try {
      // a FileOutputStream, not a channel: an interrupt (Ctrl-C while a cluster starts) must not close the log
      PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(
          new java.io.FileOutputStream(file.toFile(), true), StandardCharsets.UTF_8), true);
      RunLog log = new RunLog(out);
      log.header(version, parameters);
      return log;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private void header(String version, Map<String, String> parameters) {
    line("shoal bench paper " + version + ", started " + Instant.now());
    line("machine: " + machine());
    line("java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
        + " (" + System.getProperty("java.vendor") + ")");
    line("os: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    if (!parameters.containsKey("testbed")) {
      line("note: every process (client, origin, front, switch, nodes) shares this machine's cores: the absolute"
          + " numbers are CPU-bound here and do not scale with servers like the paper's 16 PCs.");
    }
    parameters.forEach((k, v) -> line("parameter " + k + " = " + v));
  }

  /** Cores, memory and the load average now. */
  public static String machine() {
    long memory = -1;
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      memory = os.getTotalMemorySize();
    }
    return String.format(Locale.ROOT, "%d cores, %.1f GiB memory, load average %s",
        Runtime.getRuntime().availableProcessors(), memory / (1024.0 * 1024 * 1024), load());
  }

  static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  @Override
  public void started(PaperExperiment.Trace trace, int servers, String strategy, Arch arch,
      Testbed.Deployment deployment) {
    line(String.format(Locale.ROOT, "run %s servers=%d strategy=%s arch=%s: proxy %s, pids %s, load %s",
        trace.name(), servers, strategy, arch.id(), deployment.proxy(), deployment.pids(), load()));
  }

  @Override
  public void finished(PaperRun r) {
    line(String.format(Locale.ROOT, "done %s servers=%d strategy=%s arch=%s: %s req/s, %s Mbit/s, hit %s,"
            + " byte hit %s, origin %d requests for %d URLs, duplication %s (%s), balance %s, errors %d%s, %.1f s",
        r.trace(), r.servers(), r.strategy(), r.arch().id(), PaperTables.fmt(r.replay().requestsPerSecond(), "%.1f"),
        PaperTables.fmt(r.replay().megabitsPerSecond(), "%.2f"), PaperTables.fmt(r.replay().hitRatio(), "%.4f"),
        PaperTables.fmt(r.replay().byteHitRatio(), "%.4f"), r.replay().servers().originRequests(), r.replay().servers().originUrls(),
        PaperTables.fmt(r.storage().duplication(), "%.3f"), r.storage().basis(), PaperTables.fmt(r.loadBalance(), "%.3f"),
        r.replay().errorCount(), r.replay().breakdown().errors().isEmpty() ? "" : " " + r.replay().breakdown().errors(),
        r.replay().traffic().seconds()));
  }

  /** Writes one line, stamped. */
  public void line(String text) {
    synchronized (out) {
      out.println(Instant.now() + " " + text);
    }
  }

  @Override
  public void close() {
    out.close();
  }
}
