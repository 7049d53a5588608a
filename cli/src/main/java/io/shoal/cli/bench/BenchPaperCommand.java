package io.shoal.cli.bench;

import io.shoal.bench.origin.BenchOrigin;
import io.shoal.bench.paper.Arch;
import io.shoal.bench.paper.PaperExperiment;
import io.shoal.bench.paper.PaperReport;
import io.shoal.bench.paper.PaperRun;
import io.shoal.bench.paper.RunLog;
import io.shoal.traces.Traces;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shoal bench paper}: the experiment of the paper (Kwon, Kwak and Chung 2008, Tables
 * 4-12) on this machine. Ctrl-C
 * stops the current replay, tears its cluster down and prints and writes the partial results.
 */
@Command(name = "paper", mixinStandardHelpOptions = true,
    description = {"Run the paper's experiment on this machine: for every trace x number of servers x strategy x"
        + " architecture, start a cluster (centralized: one switch node in front of the caches; distributed: the L4"
        + " front in front of nodes that all route), replay the trace through it, stop it.",
        "Prints the paper's tables (req/s and Mbit/s: rows = servers, columns = arch x strategy; the improvement"
        + " table) and writes tables, CSV, JSON, PNG charts, run.log and nodes.log into --out."})
public final class BenchPaperCommand implements Runnable {
  static final String BU = "webcachesim:classpath:bu-1998-webcachesim.tr.gz";

  @Spec
  CommandSpec spec;

  @Option(names = "--quick", description = "A few-minute version: surge,bu; nodes 1,2; round-robin,ketama; both"
      + " architectures; 2000 requests; 8 connections per server (options given explicitly still win).")
  boolean quick;

  @Option(names = "--traces", split = ",", paramLabel = "TRACE", defaultValue = "surge,bu",
      description = "surge (generated into --out), bu (the bundled BU 1998 trace) or FORMAT:PATH (default: ${DEFAULT-VALUE}).")
  List<String> traces;

  @Option(names = "--nodes", split = ",", paramLabel = "N", defaultValue = "1,2,4,8",
      description = "Numbers of cache servers (default: ${DEFAULT-VALUE}).")
  List<Integer> nodes;

  @Option(names = "--strategies", split = ",", paramLabel = "NAME", defaultValue = "round-robin,md5,ketama,carp,mod-ch,ht-rr",
      description = "Placement strategies (default: ${DEFAULT-VALUE}).")
  List<String> strategies;

  @Option(names = "--arch", split = ",", paramLabel = "ARCH", defaultValue = "centralized,distributed",
      description = "Architectures (default: ${DEFAULT-VALUE}).")
  List<String> archs;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "results", description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--requests", paramLabel = "N", description = "Requests per run (default: 20000, or the whole trace with --duration).")
  Long requests;

  @Option(names = "--duration", paramLabel = "DURATION", description = "Measure each run this long after the warm-up instead.")
  String duration;

