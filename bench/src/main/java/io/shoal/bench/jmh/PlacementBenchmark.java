package io.shoal.bench.jmh;

import io.shoal.bench.keys.RandomUrls;
import io.shoal.hashing.CacheKey;
import io.shoal.hashing.Member;
import io.shoal.hashing.Strategies;
import io.shoal.hashing.Strategy;
import io.shoal.hashing.View;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one owner lookup, hashing the key included, for every strategy at N = 4, 16, 64
 * and 256, over 4096 URL keys of 40 to 120 bytes taken in turn.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar PlacementBenchmark -p nodes=16}
 * (all sizes: drop {@code -p}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class PlacementBenchmark {

  @Param({"round-robin", "md5", "ketama", "carp", "mod-ch", "ht-rr", "rendezvous", "jump", "maglev",
      "multi-probe", "bounded-load"})
  public String strategy;

  @Param({"4", "16", "64", "256"})
  public int nodes;

  private Strategy placement;
  private View view;
  private CacheKey[] keys;
  private int next;

  @Setup
  public void setUp() {
    placement = Strategies.create(strategy);
    view = View.of(IntStream.rangeClosed(1, nodes).mapToObj(i -> "10.0." + i / 250 + "." + i % 250 + ":3128")
        .toArray(String[]::new));
    keys = RandomUrls.generate(4096, 7).stream().map(CacheKey::of).toArray(CacheKey[]::new);
    for (CacheKey key : keys) {
      placement.owner(key, view); // builds rings and tables, fills ht-rr's buckets
    }
  }

  @Benchmark
  public Member owner() {
    next = (next + 1) & 4095;
    return placement.owner(keys[next], view);
  }
}
