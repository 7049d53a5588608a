package io.shoal.it.front;

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
    String probe = "shoal-probe-" + ProcessHandle.current().pid();
    try {
      Result add = exec("ip", "netns", "add", probe);
      if (add.code != 0) {
        return "'ip netns add' fails here (needs root and iproute2): " + add.output;
      }
      try {
        Result nft = exec("ip", "netns", "exec", probe, "nft", "list", "ruleset");
        if (nft.code != 0) {
          return "'nft' does not work here (install the Debian package nftables): " + nft.output;
        }
      } finally {
        exec("ip", "netns", "del", probe);
      }
      return null;
    } catch (IOException e) {
      return "cannot run 'ip' or 'nft': " + e.getMessage();
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
    List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", ns));
    c.addAll(List.of(command));
    return run(c.toArray(String[]::new));
  }

  void add(String ns) throws IOException {
    run("ip", "netns", "add", ns);
    namespaces.add(ns);
    in(ns, "ip", "link", "set", "lo", "up");
  }

  /** Starts a long-running command inside a namespace; killed on close. */
  Process start(String ns, List<String> command) throws IOException {
    List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", ns));
    c.addAll(command);
    Process p = new ProcessBuilder(c).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    processes.add(p);
    return p;
  }

  /** A Java main class of this test classpath, as a command. */
  static List<String> java(Class<?> main, String... args) {
    List<String> c = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), main.getName()));
    c.addAll(List.of(args));
    return c;
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
