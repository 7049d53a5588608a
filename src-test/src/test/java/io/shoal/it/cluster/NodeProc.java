package io.shoal.it.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoal.testsupport.Jvm;
import io.shoal.testsupport.Ports;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One real node: a {@code shoal node} JVM (the CLI's main class, from the test class path) with
 * fixed loopback ports, so it can be killed and started again in the same place. Its output goes
 * to {@code target/cluster-logs/<id>.log}.
 */
final class NodeProc implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient ADMIN = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final String id;
  final int proxyPort;
  final int adminPort;
  final int clusterPort;
  private final List<String> settings;
  private Process process;
  private CompletableFuture<Void> ready;

  NodeProc(String id, int clusterPort, List<String> settings) {
    this.id = id;
    this.proxyPort = Ports.free();
    this.adminPort = Ports.free();
    this.clusterPort = clusterPort;
    this.settings = List.copyOf(settings);
  }

  /** Starts the JVM; {@link #awaitReady} waits for it to listen. */
  NodeProc start() throws IOException {
    List<String> args = new ArrayList<>(List.of("node",
        "--id", id, "--port", Integer.toString(proxyPort), "--admin-port", Integer.toString(adminPort),
        "--cache-size", "32MB",
        "--set", "proxy.host=127.0.0.1", "--set", "proxy.allowed-destinations=127.0.0.0/8",
        "--set", "cluster.enabled=true", "--set", "cluster.bind-address=127.0.0.1",
        "--set", "cluster.bind-port=" + clusterPort));
    for (String s : settings) {
      args.add("--set");
      args.add(s);
    }
    List<String> cmd = Jvm.command(List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Xshare:auto"), "io.shoal.cli.Shoal", args);
    Path logs = Path.of("target", "cluster-logs");
    Files.createDirectories(logs);
    process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    CompletableFuture<Void> ready = new CompletableFuture<>();
    PrintWriter log = new PrintWriter(Files.newBufferedWriter(logs.resolve(id + ".log"), StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true);
    Process p = process;
    Thread pump = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          log.println(line);
          if (line.startsWith("shoal node " + id + ": proxy on")) {
            ready.complete(null);
          }
        }
      } catch (IOException e) {
        // gone
      } finally {
        log.close();
        ready.completeExceptionally(new IllegalStateException("node " + id + " exited before it was ready; see target/cluster-logs/" + id + ".log"));
      }
    }, "node-" + id);
    pump.setDaemon(true);
    pump.start();
    this.ready = ready;
    return this;
  }

  void awaitReady() throws Exception {
    ready.get(120, TimeUnit.SECONDS);
  }

  long pid() {
    return process.pid();
  }

  /** SIGKILL, and waits until the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  void signal(String sig) throws Exception {
    Process k = new ProcessBuilder("kill", "-" + sig, Long.toString(process.pid())).inheritIO().start();
    if (k.waitFor() != 0) {
      throw new IllegalStateException("kill -" + sig + " " + process.pid() + " failed");
    }
  }

  JsonNode status(String query) throws IOException, InterruptedException {
    HttpResponse<String> r = ADMIN.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/status" + query))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }

  /** The ids of the cache members in this node's view; empty when it does not answer. */
  Set<String> members() {
    try {
      Set<String> ids = new HashSet<>();
      for (JsonNode m : status("").path("cluster").path("members")) {
        ids.add(m.path("id").asText());
      }
      return ids;
    } catch (IOException e) {
      return Set.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Set.of();
    }
  }

  /** The member entry for {@code peer} in this node's /status. */
  JsonNode member(String peer) throws Exception {
    for (JsonNode m : status("").path("cluster").path("members")) {
      if (m.path("id").asText().equals(peer)) {
        return m;
      }
    }
    return null;
  }

  /** The keys this node has stored. */
  Set<String> keys() throws Exception {
    Set<String> out = new HashSet<>();
    status("?keys=10000").path("cache").path("keys").forEach(k -> out.add(k.asText()));
    return out;
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
