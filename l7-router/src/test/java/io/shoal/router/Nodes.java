package io.shoal.router;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Test helpers: free loopback ports, JGroups members with short timeouts, awaiting. */
final class Nodes {
  private Nodes() {}

  /** A free loopback port p such that p + 100 (FD_SOCK2) is free too. */
  static int freeClusterPort() {
    for (int attempt = 0; attempt < 50; attempt++) {
      int p = freePort();
      if (p < 65000) {
        try (ServerSocket s = new ServerSocket(p + 100, 1, InetAddress.getLoopbackAddress())) {
          return p;
        } catch (IOException e) {
          // try another
        }
      }
    }
    throw new IllegalStateException("no free port pair");
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Integer> clusterPorts(int n) {
    List<Integer> ports = new ArrayList<>();
    while (ports.size() < n) {
      int p = freeClusterPort();
      if (!ports.contains(p)) {
        ports.add(p);
      }
    }
    return ports;
  }

  static List<String> hostPorts(List<Integer> ports) {
    return ports.stream().map(p -> "127.0.0.1:" + p).toList();
  }

  /** A membership builder with test timeouts. */
  static JGroupsMembership.Builder member(String cluster, String id, int port, int httpPort, List<Integer> all) {
    return Membership.jgroups()
        .clusterName(cluster)
        .nodeId(id)
        .proxyAddress("127.0.0.1:" + httpPort)
        .bindAddress("127.0.0.1")
        .bindPort(port)
        .peers(hostPorts(all))
        .joinTimeout(Duration.ofMillis(1500))
        .failureDetection(Duration.ofSeconds(3), Duration.ofMillis(500))
        .mergeInterval(Duration.ofMillis(1000), Duration.ofMillis(2000))
        .loadReports(Duration.ofMillis(100), 0.1, Duration.ofSeconds(2))
        .stateInterval(Duration.ofMillis(200));
  }

  static void await(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
