package io.shoal.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports a node binds later: seconds later, or in another JVM. They are picked below
 * Linux's ephemeral range (32768-60999): a port from that range, even one free now, can be taken
 * meanwhile as the source port of any outgoing connection (or by a bind to port 0); one below it
 * only by another explicit bind.
 */
public final class Ports {
  /** The lowest port picked. */
  public static final int FIRST = 20_000;
  /** The highest port picked. */
  public static final int LAST = 31_999;
  /** JGroups' FD_SOCK2 listens this far above the cluster port. */
  public static final int FD_SOCK_OFFSET = 100;

  private static final int ATTEMPTS = 1000;

  private Ports() {}

  /** A loopback port in {@value #FIRST}-{@value #LAST}, free now. */
  public static int free() {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int p = FIRST + ThreadLocalRandom.current().nextInt(LAST - FIRST + 1);
      if (bindable(p)) {
        return p;
      }
    }
    throw new IllegalStateException("no free loopback port in " + FIRST + "-" + LAST);
  }

  /** A free loopback port p such that p + {@value #FD_SOCK_OFFSET} (FD_SOCK2) is free too. */
  public static int cluster() {
    return cluster(1).get(0);
  }

  /**
   * {@code n} free loopback cluster ports (each with its FD_SOCK2 port free), none the FD_SOCK2
   * port of another.
   */
  public static List<Integer> cluster(int n) {
    List<Integer> out = new ArrayList<>();
    for (int attempt = 0; out.size() < n; attempt++) {
      if (attempt == ATTEMPTS) {
        throw new IllegalStateException("no " + n + " free loopback port pairs in " + FIRST + "-" + LAST);
      }
      int p = free();
      if (!out.contains(p) && !out.contains(p + FD_SOCK_OFFSET) && !out.contains(p - FD_SOCK_OFFSET)
          && bindable(p + FD_SOCK_OFFSET)) {
        out.add(p);
      }
    }
    return out;
  }

  private static boolean bindable(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