  @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "0s", description = "Unmeasured start of each run (default: ${DEFAULT-VALUE}).")
  String warmup;

  @Option(names = "--connections", paramLabel = "N", defaultValue = "63",
      description = "Client connections per server, as the paper's 63 (default: ${DEFAULT-VALUE}).")
  int connections;

  @Option(names = "--keep-alive", description = "Reuse client connections (default: one per request, like the paper's HTTP/1.0 clients).")
  boolean keepAlive;

  @Option(names = "--surge-files", paramLabel = "N", defaultValue = "100", description = "Files of the Surge trace (default: ${DEFAULT-VALUE}, the paper's Surge-100).")
  int surgeFiles;

  @Option(names = "--surge-requests", paramLabel = "N", description = "Requests of the Surge trace (default: --requests, else 100000).")
  Long surgeRequests;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the Surge trace (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--images", defaultValue = "0", paramLabel = "FRACTION", description = "Share of object ids served as JPEG images (default: ${DEFAULT-VALUE}).")
  double images;

  @Option(names = "--cache-size", defaultValue = "256MB", paramLabel = "SIZE", description = "Cache memory per node (default: ${DEFAULT-VALUE}).")
  String cacheSize;

  @Option(names = "--java-opts", defaultValue = "-Xms64m -Xmx384m -XX:+UseSerialGC", paramLabel = "OPTS",
      description = "JVM options of each node process (default: '${DEFAULT-VALUE}').")
  String javaOpts;

  @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Any node setting, for every node (repeatable).")
  Map<String, String> set = new LinkedHashMap<>();

  @Option(names = "--origin-port", defaultValue = "0", paramLabel = "PORT", description = "Port of the benchmark origin (default: any free port).")
  int originPort;

  @Option(names = "--timeout", defaultValue = "30s", paramLabel = "DURATION", description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(names = "--threads", paramLabel = "N", description = "Client event-loop threads (default: a quarter of the cores, 1 to 4).")
  Integer threads;

  @Override
  public void run() {
    BenchArgs.quiet();
    if (quick) {
      quickDefaults();
    }
    List<Arch> archList = archs.stream().map(a -> BenchArgs.usage(spec, () -> Arch.named(a))).distinct().toList();
    ClusterTestbedChecks.check(spec, strategies, nodes, cacheSize, javaOpts, set);
    if (duration != null && requests != null) {
      throw BenchArgs.usage(spec, "--duration and --requests: give one (expected: a duration or a request count)");
    }
    long perRun = duration != null ? 0 : requests != null ? requests : 20_000;
    if (requests != null && requests <= 0) {
      throw BenchArgs.usage(spec, "--requests: " + requests + " (expected: > 0)");
    }
    Map<String, String> named = traceSpecs();
    PaperExperiment.Builder eb = BenchArgs.usage(spec, () -> PaperExperiment.builder()
        .servers(nodes).strategies(strategies).archs(archList).connectionsPerServer(connections)
        .requests(perRun).duration(duration == null ? null : BenchArgs.duration(spec, "--duration", duration))
        .warmup(BenchArgs.duration(spec, "--warmup", warmup)).keepAlive(keepAlive)
        .timeout(BenchArgs.duration(spec, "--timeout", timeout)).imageShare(images));
    if (threads != null) {
      BenchArgs.usage(spec, () -> eb.threads(threads));
    }
    BenchOrigin.Builder ob = BenchOriginCommand.builder(spec, "127.0.0.1", originPort, "1d", "0ms", "0", "8KB");
    createOut();
    named.forEach((name, traceSpec) -> eb.trace(name, traceSpec.equals("surge") ? surge() : traceSpec));
    PaperExperiment experiment = BenchArgs.usage(spec, eb::build);
    io.shoal.bench.paper.PaperCharts.warmUp();
    try (BenchOrigin origin = ob.start();
        PrintWriter nodeLog = new PrintWriter(new java.io.OutputStreamWriter(
            new java.io.FileOutputStream(out.resolve("nodes.log").toFile(), true), StandardCharsets.UTF_8), true);
        RunLog log = RunLog.open(out.resolve("run.log"), version(), parameters(named, perRun, origin))) {
      run(experiment, new ClusterTestbed(cacheSize, javaOpts, set, nodeLog), origin, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write into " + out + ": " + e.getMessage(), e);
    }
  }

  private void run(PaperExperiment experiment, ClusterTestbed testbed, BenchOrigin origin, RunLog log) {
    PrintWriter err = spec.commandLine().getErr();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      experiment.stop();
      try {
        finished.await(120, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "shoal-bench-paper-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      err.printf(Locale.ROOT, "%s: %d runs into %s (%s)%n", spec.qualifiedName(), experiment.size(), out, RunLog.machine());
      err.flush();
      Progress progress = new Progress(err, log, experiment.size());
      PaperExperiment.Results results;
      try {
        results = experiment.run(testbed, origin, progress);
      } catch (PaperExperiment.ExperimentFailure f) {
        Thread.interrupted();
        log.line("failed: " + f.getMessage());
        report(f.partial(), log, true);
        throw f;
      }
      Thread.interrupted(); // a Ctrl-C that came after the last run must not cut the files short
      if (results.interrupted()) {
        log.line("interrupted after " + results.runs().size() + " of " + experiment.size() + " runs");
        err.println(spec.qualifiedName() + ": interrupted; partial results below");
        err.flush();
      }
      report(results, log, results.interrupted());
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it was waiting for this method, which is done
      }
    }
  }

  private void report(PaperExperiment.Results results, RunLog log, boolean partial) {
    PrintWriter o = spec.commandLine().getOut();
    List<PaperRun> runs = results.runs();
    PaperReport.print(runs, o);
    List<Path> files;
    try {
      files = PaperReport.write(runs, out);
    } catch (RuntimeException | Error e) {
      log.line("cannot write the results: " + e);
      throw e;
    }
    log.line("wrote " + files);
    o.println("CPU-bound: every process shares this machine's " + Runtime.getRuntime().availableProcessors()
        + " cores, so the numbers do not scale with servers like the paper's 16 PCs.");
    o.println((partial ? "partial results (" + runs.size() + " runs) in " : "results in ") + out + ": "
        + String.join(", ", files.stream().map(p -> p.getFileName().toString()).toList()) + ", run.log, nodes.log");
    o.flush();
  }

  private void quickDefaults() {
    var parsed = spec.commandLine().getParseResult();
    if (!parsed.hasMatchedOption("--nodes")) {
      nodes = List.of(1, 2);
    }
    if (!parsed.hasMatchedOption("--strategies")) {
      strategies = List.of("round-robin", "ketama");
    }
    if (!parsed.hasMatchedOption("--requests") && !parsed.hasMatchedOption("--duration")) {
      requests = 2000L;
    }
    if (!parsed.hasMatchedOption("--connections")) {
      connections = 8;
    }
    if (!parsed.hasMatchedOption("--java-opts")) {
      javaOpts = "-Xms32m -Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
    }
    if (!parsed.hasMatchedOption("--cache-size")) {
      cacheSize = "64MB";
    }
  }

  /** Trace name in the tables -> "surge" or FORMAT:PATH; a bad format is a usage error. */
  private Map<String, String> traceSpecs() {
    Map<String, String> named = new LinkedHashMap<>();
    for (String t : traces) {
      String s = t.strip();
      if (s.equals("surge") || s.equals("bu")) {
        named.put(s, s.equals("bu") ? BU : "surge");
        continue;
      }
      if (s.indexOf(':') <= 0) {
        throw BenchArgs.usage(spec, "--traces: \"" + s + "\" (expected: surge, bu or FORMAT:PATH)");
      }
      BenchArgs.usage(spec, () -> Traces.format(s));
      String file = Path.of(Traces.path(s)).getFileName() == null ? s : Path.of(Traces.path(s)).getFileName().toString();
      named.put(file.replaceAll("(\\.gz|\\.xz)$", "").replaceAll("[^A-Za-z0-9._-]", "_"), s);
    }
    for (String s : named.values()) {
      if (!s.equals("surge")) {
        try (Stream<?> requests = Traces.open(s).requests()) {
          requests.findFirst(); // a missing or unreadable file fails now, naming it, before anything starts
        }
      }
    }
    return named;
  }

  /** Generates the Surge trace into --out (kept when it is there already: same parameters, same file). */
  private String surge() {
    long count = surgeRequests != null ? surgeRequests : requests != null ? requests : 100_000;
    Path file = out.resolve(String.format(Locale.ROOT, "surge-%d-files-%d-requests-seed-%d.tr", surgeFiles, count, seed));
    String traceSpec = "webcachesim:" + file;
    if (!Files.isRegularFile(file)) {
      io.shoal.traces.gen.SurgeGenerator g = BenchArgs.usage(spec, () -> io.shoal.traces.gen.SurgeGenerator.builder()
          .files(surgeFiles).requests(count).seed(seed).build());
      Path partial = out.resolve(file.getFileName() + ".part");
      try (io.shoal.traces.TraceWriter w = Traces.create("webcachesim:" + partial);
          Stream<io.shoal.traces.TraceRequest> rs = g.requests()) {
        rs.forEachOrdered(w::write);
      }
      try {
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
      }
    }
    return traceSpec;
  }

  private void createOut() {
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException("--out " + out + ": cannot create (" + e + ")", e);
    }
  }

  private Map<String, String> parameters(Map<String, String> named, long perRun, BenchOrigin origin) {
    Map<String, String> p = new LinkedHashMap<>();
    named.forEach((n, s) -> p.put("trace " + n, s.equals("surge")
        ? "surge model, " + surgeFiles + " files, seed " + seed : s));
    p.put("nodes", nodes.toString());
    p.put("strategies", strategies.toString());
    p.put("arch", archs.toString());
    p.put("requests per run", perRun == 0 ? "the whole trace" : Long.toString(perRun));
    p.put("duration", duration == null ? "-" : duration);
    p.put("warmup", warmup);
    p.put("connections per server", Integer.toString(connections));
    p.put("keep-alive", Boolean.toString(keepAlive));
    p.put("images", Double.toString(images));
    p.put("timeout", timeout);
    p.put("threads", threads == null ? "default" : threads.toString());
    p.put("cache size per node", cacheSize);
    p.put("node java opts", javaOpts);
    p.put("node settings", ClusterTestbed.settings(set).toString());
    p.put("origin", origin.uri() + " (max-age 1d, no latency, no bandwidth cap)");
    p.put("out", out.toAbsolutePath().toString());
    return p;
  }

  private static String version() {
    java.util.Properties p = new java.util.Properties();
    try (var in = BenchPaperCommand.class.getResourceAsStream("/shoal-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // unknown
    }
    return p.getProperty("version", "unknown");
  }

  /** One line per run on standard error, and the run log. */
  private static final class Progress implements PaperExperiment.Listener {
    private final PrintWriter err;
    private final RunLog log;
    private final int total;
    private int done;

    Progress(PrintWriter err, RunLog log, int total) {
      this.err = err;
      this.log = log;
      this.total = total;
    }

    @Override
    public void started(PaperExperiment.Trace trace, int servers, String strategy, Arch arch,
        io.shoal.bench.paper.Testbed.Deployment deployment) {
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
}
