package io.shoal.cli.trace;

import io.shoal.traces.TraceField;
import io.shoal.traces.TraceRequest;
import io.shoal.traces.stats.TraceStats;
import io.shoal.traces.stats.ZipfFit;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shoal trace stats}: what a trace holds, in one pass. */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = {"Summarize a trace: requests, objects, bytes, one-timers, the most requested"
        + " objects, the Zipf exponent, object size percentiles, and the hit ratio and byte hit"
        + " ratio of an infinite cache."})
public final class TraceStatsCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Option(names = "--top", defaultValue = "10", paramLabel = "N",
      description = "How many of the most requested objects to list; default: ${DEFAULT-VALUE}.")
  int top;

  @Parameters(paramLabel = "FORMAT:PATH", description = "The trace.")
  String trace;

  @Override
  public void run() {
    if (top < 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--top: " + top + " (expected: >= 0)");
    }
    TraceArgs.Opened opened = TraceArgs.open(spec, trace);
    PrintWriter err = spec.commandLine().getErr();
    TraceStats stats = new TraceStats();
    try (Stream<TraceRequest> requests = opened.reader().requests();
        Progress progress = Progress.of(err, "stats", opened.source()::position,
            opened.source()::length)) {
      requests.forEachOrdered(r -> {
        stats.add(r);
        progress.tick();
      });
    }
    print(spec.commandLine().getOut(), stats.summary(top), opened);
  }

  private void print(PrintWriter out, TraceStats.Summary s, TraceArgs.Opened opened) {
    row(out, "trace", trace);
    row(out, "fields", opened.reader().fields().stream().sorted().map(f -> f.name()
        .toLowerCase(Locale.ROOT)).reduce((a, b) -> a + " " + b).orElse(""));
    row(out, "requests", f("%,d", s.requests()));
    row(out, "objects", f("%,d", s.objects()));
    row(out, "one-timers", f("%,d (%.1f%% of objects, %.1f%% of requests)", s.popularity().oneTimers(),
        pct(s.popularity().oneTimers(), s.objects()), pct(s.popularity().oneTimers(), s.requests())));
    if (opened.reader().fields().contains(TraceField.CLIENT)) {
      row(out, "clients", f("%,d", s.clients()));
    }
    if (s.time().first() >= 0) {
      double span = (s.time().last() - s.time().first()) / 1e6;
      row(out, "time span", f("%,.0f s (%.1f requests/s)", span,
          span > 0 ? s.requests() / span : 0.0));
    }
    if (s.bytes().sizedRequests() > 0) {
      row(out, "bytes", f("%s requested, %s unique%s", bytes(s.bytes().total()),
          bytes(s.bytes().unique()), s.bytes().sizedRequests() < s.requests()
              ? f(" (%,d requests of unknown size)", s.requests() - s.bytes().sizedRequests()) : ""));
      TraceStats.SizePercentiles p = s.sizes();
      row(out, "object sizes", f("p50 %s, p90 %s, p99 %s, max %s, mean %s", bytes(p.percentile(50)),
          bytes(p.percentile(90)), bytes(p.percentile(99)), bytes(p.percentile(100)),
          bytes(Math.round(p.mean()))));
    } else {
      row(out, "bytes", "unknown (the trace has no sizes)");
    }
    ZipfFit zipf = s.popularity().zipf();
    row(out, "zipf exponent", Double.isNaN(zipf.exponent())
        ? "n/a (fewer than 3 objects requested twice or more)"
        : f("%.3f (R^2 %.3f; least squares over %d log-spaced ranks from 1 to %,d, count >= 2)",
            zipf.exponent(), zipf.rSquared(), zipf.ranks(), zipf.maxRank()));
    row(out, "popularity", f("the top 1%% of objects get %.1f%% of requests, the top 10%% get %.1f%%",
        s.popularity().top1PercentShare() * 100, s.popularity().top10PercentShare() * 100));
    row(out, "ideal hit ratio", f("%.2f%% (an infinite cache)", s.idealHitRatio() * 100));
    if (s.bytes().sizedRequests() > 0) {
      row(out, "ideal byte hit", f("%.2f%% (an infinite cache)", s.idealByteHitRatio() * 100));
    }
    if (!s.popularity().top().isEmpty()) {
      out.println();
      out.println(f("%5s %10s %7s %12s  %s", "rank", "requests", "share", "size", "key"));
      int rank = 1;
      for (TraceStats.TopObject t : s.popularity().top()) {
        out.println(f("%5d %,10d %6.2f%% %12s  %s", rank++, t.requests(),
            pct(t.requests(), s.requests()), t.size() < 0 ? "-" : f("%,d", t.size()), t.key()));
      }
    }
  }

  private static void row(PrintWriter out, String name, String value) {
    out.println(f("%-16s %s", name, value));
  }

  private static double pct(long part, long whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }

  static String bytes(long n) {
    if (n < 0) {
      return "-";
    }
    if (n < 10_000) {
      return f("%,d B", n);
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = n / 1024.0;
    int u = 0;
    while (v >= 10_000 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return f("%,.1f %s", v, units[u]);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
