package io.shoal.it.front;

import io.shoal.testsupport.Jvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs commands for the netns tests; remembers namespaces and processes so it can remove them all. */
final class Netns implements AutoCloseable {
  private final List<String> namespaces = new ArrayList<>();
  private final List<Process> processes = new ArrayList<>();

  /** Null if namespaces and nft work here, else the reason to skip. */
  static String unavailable() {
    return unavailable("nft", "list", "ruleset");
  }

  /**
   * Null if namespaces work here and {@code probe} runs inside one, else the reason to skip.
   */
  static String unavailable(String... probeCommand) {
    String probe = "shoal-probe-" + ProcessHandle.current().pid();
    try {
      Result add = exec("ip", "netns", "add", probe);
      if (add.code != 0) {
        return "'ip netns add' fails here (needs root and iproute2): " + add.output;
      }
      try {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", probe));
        c.addAll(List.of(probeCommand));
        Result r = exec(c.toArray(String[]::new));
        if (r.code != 0) {
          return "'" + String.join(" ", probeCommand) + "' does not work in a namespace here (install the Debian package "
              + ("nft".equals(probeCommand[0]) ? "nftables" : probeCommand[0]) + "): " + r.output;
        }
      } finally {
        exec("ip", "netns", "del", probe);
      }
      return null;
    } catch (IOException e) {
      return "cannot run 'ip' or '" + probeCommand[0] + "': " + e.getMessage();
    }
  }

  record Result(int code, String output) {}

  static Result exec(String... command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "timed out: " + String.join(" ", command));
      }
      return new Result(p.exitValue(), out.strip());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** Runs a command that must succeed. */
  String run(String... command) throws IOException {
    Result r = exec(command);
    if (r.code != 0) {
      throw new IllegalStateException(String.join(" ", command) + " -> exit " + r.code + ": " + r.output);
    }
    return r.output;
  }

  /** Runs a command inside a namespace that must succeed. */
  String in(String ns, String... command) throws IOException {
    return run(inNs(ns, List.of(command)));
  }

  /** Runs a command inside a namespace that may fail. */
  static Result tryIn(String ns, List<String> command) throws IOException {
    return exec(inNs(ns, command));
  }

  private static String[] inNs(String ns, List<String> command) {
    List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", ns));
    c.addAll(command);
    return c.toArray(String[]::new);
  }

  void add(String ns) throws IOException {
    run("ip", "netns", "add", ns);
    namespaces.add(ns);
    in(ns, "ip", "link", "set", "lo", "up");
  }

  /** A namespace holding bridge {@code br0}, the switch the hosts of a test topology plug into. */
  void bridge(String sw) throws IOException {
    add(sw);
    in(sw, "ip", "link", "add", "br0", "type", "bridge");
    in(sw, "ip", "link", "set", "br0", "up");
  }

  /** A host namespace whose {@code eth0} (address {@code cidr}) is plugged into {@code sw}'s bridge by {@code port}. */
  void host(String sw, String port, String ns, String cidr) throws IOException {
    add(ns);
    in(sw, "ip", "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", ns);
    in(sw, "ip", "link", "set", port, "master", "br0", "up");
    in(ns, "ip", "addr", "add", cidr, "dev", "eth0");
    in(ns, "ip", "link", "set", "eth0", "up");
  }

  /** Starts a long-running command inside a namespace; killed on close. */
  Process start(String ns, List<String> command) throws IOException {
    return started(new ProcessBuilder(inNs(ns, command)).redirectError(ProcessBuilder.Redirect.INHERIT));
  }

  /** Starts a long-running command inside a namespace with its output going to {@code log}; killed on close. */
  Process start(String ns, List<String> command, java.nio.file.Path log) throws IOException {
    return started(new ProcessBuilder(inNs(ns, command)).redirectErrorStream(true).redirectOutput(log.toFile()));
  }

  private Process started(ProcessBuilder b) throws IOException {
    Process p = b.start();
    processes.add(p);
    return p;
  }

  /** Waits for a started Java main of this package to print {@code ready}. */
  static void awaitReady(Process p, String what) throws IOException {
    String line = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))
        .readLine();
    if (!"ready".equals(line)) {
      throw new IllegalStateException(what + " did not start: " + line);
    }
  }

  /** A Java main class of this test classpath, as a command. */
  static List<String> java(Class<?> main, String... args) {
    return Jvm.command(List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1"), main.getName(), List.of(args));
  }

  @Override
  public void close() throws IOException {
    for (Process p : processes) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    for (Process p : processes) {
      try {
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (String ns : namespaces) {
      exec("ip", "netns", "del", ns);
    }
  }
}
