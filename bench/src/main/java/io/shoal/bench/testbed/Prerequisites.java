package io.shoal.bench.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the netns testbed needs from this machine, checked before anything is created: root, the
 * {@code ip}, {@code tc} and {@code nft} commands, a cgroup CPU controller, the {@code tbf} qdisc
 * (and {@code netem} when links get a delay). {@link #problems} names each missing part and how to
 * get it; the probes leave nothing behind.
 */
public final class Prerequisites {
  private Prerequisites() {}

  /**
   * What is missing, one line each; empty when the testbed can run.
   *
   * @param withDelay whether links get a delay (needs netem)
   */
  public static List<String> problems(boolean withDelay) {
    List<String> p = new ArrayList<>();
    if (!root()) {
      p.add("not root: the netns testbed creates network namespaces, qdiscs and cgroups (run it as root, e.g. with sudo)");
      return p;
    }
    for (String[] tool : new String[][] {{"ip", "iproute2"}, {"tc", "iproute2"}, {"nft", "nftables"}}) {
      if (!Shell.onPath(tool[0])) {
        p.add("no '" + tool[0] + "' command: install the Debian package " + tool[1] + " (apt-get install " + tool[1] + ")");
      }
    }
    String cpu = CpuGroups.unavailable();
    if (cpu != null) {
      p.add(cpu);
    }
    if (p.isEmpty()) {
      probeQdiscs(withDelay, p);
    }
    return p;
  }

  /** Whether this process runs as root (effective uid 0). */
  public static boolean root() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.split("\\s+")[2].equals("0");
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  /** Tries tbf (and netem) on the loopback of a throwaway namespace. */
  private static void probeQdiscs(boolean withDelay, List<String> problems) {
    String ns = Network.PREFIX + ProcessHandle.current().pid() + "-probe";
    Shell.Result add = Shell.exec(List.of("ip", "netns", "add", ns));
    if (!add.ok()) {
      problems.add("'ip netns add' fails: " + add.output() + " (the kernel needs network namespaces, CONFIG_NET_NS)");
      return;
    }
    try {
      Shell.Result tbf = Shell.exec(Shell.in(ns, List.of("tc", "qdisc", "add", "dev", "lo", "root", "handle", "1:",
          "tbf", "rate", "1mbit", "burst", "32k", "latency", "50ms")));
      if (!tbf.ok()) {
        problems.add("tc cannot add a tbf qdisc: " + tbf.output() + " (the kernel needs sch_tbf, CONFIG_NET_SCH_TBF)");
      } else if (withDelay) {
        Shell.Result netem = Shell.exec(Shell.in(ns, List.of("tc", "qdisc", "add", "dev", "lo", "parent", "1:1",
            "handle", "10:", "netem", "delay", "1ms")));
        if (!netem.ok()) {
          problems.add("--link-delay needs netem, which this kernel lacks (" + netem.output() + "): run without"
              + " --link-delay, or on a kernel with sch_netem (CONFIG_NET_SCH_NETEM)");
        }
      }
    } finally {
      Shell.exec(List.of("ip", "netns", "del", ns));
    }
  }
}
