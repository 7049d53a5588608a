package io.shoal.cli.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One {@code shoal node} child process of {@code shoal cluster}: started with the same Java and
 * class path as this one, its output copied with a {@code [id]} prefix, ready when it printed
 * where it listens.
 */
public final class NodeProcess {
  final String id;
  final int proxyPort;
  final int adminPort;
  final int clusterPort;
  private final Process process;
  private final CompletableFuture<String> ready = new CompletableFuture<>();

  private NodeProcess(String id, int proxyPort, int adminPort, int clusterPort, Process process) {
    this.id = id;
    this.proxyPort = proxyPort;
    this.adminPort = adminPort;
    this.clusterPort = clusterPort;
    this.process = process;
  }

  /** Starts {@code java JAVA_OPTS -cp CLASSPATH io.shoal.cli.Shoal node ARGS}. */
  static NodeProcess start(String id, int proxyPort, int adminPort, int clusterPort, List<String> javaOpts,
      List<String> nodeArgs, PrintWriter out) throws IOException {
    List<String> args = new ArrayList<>(List.of("node", "--exit-with-parent")); // stdin is our pipe: it ends when we do
    args.addAll(nodeArgs);
    return start(id, proxyPort, adminPort, clusterPort, command(javaOpts, args), out);
  }

  /** The command line of {@code shoal ARGS} with this process's Java and class path. */
  public static List<String> command(List<String> javaOpts, List<String> nodeArgs) {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(javaOpts);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.shoal.cli.Shoal");
    command.addAll(nodeArgs);
    return command;
  }

  /** Starts {@code command} (a {@code shoal node}, maybe wrapped) as node {@code id}; see {@link #start}. */
  public static NodeProcess start(String id, int proxyPort, int adminPort, int clusterPort, List<String> command,
      PrintWriter out) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    NodeProcess node = new NodeProcess(id, proxyPort, adminPort, clusterPort, p);
    Thread pump = new Thread(() -> node.pump(out), "shoal-cluster-" + id);
    pump.setDaemon(true);
    pump.start();
    return node;
  }

  private void pump(PrintWriter out) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (!ready.isDone() && line.startsWith("shoal node ") && line.contains(": proxy on ")) {
          ready.complete(line);
        }
        if (line.startsWith("SLF4J:")) {
          continue;
        }
        synchronized (out) {
          out.println("[" + id + "] " + line);
          out.flush();
        }
      }
    } catch (IOException e) {
      // the process is gone
    }
    if (ready.isDone()) {
      synchronized (out) {
        out.println("[" + id + "] exited with code " + exitCode() + " (pid " + process.pid() + ")");
        out.flush();
      }
    }
    ready.completeExceptionally(new IllegalStateException("node " + id + " exited with "
        + exitCode() + " before it was ready (its output is above)"));
  }

  /** Waits until the node listens. */
  public void awaitReady(Duration timeout) throws Exception {
    try {
      ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("node " + id + " not ready within " + timeout);
    } catch (java.util.concurrent.ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** SIGTERM (graceful: drain, then leave), then SIGKILL after {@code grace}. */
  public void stop(Duration grace) {
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private String exitCode() {
    try {
      return process.waitFor(2, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  private static String java() {
    return ProcessHandle.current().info().command()
        .orElse(System.getProperty("java.home") + "/bin/java");
  }
}
