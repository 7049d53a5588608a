package io.shoal.cli.bench;

import io.shoal.base.config.Sizes;
import io.shoal.bench.origin.BenchOrigin;
import io.shoal.bench.paper.Arch;
import io.shoal.bench.paper.PaperExperiment;
import io.shoal.bench.paper.PaperReport;
import io.shoal.bench.paper.PaperRun;
import io.shoal.bench.paper.RunLog;
import io.shoal.bench.paper.Testbed;
import io.shoal.cli.options.DurationConverter;
import java.net.URI;
import java.time.Duration;
import io.shoal.bench.replay.ReplaySettings;
import io.shoal.cli.cluster.NodeOptions;
import io.shoal.cli.options.SettingOptions;
import io.shoal.cli.options.Usage;
import io.shoal.cli.trace.SeedOption;
import io.shoal.node.CacheSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shoal bench paper}: the experiment of the paper (Kwon, Kwak and Chung 2008, Tables
 * 4-12) on this machine. Ctrl-C
 * stops the current replay, tears its cluster down and prints and writes the partial results.
 */
@Command(name = "paper", mixinStandardHelpOptions = true, defaultValueProvider = BenchPaperCommand.Defaults.class,
    description = {"Run the paper's experiment on this machine: for every trace x number of servers x strategy x"
        + " architecture, start a cluster (centralized: one switch node in front of the caches; distributed: the L4"
        + " front in front of nodes that all route), replay the trace through it, stop it.",
        "Prints the paper's tables (req/s and Mbit/s: rows = servers, columns = arch x strategy; the improvement"
        + " table) and writes tables, CSV, JSON, PNG charts, run.log and nodes.log into --out."})
public final class BenchPaperCommand implements Callable<Integer> {
  static final String BU = PaperTraces.BU;

  @Spec
  CommandSpec spec;

  @Option(names = "--quick", description = "A few-minute version: surge,bu; nodes 1,2; round-robin,ketama; both"
      + " architectures; 2000 requests; 8 connections per server. With --testbed netns: surge (20,000 requests);"
      + " nodes 1,2,4; round-robin,ketama; both architectures; 6 s after 2 s of warm-up (options given explicitly"
      + " still win). The netns testbed's runs are 20 s after 5 s of warm-up, its Surge seed 7, unless given.")
  boolean quick;

  @Option(names = "--traces", split = ",", paramLabel = "TRACE", defaultValue = "surge,bu",
      description = "surge (generated into --out), bu (the bundled BU 1998 trace) or FORMAT:PATH (default: ${DEFAULT-VALUE}).")
  List<String> traces;

  @Option(names = "--nodes", split = ",", paramLabel = "N",
      description = "Numbers of cache servers (default: ${DEFAULT-VALUE}).")
  List<Integer> nodes;

  @Option(names = "--strategies", split = ",", paramLabel = "NAME",
      description = "Placement strategies (default: ${DEFAULT-VALUE}).")
  List<String> strategies;

  @Option(names = "--arch", split = ",", paramLabel = "ARCH",
      description = "Architectures (default: ${DEFAULT-VALUE}).")
  List<String> archs;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "results", description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Mixin
  ReplayOptions client;

  @Option(names = "--surge-files", paramLabel = "N", defaultValue = "100", description = "Files of the Surge trace (default: ${DEFAULT-VALUE}, the paper's Surge-100).")
  int surgeFiles;

  @Option(names = "--surge-requests", paramLabel = "N", description = "Requests of the Surge trace (default: --requests, else 100000).")
  Long surgeRequests;

  @Mixin
  SeedOption seed;

  @Mixin
  NodeOptions node;

  @Option(names = "--origin-port", defaultValue = "0", paramLabel = "PORT", description = "Port of the benchmark origin (default: any free port).")
  int originPort;

  @Option(names = "--testbed", paramLabel = "KIND", defaultValue = "loopback",
      description = "loopback: every process on this machine's loopback, sharing its cores; netns (as root): every"
          + " host in its own network namespace on one bridge, links shaped with tc (--link), nodes and the switch"
          + " in CPU-limited cgroups (--host-cpu), the distributed front in kernel direct-routing mode (default:"
          + " ${DEFAULT-VALUE}).")
  String testbed;

  @Option(names = "--link", paramLabel = "RATE", converter = BenchConverters.Rate.class,
      description = "netns: the rate of the front's, the switch's and every node's link, each direction; the client"
          + " and origin links are not shaped (default: " + NetnsOptions.LINK + ").")
  Long link;

  @Option(names = "--link-delay", paramLabel = "DURATION", converter = DurationConverter.NonNegative.class,
      description = "netns: delay added on shaped links (needs netem in the kernel; default: none).")
  Duration linkDelay;

  @Option(names = "--host-cpu", paramLabel = "FRACTION",
      description = "netns: the CPU quota of every node and of the switch, in cores (default: " + NetnsOptions.HOST_CPU + ").")
  Double hostCpu;

