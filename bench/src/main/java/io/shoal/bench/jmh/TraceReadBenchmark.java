package io.shoal.bench.jmh;

import io.shoal.traces.TraceRequest;
import io.shoal.traces.TraceWriter;
import io.shoal.traces.Traces;
import io.shoal.traces.stats.TraceStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Requests read per second from the BU 1998 trace (66,987 requests) in each text format: the
 * reader alone ({@code read}) and the reader plus {@code shoal trace stats}' one pass ({@code
 * stats}). The score is requests/s (one operation = one request). {@code webcachesim-gz} is the
 * bundled gzip file; the others are that trace converted in setup to a plain temporary file.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar TraceReadBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class TraceReadBenchmark {
  private static final String BU = "webcachesim:classpath:bu-1998-webcachesim.tr.gz";
  private static final int REQUESTS = 66_987;

  @Param({"webcachesim-gz", "webcachesim", "squid", "combined", "urls"})
  public String format;

  private Path dir;
  private String spec;

  @Setup
  public void setUp() throws IOException {
    if (format.equals("webcachesim-gz")) {
      spec = BU;
      return;
    }
    dir = Files.createTempDirectory("shoal-trace-bench");
    spec = format + ":" + dir.resolve("bu." + format);
    try (Stream<TraceRequest> requests = Traces.open(BU).requests();
        TraceWriter writer = Traces.create(spec)) {
      requests.forEach(writer::write);
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    if (dir != null) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
    }
  }

  @Benchmark
  @OperationsPerInvocation(REQUESTS)
  public long read() {
    try (Stream<TraceRequest> requests = Traces.open(spec).requests()) {
      return requests.mapToLong(TraceRequest::size).sum();
    }
  }

  @Benchmark
  @OperationsPerInvocation(REQUESTS)
  public long stats() {
    try (Stream<TraceRequest> requests = Traces.open(spec).requests()) {
      return TraceStats.of(requests, 10).objects();
    }
  }
}
