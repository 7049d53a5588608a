package io.shoal.bench.testbed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Emulated hosts on one bridge: each host is a network namespace {@code PREFIX-HOST} whose
 * {@code eth0} is one end of a veth pair; the other end, {@code p-HOST}, is a port of bridge
 * {@code br0} in namespace {@code PREFIX-sw}. A shaped link is a {@code tbf} on both ends, so
 * each direction of the link carries at most the rate, as on a full-duplex Ethernet link.
 * {@link #close()} deletes every namespace (which removes the veth pairs and their qdiscs).
 *
 * <pre>{@code
 * try (Network net = Network.create("stb12345")) {
 *   net.host("n1", "10.81.1.1/16");
 *   net.shape("n1", 20_000_000, null);
 *   Map<String, Network.Bytes> before = Network.counters("stb12345");
 * }
 * }</pre>
 */
public final class Network implements AutoCloseable {
  /** Namespaces of testbeds start with this, then the owner's pid and {@code -}. */
  public static final String PREFIX = "stb";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String prefix;
  private final String bridge;
  private final List<String> namespaces = new ArrayList<>();

  /** Bytes a host's link carried: {@code rx} into the host, {@code tx} out of it. */
  public record Bytes(long rx, long tx) {
    public Bytes minus(Bytes o) {
      return new Bytes(rx - o.rx, tx - o.tx);
    }
  }

  private Network(String prefix) {
    this.prefix = prefix;
    this.bridge = prefix + "-sw";
  }

  /**
   * Creates the bridge namespace of a testbed whose namespaces start with {@code prefix}.
   *
   * @throws IllegalStateException when {@code ip} fails (e.g. not root); nothing is left behind
   */
  public static Network create(String prefix) {
    Network n = new Network(Objects.requireNonNull(prefix, "prefix"));
    try {
      n.addNamespace(n.bridge);
      Shell.runIn(n.bridge, "ip", "link", "add", "br0", "type", "bridge");
      Shell.runIn(n.bridge, "ip", "link", "set", "br0", "up");
    } catch (RuntimeException e) {
      n.close();
      throw e;
    }
    return n;
  }

  /** The namespace of host {@code host}. */
  public String namespace(String host) {
    return prefix + "-" + host;
  }

  /** Adds host {@code host} with address {@code cidr} (e.g. {@code 10.81.1.1/16}) on the bridge. */
  public void host(String host, String cidr) {
    String ns = namespace(host);
    addNamespace(ns);
    String port = port(host);
    Shell.runIn(bridge, "ip", "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", ns);
    Shell.runIn(bridge, "ip", "link", "set", port, "master", "br0", "up");
    Shell.runIn(ns, "ip", "addr", "add", cidr, "dev", "eth0");
    Shell.runIn(ns, "ip", "link", "set", "eth0", "up");
  }

  /**
   * Shapes host {@code host}'s link to {@code bitsPerSecond} in each direction, with
   * {@code delay} added by netem when not null.
   *
   * @throws IllegalArgumentException when {@code tc} refuses the rate or this kernel has no netem
   */
  public void shape(String host, long bitsPerSecond, java.time.Duration delay) {
    shapeEnd(namespace(host), "eth0", bitsPerSecond, delay);
    shapeEnd(bridge, port(host), bitsPerSecond, delay);
  }

  private static void shapeEnd(String ns, String dev, long bps, java.time.Duration delay) {
    long burst = Math.max(64 * 1024, bps / 8 / 100);
    List<String> tbf = new ArrayList<>(List.of("tc", "qdisc", "replace", "dev", dev, "root", "handle", "1:", "tbf",
        "rate", bps + "bit", "burst", Long.toString(burst), "latency", "500ms"));
    Shell.Result r = Shell.exec(Shell.in(ns, tbf));
    if (!r.ok()) {
      throw new IllegalArgumentException("--link: " + bps + " bit/s cannot be applied with tc tbf on " + dev + ": "
          + r.output());
    }
    if (delay != null && !delay.isZero()) {
      Shell.Result d = Shell.exec(Shell.in(ns, List.of("tc", "qdisc", "add", "dev", dev, "parent", "1:1", "handle",
          "10:", "netem", "delay", delay.toMillis() + "ms")));
      if (!d.ok()) {
        throw new IllegalArgumentException("--link-delay: " + delay.toMillis() + "ms cannot be applied: " + d.output()
            + (d.output().contains("netem") || d.output().contains("unknown") ? " (this kernel has no netem, sch_netem:"
            + " run without --link-delay, or on a kernel with CONFIG_NET_SCH_NETEM)" : ""));
      }
    }
  }

  /** Bytes every host's link of the testbed whose namespaces start with {@code prefix} carried so far, by host. */
  public static Map<String, Bytes> counters(String prefix) {
    String bridge = prefix + "-sw";
    String json = Shell.runIn(bridge, "ip", "-s", "-j", "link", "show");
    Map<String, Bytes> out = new HashMap<>();
    try {
      for (JsonNode link : JSON.readTree(json)) {
        String name = link.path("ifname").asText();
        if (name.startsWith("p-")) {
          JsonNode s = link.path("stats64");
          // the bridge port's tx is what the host received, its rx what the host sent
          out.put(name.substring(2), new Bytes(s.path("tx").path("bytes").asLong(), s.path("rx").path("bytes").asLong()));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read 'ip -s -j link' in " + bridge + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** Deletes every namespace of this network, killing what still runs in them. */
  @Override
  public void close() {
    for (int i = namespaces.size() - 1; i >= 0; i--) {
      delete(namespaces.get(i));
    }
    namespaces.clear();
  }

  /**
   * Deletes the namespaces of testbeds whose owner process is gone (a run killed with SIGKILL),
   * killing what still runs in them; returns how many it deleted.
   */
  public static int cleanLeftovers() {
    int deleted = 0;
    Shell.Result list = Shell.exec(List.of("ip", "netns", "list"));
    if (!list.ok()) {
      return 0;
    }
    for (String line : list.output().split("\n")) {
      String ns = line.split(" ")[0];
      int dash = ns.indexOf('-');
      if (ns.startsWith(PREFIX) && dash > PREFIX.length()
          && !CpuGroups.isLiveRun(ns.substring(PREFIX.length(), dash))) {
        delete(ns);
        deleted++;
      }
    }
    return deleted;
  }

  private void addNamespace(String ns) {
    Shell.run("ip", "netns", "add", ns);
    namespaces.add(ns);
    Shell.runIn(ns, "ip", "link", "set", "lo", "up");
  }

  private static void delete(String ns) {
    Shell.Result pids = Shell.exec(List.of("ip", "netns", "pids", ns));
    if (pids.ok()) {
      for (String pid : pids.output().split("\\s+")) {
        if (!pid.isEmpty()) {
          ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
        }
      }
    }
    Shell.exec(List.of("ip", "netns", "del", ns));
  }

  private static String port(String host) {
    String p = "p-" + host;
    if (p.length() > 15) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "host: \"%s\" (expected: at most 13 characters)", host));
    }
    return p;
  }
}
