package io.shoal.bench.paper;

import io.shoal.bench.paper.PaperTables.Table;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What bound each run of an emulated testbed: per run, the requests/s against the link-bound
 * ceiling, the resource that saturated, the front's link bytes against the bytes delivered to
 * the clients (direct return), and per host its CPU and link utilisation.
 */
final class Utilisation {
  private Utilisation() {}

  /** The table, one row per run that has host counts; null when none has. */
  static Table of(List<PaperRun> runs) {
    List<PaperRun> counted = runs.stream().filter(r -> !r.hosts().isEmpty()).toList();
    if (counted.isEmpty()) {
      return null;
    }
    Set<String> hosts = new LinkedHashSet<>(List.of(PaperRun.MACHINE, "client", "origin", "front", "switch"));
    counted.forEach(r -> r.hosts().forEach(h -> hosts.add(h.host())));
    List<String> columns = new ArrayList<>(List.of("trace", "servers", "column", "req/s", "ceiling", "of ceiling",
        "bound by", "front/client bytes"));
    columns.addAll(hosts);
    List<List<String>> rows = new ArrayList<>();
    for (PaperRun r : counted) {
      double rps = r.replay().requestsPerSecond();
      List<String> row = new ArrayList<>(List.of(r.trace(), Integer.toString(r.servers()), r.column(),
          PaperTables.fmt(rps, "%.0f"), PaperTables.fmt(r.ceiling(), "%.0f"),
          PaperTables.fmt(rps / r.ceiling() * 100, "%.0f%%"), r.boundBy(),
          r.clientBytes() > 0 && r.frontLinkBytes() >= 0
              ? PaperTables.fmt(100.0 * r.frontLinkBytes() / r.clientBytes(), "%.1f%%") : "-"));
      for (String h : hosts) {
        row.add(r.hosts().stream().filter(u -> u.host().equals(h)).findFirst().map(Utilisation::cell).orElse("-"));
      }
      rows.add(row);
    }
    return new Table("utilisation", "what bound each run: req/s against the link-bound ceiling of the strategy's"
        + " owner shares; front/client bytes = bytes on the front's link over bytes delivered to the clients; per"
        + " host CPU % of its quota (of one core when unlimited; machine: of all cores, whatever ran) / busier link"
        + " direction % of the link rate", columns,
        rows);
  }

  /** {@code CPU%/LINK%}, each {@code -} when not counted or not shaped. */
  private static String cell(HostUsage h) {
    return PaperTables.fmt(h.cpuUtilisation() * 100, "%.0f").replace("n/a", "-") + "/"
        + PaperTables.fmt(h.linkUtilisation() * 100, "%.0f").replace("n/a", "-");
  }

  /** Long form, one line per run and host: {@code hosts.csv}. */
  static void csv(List<PaperRun> runs, PrintWriter out) {
    out.print("trace_name,servers,arch,strategy,host,seconds,cpu_seconds,cpu_cores,rx_bytes,tx_bytes,link_bits_per_s,"
        + "requests,hits,forwarded,forwarded_in\r\n");
    for (PaperRun r : runs) {
      for (HostUsage h : r.hosts()) {
        out.print(String.join(",", r.trace(), Integer.toString(r.servers()), r.arch().id(), r.strategy(), h.host(),
            PaperTables.fmt(h.seconds(), "%.3f"), PaperTables.fmt(h.cpuSeconds(), "%.3f"),
            PaperTables.fmt(h.cpuCores(), "%.3f"), Long.toString(h.rxBytes()), Long.toString(h.txBytes()),
            Long.toString(h.linkBitsPerSecond()), Long.toString(h.requests()), Long.toString(h.hits()),
            Long.toString(h.forwarded()), Long.toString(h.forwardedIn())) + "\r\n");
      }
    }
  }
}
