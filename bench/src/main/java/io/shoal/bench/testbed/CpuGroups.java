package io.shoal.bench.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * CPU budgets of emulated hosts: one cgroup per host under {@code shoal-testbed/RUN/}, with a CPU
 * quota ({@code cpu.cfs_quota_us} of the cgroup v1 {@code cpu} controller, or {@code cpu.max} where
 * the cgroup v2 {@code cpu} controller is enabled) and the CPU time its processes used
 * ({@code cpuacct.usage}, or {@code cpu.stat}'s {@code usage_usec}). A process joins its host's
 * group before it starts ({@link #launcher}), so every thread and child it has is counted and
 * limited. {@link #close()} kills what is left in the groups and removes them.
 *
 * <pre>{@code
 * try (CpuGroups g = CpuGroups.open("12345")) {
 *   g.create("n1", 0.25);
 *   new ProcessBuilder(g.launcher("n1", List.of("java", "-jar", "shoal.jar", "node"))).start();
 *   long ns = g.usageNanos("n1");
 * }
 * }</pre>
 */
public final class CpuGroups implements AutoCloseable {
  /** The directory under each hierarchy that holds every run's groups. */
  static final String TOP = "shoal-testbed";
  private static final long PERIOD_US = 100_000;

  private final Hierarchy hierarchy;
  private final String run;
  private final List<String> hosts = new ArrayList<>();

  private CpuGroups(Hierarchy hierarchy, String run) {
    this.hierarchy = hierarchy;
    this.run = run;
  }

  /** Where this machine's cgroup CPU controller is: cgroup v1 ({@code cpu} and maybe {@code cpuacct}) or v2. */
  record Hierarchy(boolean v2, Path cpu, Path cpuacct) {
    /** The directories a process of a group must be written into (one, or two for a separate cpuacct). */
    List<Path> roots() {
      return cpuacct == null || cpuacct.equals(cpu) ? List.of(cpu) : List.of(cpu, cpuacct);
    }
  }

  /**
   * The groups of run {@code run} (e.g. this process's pid), on the controller this machine has.
   *
   * @throws IllegalStateException when there is no cgroup CPU controller (the message says how to get one)
   */
  public static CpuGroups open(String run) {
    Hierarchy h = find(mounts());
    if (h == null) {
      throw new IllegalStateException(missing());
    }
    return new CpuGroups(h, Objects.requireNonNull(run, "run"));
  }

  /** Null when a CPU controller is there, else what is missing and how to get it. */
  public static String unavailable() {
    return find(mounts()) == null ? missing() : null;
  }

  private static String missing() {
    return "no cgroup cpu controller: mount the cgroup v1 'cpu' controller (mount -t cgroup -o cpu,cpuacct cgroup"
        + " /sys/fs/cgroup/cpu) or enable 'cpu' in /sys/fs/cgroup/cgroup.subtree_control (cgroup v2)";
  }

  private static List<String> mounts() {
    try {
      return Files.readAllLines(Path.of("/proc/self/mounts"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The hierarchy {@code /proc/self/mounts} lines show: v1 {@code cpu} first, else v2 with {@code cpu} available. */
  static Hierarchy find(List<String> mountLines) {
    Path cpu = null;
    Path cpuacct = null;
    Path v2 = null;
    for (String line : mountLines) {
      String[] f = line.split(" ");
      if (f.length < 4) {
        continue;
      }
      List<String> options = List.of(f[3].split(","));
      if (f[2].equals("cgroup") && options.contains("cpu")) {
        cpu = Path.of(f[1]);
      }
      if (f[2].equals("cgroup") && options.contains("cpuacct")) {
        cpuacct = Path.of(f[1]);
      }
      if (f[2].equals("cgroup2") && v2 == null) {
        v2 = Path.of(f[1]);
      }
    }
    if (cpu != null) {
      return new Hierarchy(false, cpu, cpuacct);
    }
    if (v2 != null && read(v2.resolve("cgroup.controllers")).contains("cpu")) {
      return new Hierarchy(true, v2, v2);
    }
    return null;
  }

  /**
   * Creates host {@code host}'s group with a quota of {@code cores} CPUs ({@code 0}: unlimited,
   * still counted).
   *
   * @throws IllegalArgumentException when the quota cannot be applied (below 0.01 or above this machine's cores)
   */
  public void create(String host, double cores) {
    int max = Runtime.getRuntime().availableProcessors();
    if (cores != 0 && !(cores >= 0.01 && cores <= max)) {
      throw new IllegalArgumentException("--host-cpu: " + cores + " (expected: a fraction of a core from 0.01 to " + max
          + ", this machine's cores)");
    }
    if (hierarchy.v2()) {
      enableCpu(hierarchy.cpu(), hierarchy.cpu().relativize(dir(hierarchy.cpu(), host)));
    }
    for (Path root : hierarchy.roots()) {
      mkdirs(dir(root, host));
    }
    hosts.add(host);
    limit(host, cores);
  }

  /** Sets host {@code host}'s quota to {@code cores} CPUs ({@code 0}: unlimited). */
  public void limit(String host, double cores) {
    Path d = dir(hierarchy.cpu(), host);
    long quota = cores == 0 ? -1 : Math.max(1000, Math.round(cores * PERIOD_US));
    if (hierarchy.v2()) {
      write(d.resolve("cpu.max"), (quota < 0 ? "max" : Long.toString(quota)) + " " + PERIOD_US);
    } else {
      write(d.resolve("cpu.cfs_period_us"), Long.toString(PERIOD_US));
      write(d.resolve("cpu.cfs_quota_us"), Long.toString(quota));
    }
  }

  /** CPU time the processes of host {@code host} used since its group was created, in nanoseconds. */
  public long usageNanos(String host) {
    if (hierarchy.v2()) {
      for (String line : read(dir(hierarchy.cpu(), host).resolve("cpu.stat")).split("\n")) {
        if (line.startsWith("usage_usec ")) {
          return Long.parseLong(line.substring(11).strip()) * 1000;
        }
      }
      return -1;
    }
    if (hierarchy.cpuacct() == null) {
      return -1;
    }
    String usage = read(dir(hierarchy.cpuacct(), host).resolve("cpuacct.usage")).strip();
    return usage.isEmpty() ? -1 : Long.parseLong(usage);
  }

  /**
   * {@code command} prefixed so that its process joins host {@code host}'s group before it runs
   * ({@code sh -c 'echo $$ > .../cgroup.procs; exec "$@"'}).
   */
  public List<String> launcher(String host, List<String> command) {
    StringBuilder script = new StringBuilder();
    for (Path root : hierarchy.roots()) {
      script.append("echo $$ > '").append(dir(root, host).resolve("cgroup.procs")).append("' || exit 97; ");
    }
    script.append("exec \"$@\"");
    List<String> c = new ArrayList<>(List.of(Shell.resolve("sh"), "-c", script.toString(), "sh"));
    c.addAll(command);
    return c;
  }

  /**
   * CPU time this machine's cores were busy since boot, whatever ran (all but idle and iowait of
   * {@code /proc/stat}), in nanoseconds; -1 when unreadable.
   */
  public static long machineBusyNanos() {
    String[] f = read(Path.of("/proc/stat")).lines().filter(l -> l.startsWith("cpu ")).findFirst().orElse("").trim()
        .split("\\s+");
    if (f.length < 6) {
      return -1;
    }
    long busy = 0;
    for (int i = 1; i < f.length && i <= 8; i++) {
      busy += i == 4 || i == 5 ? 0 : Long.parseLong(f[i]); // 4: idle, 5: iowait
    }
    return busy * 10_000_000L; // USER_HZ is 100 on Linux
  }

  /** Kills every process of every group of this run and removes the groups. */
  @Override
  public void close() {
    for (Path root : hierarchy.roots()) {
      removeTree(root.resolve(TOP).resolve(run));
    }
  }

  /**
   * Removes the groups of runs whose process is gone (a run killed with SIGKILL), killing what
   * still runs in them; returns how many runs it cleaned.
   */
  public static int cleanLeftovers() {
    Hierarchy h = find(mounts());
    if (h == null) {
      return 0;
    }
    int cleaned = 0;
    for (Path root : h.roots()) {
      try (Stream<Path> runs = list(root.resolve(TOP))) {
        for (Path r : runs.toList()) {
          if (!isLiveRun(r.getFileName().toString())) {
            removeTree(r);
            cleaned++;
          }
        }
      }
    }
    return cleaned;
  }

  /** Whether {@code run} names a process that still runs (runs are named by the pid of their owner). */
  static boolean isLiveRun(String run) {
    try {
      return ProcessHandle.of(Long.parseLong(run)).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private Path dir(Path root, String host) {
    return root.resolve(TOP).resolve(run).resolve(host);
  }

  /** cgroup v2: {@code +cpu} in the subtree_control of every ancestor of {@code relative}. */
  private static void enableCpu(Path root, Path relative) {
    Path d = root;
    for (Path part : relative) {
      Path control = d.resolve("cgroup.subtree_control");
      if (!read(control).contains("cpu")) {
        write(control, "+cpu");
      }
      d = d.resolve(part);
      mkdirs(d);
    }
  }

  private static void removeTree(Path top) {
    if (!Files.isDirectory(top)) {
      return;
    }
    List<Path> dirs;
    try (Stream<Path> all = Files.walk(top)) {
      dirs = all.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
    } catch (IOException e) {
      return;
    }
    for (Path d : dirs) {
      for (int attempt = 0; attempt < 50; attempt++) {
        for (String pid : read(d.resolve("cgroup.procs")).split("\\s+")) {
          if (!pid.isEmpty()) {
            ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
          }
        }
        try {
          Files.deleteIfExists(d);
          break;
        } catch (IOException busy) {
          sleep(100); // the killed processes are still leaving
        }
      }
    }
  }

  private static Stream<Path> list(Path dir) {
    try {
      return Files.isDirectory(dir) ? Files.list(dir).filter(Files::isDirectory) : Stream.empty();
    } catch (IOException e) {
      return Stream.empty();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void mkdirs(Path d) {
    try {
      Files.createDirectories(d);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create cgroup " + d + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path file, String value) {
    try {
      Files.writeString(file, value);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + value + " into " + file + ": " + e.getMessage(), e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "cgroup %s cpu at %s", hierarchy.v2() ? "v2" : "v1", hierarchy.cpu());
  }
}
