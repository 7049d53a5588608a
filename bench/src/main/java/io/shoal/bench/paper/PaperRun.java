package io.shoal.bench.paper;

import io.shoal.bench.replay.ReplayResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One cell of the experiment: a trace replayed through {@code servers} cache nodes placing keys
 * with {@code strategy} in architecture {@code arch}.
 *
 * @param trace the trace's name in the tables (e.g. {@code surge}, {@code bu})
 * @param arch centralized or distributed
 * @param strategy the placement strategy's name (e.g. {@code ketama})
 * @param servers cache nodes (the switch and the front not counted)
 * @param replay what the client measured (label {@code trace/arch/strategy/servers})
 * @param storage what the cluster stored afterwards
 * @param hosts what each host of an emulated testbed used (empty on the loopback testbed)
 * @param ceiling the link-bound ceiling of this cell in requests/s ({@code NaN} when not computed)
 */
public record PaperRun(String trace, Arch arch, String strategy, int servers, ReplayResult replay, Storage storage,
    List<HostUsage> hosts, double ceiling) implements PaperCell {
  /**
   * A link utilisation from which the link counts as the one that bound the run: TCP over a rate
   * limiter with drop-tail queues carries 85-95% of the rate when saturated.
   */
  public static final double LINK_SATURATED = 0.8;
  /** A CPU utilisation (of a quota, or of the machine's cores) from which the CPU bound the run. */
  public static final double CPU_SATURATED = 0.9;
  /** The host name of the whole machine's CPU (busy time of all cores, from outside the testbed too). */
  public static final String MACHINE = "machine";
  private static final Map<String, String> PAPER_NAMES = Map.of(
      "round-robin", "RR", "md5", "MD5", "ketama", "MIT_CH", "carp", "CARP", "mod-ch", "MOD_CH", "ht-rr", "HT_RR");

  public PaperRun {
    Objects.requireNonNull(trace, "trace");
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(replay, "replay");
    Objects.requireNonNull(storage, "storage");
    hosts = List.copyOf(hosts);
  }

  /** A run on a testbed that counts nothing per host. */
  public PaperRun(String trace, Arch arch, String strategy, int servers, ReplayResult replay, Storage storage) {
    this(trace, arch, strategy, servers, replay, storage, List.of(), Double.NaN);
  }

  /** Bytes on the front's link (what it received and forwarded to the nodes), or -1 without a front host. */
  public long frontLinkBytes() {
    return host("front").map(HostUsage::rxBytes).orElse(-1L);
  }

  /** Bytes the client's link delivered to the clients, or -1 without a client host. */
  public long clientBytes() {
    return host("client").map(HostUsage::rxBytes).orElse(-1L);
  }

  /**
   * The resource that saturated: the busiest shaped link at {@link #LINK_SATURATED} or CPU quota at
   * {@link #CPU_SATURATED} or more, by how far past its threshold it is ({@code link:n3:tx},
   * {@code cpu:switch}); else {@code machine-cpu} when this machine's cores were that busy (the
   * emulation was not faithful: hosts waited for CPU beyond their quotas); else {@code none};
   * {@code -} without host counts.
   */
  public String boundBy() {
    if (hosts.isEmpty()) {
      return "-";
    }
    String best = "none";
    double most = 1;
    for (HostUsage h : hosts) {
      if (h.linkUtilisation() / LINK_SATURATED >= most) {
        most = h.linkUtilisation() / LINK_SATURATED;
        best = "link:" + h.host() + ":" + h.busierDirection();
      }
      if (h.cpuCores() > 0 && !h.host().equals(MACHINE) && h.cpuUtilisation() / CPU_SATURATED >= most) {
        most = h.cpuUtilisation() / CPU_SATURATED;
        best = "cpu:" + h.host();
      }
    }
    if (best.equals("none") && host(MACHINE).map(m -> m.cpuUtilisation() >= CPU_SATURATED).orElse(false)) {
      best = "machine-cpu";
    }
    return best;
  }

  private java.util.Optional<HostUsage> host(String name) {
    return hosts.stream().filter(h -> h.host().equals(name)).findFirst();
  }

  /** The paper's name of a strategy ({@code ketama} is MIT_CH), else the name in upper case. */
  public static String paperName(String strategy) {
    return PAPER_NAMES.getOrDefault(strategy, strategy.toUpperCase(Locale.ROOT));
  }

  /** The column of this run in the paper's tables, e.g. {@code AS-MIT_CH}. */
  public String column() {
    return column(arch, strategy);
  }

  static String column(Arch arch, String strategy) {
    return arch.prefix() + paperName(strategy);
  }

  /**
   * Load balance: the busiest cache node's requests over the mean (1 = even), from the nodes'
   * own {@code /status} counts during the run; {@code NaN} when unknown.
   */
  public double loadBalance() {
    Map<String, Long> counts = replay.servers().statusRequests();
    if (counts.isEmpty()) {
      return Double.NaN;
    }
    long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
    double mean = counts.values().stream().mapToLong(Long::longValue).sum() / (double) servers;
    return mean > 0 ? max / mean : Double.NaN;
  }

  /** A metric of this run by name (the tables' and charts' metrics). */
  @Override
  public double metric(Metric m) {
    return m.of(this);
  }

  /** The metrics the paper tabulates per servers x column. */
  public enum Metric {
    REQUESTS_PER_S("requests_per_s", "requests/s", "Req/sec"),
    MBIT_PER_S("mbit_per_s", "Mbit/s (bodies)", "Mbit/sec");

    private final String id;
    private final String title;
    private final String paperUnit;

    Metric(String id, String title, String paperUnit) {
      this.id = id;
      this.title = title;
      this.paperUnit = paperUnit;
    }

    public String id() {
      return id;
    }

    public String title() {
      return title;
    }

    public String paperUnit() {
      return paperUnit;
    }

    double of(PaperRun r) {
      return this == REQUESTS_PER_S ? r.replay.requestsPerSecond() : r.replay.megabitsPerSecond();
    }
  }
}
