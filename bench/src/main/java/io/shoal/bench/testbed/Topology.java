package io.shoal.bench.testbed;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The hosts of one netns testbed and their addresses on the {@code 10.81.0.0/16} bridge: the
 * client ({@code .0.1}), the origin ({@code .0.2}), the L4 front ({@code .0.3}), the switch
 * ({@code .0.4}), the VIP the front serves ({@code .0.100}) and cache nodes {@code n1..nN}
 * ({@code .1.1} up). Written to a file by the process that builds the testbed, read by the one
 * that runs the experiment inside it.
 *
 * @param run the id of the run: the pid of the process that owns the namespaces and cgroups
 * @param nodes the most cache nodes a run of the experiment uses
 * @param linkBitsPerSecond the rate of every shaped link (front, switch, nodes), each direction
 * @param linkDelay the delay netem adds on shaped links, or zero
 * @param hostCpu the CPU quota of every node and the switch, in cores
 */
public record Topology(String run, int nodes, long linkBitsPerSecond, Duration linkDelay, double hostCpu) {
  /** The hosts whose links are never shaped: they must not cap an architecture. */
  public static final List<String> UNSHAPED = List.of("client", "origin");
  public static final String CLIENT = "client";
  public static final String ORIGIN = "origin";
  public static final String FRONT = "front";
  public static final String SWITCH = "switch";
  /** The largest testbed (addresses and the bridge's ports). */
  public static final int MAX_NODES = 64;

  public Topology {
    if (nodes < 1 || nodes > MAX_NODES) {
      throw new IllegalArgumentException("--nodes: " + nodes + " (expected: 1-" + MAX_NODES + " on the netns testbed)");
    }
  }

  /** Cache node {@code i}'s host name, from 1. */
  public static String node(int i) {
    return "n" + i;
  }

  /** Every host: client, origin, front, switch, then the nodes. */
  public List<String> hosts() {
    List<String> h = new ArrayList<>(List.of(CLIENT, ORIGIN, FRONT, SWITCH));
    for (int i = 1; i <= nodes; i++) {
      h.add(node(i));
    }
    return h;
  }

  /** A host's address. */
  public String address(String host) {
    return switch (host) {
      case CLIENT -> "10.81.0.1";
      case ORIGIN -> "10.81.0.2";
      case FRONT -> "10.81.0.3";
      case SWITCH -> "10.81.0.4";
      default -> "10.81." + (1 + (Integer.parseInt(host.substring(1)) - 1) / 250) + "." + (1 + (Integer.parseInt(host.substring(1)) - 1) % 250);
    };
  }

  /** The address clients reach the distributed cluster at; the front answers ARP for it. */
  public String vip() {
    return "10.81.0.100";
  }

  /** The prefix length of the bridge's network. */
  public int prefixLength() {
    return 16;
  }

  /** The namespaces' common prefix. */
  public String prefix() {
    return Network.PREFIX + run;
  }

  /** Whether a host's link is shaped. */
  public boolean shaped(String host) {
    return !UNSHAPED.contains(host);
  }

  /** Writes this topology to {@code file}. */
  public void write(Path file) {
    Properties p = new Properties();
    p.setProperty("run", run);
    p.setProperty("nodes", Integer.toString(nodes));
    p.setProperty("link.bits-per-second", Long.toString(linkBitsPerSecond));
    p.setProperty("link.delay-ms", Long.toString(linkDelay.toMillis()));
    p.setProperty("host.cpu", Double.toString(hostCpu));
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(w, "shoal netns testbed");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a topology {@link #write} wrote. */
  public static Topology read(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
      return new Topology(p.getProperty("run"), Integer.parseInt(p.getProperty("nodes")),
          Long.parseLong(p.getProperty("link.bits-per-second")), Duration.ofMillis(Long.parseLong(p.getProperty("link.delay-ms"))),
          Double.parseDouble(p.getProperty("host.cpu")));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read the testbed topology " + file + ": " + e.getMessage(), e);
    }
  }
}
