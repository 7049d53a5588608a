package io.shoal.it.front;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.front.ha.KeepalivedConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * High availability of the front on a real kernel: two fronts (each the userspace relay) share
 * the VIP with keepalived, run with exactly the configuration {@link KeepalivedConfig} renders
 * ({@code shoal front --keepalived}). Client, both fronts and a node each have a network
 * namespace on one bridge. The node answers every connection with the address it came from, so
 * the client sees which front relayed it. When the active front's namespace loses its link the
 * VIP must move to the backup front and the client's new connections go through it.
 */
class KeepalivedNetnsTest {
  private static final String VIP = "10.78.0.100";
  private static final String ACTIVE_IP = "10.78.0.10";
  private static final String BACKUP_IP = "10.78.0.11";
  private static final String NODE_IP = "10.78.0.20";
  private static final int CONNECTIONS = 10;
  /** VRRP fails over after about 3 adverts (1 s each); this is only the give-up bound. */
  private static final long AWAIT_NANOS = TimeUnit.SECONDS.toNanos(60);

  @Test
  void theVipMovesToTheBackupFrontWhenTheActiveLosesItsLinkAndClientsReconnectThere() throws Exception {
    String why = Netns.unavailable("keepalived", "--version");
    Assumptions.assumeTrue(why == null, () -> "skipped: keepalived netns test cannot run: " + why);
    String id = "shha" + ProcessHandle.current().pid() % 100000;
    String sw = id + "sw";
    String client = id + "c";
    String active = id + "f1";
    String backup = id + "f2";
    String node = id + "n";
    Path dir = Files.createTempDirectory("shoal-keepalived");
    try (Netns net = new Netns()) {
      net.bridge(sw);
      net.host(sw, "p0", client, "10.78.0.1/24");
      net.host(sw, "p1", active, ACTIVE_IP + "/24");
      net.host(sw, "p2", backup, BACKUP_IP + "/24");
      net.host(sw, "p3", node, NODE_IP + "/24");
      Netns.awaitReady(net.start(node, Netns.java(NameServer.class, "@peer", "3128", "1000")), "the node");
      for (String front : List.of(active, backup)) {
        Netns.awaitReady(net.start(front, Netns.java(FrontProcess.class, "3128", NODE_IP + ":3128")), "front " + front);
      }
      keepalived(net, dir, active, true, 150);
      keepalived(net, dir, backup, false, 100);

      await(dir, "the active front holds the VIP", () -> holdsVip(active) && !holdsVip(backup));
      assertThat(connect(dir, client)).as("connections before the failover, by the front that relayed them")
          .containsExactly(ACTIVE_IP + " " + CONNECTIONS + " " + CONNECTIONS * 1000);

      net.in(active, "ip", "link", "set", "eth0", "down");
      await(dir, "the VIP moved to the backup front", () -> holdsVip(backup) && !holdsVip(active));
      assertThat(connect(dir, client)).as("connections after the failover, by the front that relayed them")
          .containsExactly(BACKUP_IP + " " + CONNECTIONS + " " + CONNECTIONS * 1000);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Starts keepalived (VRRP only, in the foreground) in {@code ns} with its pid files and log in {@code dir}. */
  private static void keepalived(Netns net, Path dir, String ns, boolean master, int priority) throws IOException {
    String conf = KeepalivedConfig.builder().device("eth0").vip(InetAddress.getByName(VIP), 24)
        .master(master).priority(priority).build().render();
    Path file = Files.writeString(dir.resolve(ns + ".conf"), conf);
    net.start(ns, List.of("keepalived", "--dont-fork", "--log-console", "--log-detail", "--vrrp",
        "--use-file", file.toString(),
        "--pid", dir.resolve(ns + ".pid").toString(),
        "--vrrp_pid", dir.resolve(ns + "-vrrp.pid").toString(),
        "--checkers_pid", dir.resolve(ns + "-checkers.pid").toString()), dir.resolve(ns + ".log"));
  }

  private static boolean holdsVip(String ns) throws IOException {
    Netns.Result r = Netns.tryIn(ns, List.of("ip", "-4", "-o", "addr", "show", "dev", "eth0"));
    return r.code() == 0 && r.output().contains(" " + VIP + "/");
  }

  /**
   * The client's tally ({@code front-address connections bytes} per line) of {@link #CONNECTIONS}
   * connections to the VIP; retried while a run fails (the client's ARP entry may still name the
   * old front for a moment after keepalived's gratuitous ARP).
   */
  private static List<String> connect(Path dir, String client) throws Exception {
    List<String> command = Netns.java(NameClient.class, VIP, "3128", String.valueOf(CONNECTIONS));
    long deadline = System.nanoTime() + AWAIT_NANOS;
    Netns.Result r = Netns.tryIn(client, command);
    while (r.code() != 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      r = Netns.tryIn(client, command);
    }
    assertThat(r.code()).as("the client's connections to the VIP: %s%n%s", r.output(), logs(dir)).isZero();
    return new ArrayList<>(r.output().lines().map(String::strip).toList());
  }

  private interface Condition {
    boolean holds() throws IOException;
  }

  private static void await(Path dir, String what, Condition c) throws Exception {
    long deadline = System.nanoTime() + AWAIT_NANOS;
    while (!c.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting until " + what + "\n" + logs(dir));
      }
      Thread.sleep(100);
    }
  }

  private static String logs(Path dir) throws IOException {
    StringBuilder b = new StringBuilder();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path log : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
        b.append("--- ").append(log.getFileName()).append('\n').append(Files.readString(log));
      }
    }
    return b.toString();
  }
}
