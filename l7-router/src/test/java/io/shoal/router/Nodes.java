package io.shoal.router;

import java.io.IOException;
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
      try (ServerSocket s = new ServerSocket(p + 100, 1, InetAddress.getLoopbackAddress())) {
        return p;
      } catch (IOException e) {
        // try another
      }
    }
    throw new IllegalStateException("no free port pair");
  }

  /**
   * A loopback port free now, picked below Linux's ephemeral range (32768-60999): a port from the
   * ephemeral range can be taken by any outgoing connection (or bind to port 0) before the node
   * binds it, seconds later; one below it only by another explicit bind.
   */
  static int freePort() {
    for (int attempt = 0; attempt < 1000; attempt++) {
      int p = 20_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(12_000);
      try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
        return p;
      } catch (IOException taken) {
        // another
      }
    }
    throw new IllegalStateException("no free loopback port in 20000-31999");
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
