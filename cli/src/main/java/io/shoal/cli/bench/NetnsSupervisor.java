package io.shoal.cli.bench;

import io.shoal.bench.testbed.CpuGroups;
import io.shoal.bench.testbed.Network;
import io.shoal.bench.testbed.Prerequisites;
import io.shoal.bench.testbed.Shell;
import io.shoal.bench.testbed.Topology;
import io.shoal.cli.cluster.NodeProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The outer half of {@code bench paper --testbed netns}, run as root in the machine's own
 * namespace: checks what the testbed needs, removes what a killed run left, builds the hosts
 * (namespaces on one bridge, shaped links, CPU groups), starts the benchmark origin on its host,
 * then runs this same command again inside the client's namespace ({@link #ENV} names the
 * topology file) and waits for it. Everything is removed when it ends, fails or is interrupted:
 * the namespaces (with whatever runs in them) and the CPU groups (with whatever is left in them).
 */
final class NetnsSupervisor {
  /** Set in the inner command's environment: the topology file of the testbed it runs in. */
  static final String ENV = "SHOAL_TESTBED";
  /** Set in the inner command's environment: the origin's URI. */
  static final String ORIGIN_ENV = "SHOAL_TESTBED_ORIGIN";
  static final int ORIGIN_PORT = 8080;

  private final Topology topology;
  private final PrintWriter err;
  private boolean down;
  private CpuGroups cpu;
  private Network net;
  /** The inner command; a Ctrl-C reaches it too (same process group) and it ends after its partial report. */
  private Process inner;

  NetnsSupervisor(Topology topology, PrintWriter err) {
    this.topology = topology;
    this.err = err;
  }

  /**
   * What is missing for the testbed, as one message, or null.
   *
   * @param withDelay whether links get a delay (needs netem)
   */
  static String missing(boolean withDelay) {
    List<String> problems = Prerequisites.problems(withDelay);
    return problems.isEmpty() ? null : "the netns testbed cannot run here:\n  - " + String.join("\n  - ", problems);
  }

  /**
   * Builds the testbed, runs {@code shoal ARGS} (the whole command line) in the client's namespace and returns
   * its exit code; removes the testbed in every case.
   */
  int run(List<String> args, Path out) throws IOException, InterruptedException {
    int cleaned = Network.cleanLeftovers() + CpuGroups.cleanLeftovers();
    if (cleaned > 0) {
      err.println("shoal bench paper: removed " + cleaned + " namespaces and CPU groups a killed run left behind");
    }
    Thread hook = new Thread(this::interrupted, "shoal-testbed-teardown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      build();
      Path dir = Files.createDirectories(out.resolve("testbed"));
      Path file = dir.resolve("topology.properties");
      topology.write(file);
      String origin = startOrigin();
      List<String> command = NodeProcess.command(ManagementFactory.getRuntimeMXBean().getInputArguments(),
          args);
      ProcessBuilder pb = new ProcessBuilder(cpu.launcher(Topology.CLIENT, Shell.in(ns(Topology.CLIENT), command)))
          .inheritIO();
      pb.environment().put(ENV, file.toAbsolutePath().toString());
      pb.environment().put(ORIGIN_ENV, origin);
      synchronized (this) {
        inner = pb.start();
      }
      return inner.waitFor();
    } finally {
      teardown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs teardown too; it is done already
      }
    }
  }

  private void build() {
    cpu = CpuGroups.open(topology.run());
    net = Network.create(topology.prefix());
    for (String h : topology.hosts()) {
      net.host(h, topology.address(h) + "/" + topology.prefixLength());
      if (topology.shaped(h)) {
        net.shape(h, topology.linkBitsPerSecond(), topology.linkDelay());
      }
      if (!h.equals(Topology.FRONT)) { // the front forwards in the kernel: nothing to run or limit
        cpu.create(h, 0);
      }
    }
    Shell.runIn(ns(Topology.FRONT), "ip", "addr", "add", topology.vip() + "/32", "dev", "eth0");
  }

  /** Starts {@code shoal bench origin} on the origin's host; returns its URI once it listens. */
  private String startOrigin() throws IOException {
    List<String> command = NodeProcess.command(List.of("-Xmx256m"), List.of("bench", "origin", "--host", "0.0.0.0",
        "--port", Integer.toString(ORIGIN_PORT)));
    Process p = new ProcessBuilder(cpu.launcher(Topology.ORIGIN, Shell.in(ns(Topology.ORIGIN), command)))
        .redirectErrorStream(true).start();
    BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = in.readLine();
    if (line == null || !line.startsWith("shoal bench origin: http")) {
      throw new IllegalStateException("the origin did not start on its host: " + line);
    }
    Thread drain = new Thread(() -> {
      try {
        while (in.readLine() != null) {
          // discard: the origin logs nothing per request
        }
      } catch (IOException gone) {
        // the origin stopped
      }
    }, "shoal-testbed-origin");
    drain.setDaemon(true);
    drain.start();
    return "http://" + topology.address(Topology.ORIGIN) + ":" + ORIGIN_PORT;
  }

  private String ns(String host) {
    return topology.prefix() + "-" + host;
  }

  /**
   * Ctrl-C or SIGTERM: the inner command is told too (SIGTERM, which runs its shutdown hook like
   * Ctrl-C: it stops its run and prints the partial results), then everything is removed.
   */
  private void interrupted() {
    Process p;
    synchronized (this) {
      p = inner;
    }
    if (p != null) {
      p.destroy();
    }
    teardown();
  }

  /**
   * Waits (up to 2 minutes) for the inner command to end, then removes the namespaces (killing
   * what runs in them) and the CPU groups; once. Synchronized: a shutdown hook that calls it
   * returns only when the removal is done, whichever thread does it (the JVM halts when its hooks
   * return, and would cut the main thread's removal short).
   */
  private synchronized void teardown() {
    Process p = inner;
    try {
      if (p != null && !p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (down) {
      return;
    }
    down = true;
    if (net != null) {
      net.close();
    }
    if (cpu != null) {
      cpu.close();
    }
  }
}