  /**
   * The Surge seed of the netns testbed unless given. Seed 42's Surge-100 draws one 5.8 MB object
   * that carries 68% of the trace's bytes: on shaped links a closed-loop client holds a growing
   * number of its transfers for minutes before throughput settles, far beyond a run, and every
   * hashing strategy is bound by that one object's owner. Seed 7's largest object is 0.9 MB and
   * carries 15% of the bytes (mean request 28 KB).
   */
  static final long NETNS_SEED = 7;

  /** Trace name -> FORMAT:PATH, once the Surge trace is generated. */
  private final Map<String, String> resolved = new LinkedHashMap<>();
  /** The netns testbed's ceilings and calibration (inner run only). */
  private NetnsResults netnsResults;

  @Override
  public Integer call() throws Exception {
    BenchArgs.quiet();
    boolean emulated = testbed.strip().equalsIgnoreCase("netns");
    if (quick) {
      quickDefaults(emulated);
    }
    if (emulated) {
      netnsDefaults();
    }
    NetnsOptions netns = NetnsOptions.of(spec, testbed, link, linkDelay, hostCpu);
    List<Arch> archList = archs.stream().map(a -> Usage.of(spec, () -> Arch.named(a))).distinct().toList();
    ClusterTestbedChecks.check(spec, strategies, nodes, node);
    client.check(spec);
    long perRun = client.duration != null ? 0 : client.requests != null ? client.requests : 20_000;
    Map<String, String> named = PaperTraces.named(spec, traces);
    PaperExperiment.Builder eb = Usage.of(spec, () -> PaperExperiment.builder()
        .servers(nodes).strategies(strategies).archs(archList).connectionsPerServer(client.connections)
        .requests(perRun).duration(client.duration).warmup(client.warmup).keepAlive(client.keepAlive)
        .timeout(client.timeout).imageShare(client.images));
    if (client.threads != null) {
      Usage.of(spec, () -> eb.threads(client.threads));
    }
    BenchOrigin.Builder ob = Usage.of(spec, () -> BenchOrigin.builder().port(originPort));
    createOut();
    if (netns != null && !netns.inner()) {
      return netns.supervise(spec, nodes, out);
    }
    named.forEach((name, traceSpec) -> resolved.put(name, traceSpec.equals("surge") ? surge() : traceSpec));
    resolved.forEach(eb::trace);
    if (netns != null) {
      netnsResults = netns.results(client.images);
      eb.ceiling(netnsResults);
    }
    PaperExperiment experiment = Usage.of(spec, eb::build);
    io.shoal.bench.paper.PaperCharts.warmUp();
    try (BenchOrigin origin = netns == null ? ob.start() : null;
        PrintWriter nodeLog = new PrintWriter(new java.io.OutputStreamWriter(
            new java.io.FileOutputStream(out.resolve("nodes.log").toFile(), true), StandardCharsets.UTF_8), true)) {
      URI originUri = netns == null ? origin.uri() : netns.origin();
      Map<String, String> parameters = parameters(named, perRun, originUri);
      Testbed bed = netns == null ? new ClusterTestbed(node, nodeLog) : netns.testbed(node, out, nodeLog, parameters);
      try (RunLog log = RunLog.open(out.resolve("run.log"), version(), parameters)) {
        run(experiment, bed, originUri, log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write into " + out + ": " + e.getMessage(), e);
    }
    return 0;
  }

  /** The defaults of {@code bench paper}'s grid, node and client options. */
  public static final class Defaults extends SettingOptions {
    public Defaults() {
      super("--cache-size", CacheSettings.SIZE.defaultText(), "--java-opts", "-Xms64m -Xmx384m -XX:+UseSerialGC",
          "--nodes", PaperExperiment.SERVERS.stream().map(String::valueOf).collect(Collectors.joining(",")),
          "--strategies", String.join(",", PaperExperiment.STRATEGIES),
          "--arch", Stream.of(Arch.values()).map(Arch::id).collect(Collectors.joining(",")),
          "--connections", ReplaySettings.CONNECTIONS, "--warmup", ReplaySettings.WARMUP,
          "--timeout", ReplaySettings.TIMEOUT, "--images", ReplaySettings.IMAGES);
    }
  }

  /** The Surge trace in --out. */
  private String surge() {
    long count = surgeRequests != null ? surgeRequests : client.requests != null ? client.requests : 100_000;
    return PaperTraces.surge(spec, out, surgeFiles, count, seed.seed);
  }

  private void run(PaperExperiment experiment, Testbed testbed, URI origin, RunLog log) {
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
      PaperProgress progress = new PaperProgress(err, log, experiment.size());
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
    if (netnsResults != null) {
      Path calibration = out.resolve("calibration.properties");
      if (netnsResults.writeCalibration(calibration, runs, resolved, client.connections, node.cacheSize, client.warmup,
          client.duration)) {
        log.line("wrote " + calibration);
        o.println("calibration of the simulator (from the 1- and 2-node runs): " + calibration + "; predict with"
            + " 'shoal bench simulate --calibration " + calibration + " --out DIR'");
      }
    }
    if (runs.stream().allMatch(r -> r.hosts().isEmpty())) {
      o.println("CPU-bound: every process shares this machine's " + Runtime.getRuntime().availableProcessors()
        + " cores, so the numbers do not scale with servers like the paper's 16 PCs (--testbed netns gives each host"
          + " its own link and CPU budget).");
    }
    o.println((partial ? "partial results (" + runs.size() + " runs) in " : "results in ") + out + ": "
        + String.join(", ", files.stream().map(p -> p.getFileName().toString()).toList()) + ", run.log, nodes.log");
    o.flush();
  }

  /**
   * The netns testbed's defaults where not given: timed runs (20 s after 5 s of warm-up), and node
   * JVMs that compile with C1 only, so that a fresh JVM under its CPU quota is not busy compiling
   * while it is measured.
   */
  private void netnsDefaults() {
    var parsed = spec.commandLine().getParseResult();
    if (!parsed.hasMatchedOption("--requests") && !parsed.hasMatchedOption("--duration")) {
      client.duration = client.duration != null ? client.duration : Duration.ofSeconds(20);
      if (!parsed.hasMatchedOption("--warmup") && client.warmup.isZero()) {
        client.warmup = Duration.ofSeconds(5);
      }
    }
    if (!parsed.hasMatchedOption("--java-opts") && !quick) {
      node.javaOpts = "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
    }
    if (!parsed.hasMatchedOption("--seed")) {
      seed.seed = NETNS_SEED;
    }
  }

  private void quickDefaults(boolean emulated) {
    var parsed = spec.commandLine().getParseResult();
    if (emulated) {
      if (!parsed.hasMatchedOption("--traces")) {
        traces = List.of("surge");
      }
      if (!parsed.hasMatchedOption("--nodes")) {
        nodes = List.of(1, 2, 4);
      }
      if (!parsed.hasMatchedOption("--requests") && !parsed.hasMatchedOption("--duration")) {
        client.duration = Duration.ofSeconds(6);
        client.warmup = parsed.hasMatchedOption("--warmup") ? client.warmup : Duration.ofSeconds(2);
      }
      if (!parsed.hasMatchedOption("--surge-requests")) {
        surgeRequests = 20_000L;
      }
    } else if (!parsed.hasMatchedOption("--nodes")) {
      nodes = List.of(1, 2);
    }
    if (!parsed.hasMatchedOption("--strategies")) {
      strategies = List.of("round-robin", "ketama");
    }
    if (!parsed.hasMatchedOption("--requests") && !parsed.hasMatchedOption("--duration") && !emulated) {
      client.requests = 2000L;
    }
    if (!parsed.hasMatchedOption("--connections") && !emulated) {
      client.connections = 8;
    }
    if (!parsed.hasMatchedOption("--java-opts")) {
      node.javaOpts = "-Xms32m -Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
    }
    if (!parsed.hasMatchedOption("--cache-size")) {
      node.cacheSize = 64L << 20;
    }
  }

  private void createOut() {
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException("--out " + out + ": cannot create (" + e + ")", e);
    }
  }

  private Map<String, String> parameters(Map<String, String> named, long perRun, URI origin) {
    Map<String, String> p = new LinkedHashMap<>();
    named.forEach((n, s) -> p.put("trace " + n, s.equals("surge")
        ? "surge model, " + surgeFiles + " files, seed " + seed.seed : s));
    p.put("nodes", nodes.toString());
    p.put("strategies", strategies.toString());
    p.put("arch", archs.toString());
    p.put("requests per run", perRun == 0 ? "the whole trace" : Long.toString(perRun));
    p.put("duration", client.duration == null ? "-" : io.shoal.base.config.Durations.format(client.duration));
    p.put("warmup", io.shoal.base.config.Durations.format(client.warmup));
    p.put("connections per server", Integer.toString(client.connections));
    p.put("keep-alive", Boolean.toString(client.keepAlive));
    p.put("images", Double.toString(client.images));
    p.put("timeout", BenchArgs.given(spec, "--timeout"));
    p.put("threads", client.threads == null ? "default" : client.threads.toString());
    p.put("cache size per node", Sizes.format(node.cacheSize));
    p.put("node java opts", node.javaOpts);
    p.put("node settings", (testbed.strip().equalsIgnoreCase("netns") ? node.set
        + " over each host's shoal.yaml in testbed/" : ClusterTestbed.settings(node.set)).toString());
    p.put("origin", origin + " (max-age 1d, no latency, no bandwidth cap)");
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
}
