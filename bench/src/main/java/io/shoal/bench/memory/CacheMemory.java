package io.shoal.bench.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoal.bench.memory.internal.ClassHistogram;
import io.shoal.bench.memory.internal.LiveHeap;
import io.shoal.bench.origin.BenchOrigin;
import io.shoal.bench.replay.Replay;
import io.shoal.bench.replay.ReplayResult;
import io.shoal.node.CacheNode;
import io.shoal.node.NodeConfig;
import io.shoal.traces.TraceRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Memory per stored object of a cache node: an in-process node (forward proxy, {@code cache.size}
 * large enough that nothing is evicted) is filled over real HTTP with N distinct objects of 1 KB
 * from the bench origin on loopback; the live heap after full collections with the cache full,
 * minus that of the empty node, divided by N, minus the body size, is the overhead per object:
 * key, response head, cache entry and every index included.
 *
 * <p>The empty node is measured after a warm-up of requests whose responses are {@code no-store}
 * (nothing is stored, but classes, pools and the client's buffers exist), and again after the
 * origin forgets its per-URL counts, so only the node's growth is counted. It prints the reading
 * and the classes that grew most between the two histograms, per object.
 *
 * <pre>{@code
 * bench/scripts/node-memory-per-object.sh 1000000     # builds cli/target/shoal.jar, then runs:
 * java -Xms6g -Xmx6g -XX:+UseSerialGC -cp cli/target/shoal.jar io.shoal.bench.memory.CacheMemory 1000000 2GB
 * }</pre>
 */
public final class CacheMemory {
  private static final int BODY = 1024;
  private static final int WARMUP = 2_000;
  private static final int TOP = 15;
  private static final ObjectMapper JSON = new ObjectMapper();

  private CacheMemory() {}

  /** Arguments: {@code [objects, default 1000000] [cache.size, default 2GB]}. */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? objects(args[0]) : 1_000_000;
    String cacheSize = args.length > 1 ? args[1] : "2GB";
    if (!LiveHeap.serial()) {
      System.out.println("warning: collectors " + LiveHeap.collectors()
          + "; run with -XX:+UseSerialGC for System.gc() to be a full compaction");
    }
    try (BenchOrigin origin = BenchOrigin.builder().ioThreads(2).start();
        BenchOrigin noStore = BenchOrigin.builder().ioThreads(1).maxAge(null).start();
        CacheNode node = CacheNode.start(NodeConfig.of(Map.of(
            "node.id", "memory", "proxy.host", "127.0.0.1", "proxy.port", "0", "admin.port", "0",
            "proxy.allowed-destinations", "127.0.0.0/8", "cache.size", cacheSize)))) {
      URI proxy = URI.create("http://127.0.0.1:" + node.proxyAddress().getPort());
      URI status = URI.create("http://127.0.0.1:" + node.adminAddress().getPort() + "/status");
      long cold = LiveHeap.bytes();
      fill(proxy, noStore.uri(), "w", WARMUP);
      expect(status, 0, 0, "after the no-store warm-up");
      noStore.resetStats();
      ClassHistogram before = ClassHistogram.take();   // first: it is live in both readings
      long empty = LiveHeap.bytes();

      long start = System.nanoTime();
      long failed = fill(proxy, origin.uri(), "", n);
      double seconds = (System.nanoTime() - start) / 1e9;
      JsonNode cache = expect(status, n - failed, n, "after the fill");
      long stored = cache.path("entries").asLong();
      origin.resetStats();
      long full = LiveHeap.bytes();
      ClassHistogram after = ClassHistogram.take();

      report(stored, cacheSize, seconds, cache, cold, empty, full, before, after);
    }
  }

  /**
   * Sends {@code count} GETs of distinct 1 KB objects through the proxy; each must be a miss.
   * Returns how many failed (at most one in a thousand, else it throws): the reading counts the
   * objects the node says it stores, not the requests sent.
   */
  private static long fill(URI proxy, URI origin, String prefix, int count) {
    Replay replay = Replay.builder()
        .proxy(proxy)
        .origin(origin)
        .requests("memory", () -> objects(prefix, count))
        .connections(16)
        .threads(1)
        .keepAlive(true)
        .label("fill")
        .build();
    ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
    progress.scheduleAtFixedRate(() -> System.out.printf("  %,d of %,d requests sent%n", replay.completed(), count),
        10, 10, TimeUnit.SECONDS);
    ReplayResult r;
    try {
      r = replay.run();
    } finally {
      progress.shutdownNow();
    }
    long failed = count - r.traffic().requests();
    String outcome = r.traffic().requests() + " answers, errors " + r.breakdown().errors() + ", statuses "
        + r.breakdown().statuses() + ", " + r.hits().count() + " hits";
    if (failed > count / 1000 || r.hits().count() > 0 || !r.breakdown().statuses().keySet().equals(Set.of(200))) {
      throw new IllegalStateException("fill: " + outcome + " (expected: " + count + " distinct misses, 200)");
    }
    if (failed > 0) {
      System.out.println("fill: " + outcome + "; the reading counts the entries the node stores");
    }
    return failed;
  }

  private static Stream<TraceRequest> objects(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> TraceRequest.of(prefix + i, BODY));
  }

  /** The node's {@code /status} cache section, which must count {@code min..max} entries and no eviction. */
  private static JsonNode expect(URI status, long min, long max, String when) {
    JsonNode cache = status(status).path("cache");
    long entries = cache.path("entries").asLong(-1);
    if (entries < min || entries > max || cache.path("evictions").asLong(-1) != 0) {
      throw new IllegalStateException("cache " + when + ": " + cache + " (expected: " + min + ".." + max
          + " entries, no eviction; a larger cache.size?)");
    }
    return cache;
  }

  private static JsonNode status(URI status) {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(status).build(),
          HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + status, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted reading " + status, e);
    }
  }

  private static void report(long n, String cacheSize, double seconds, JsonNode cache, long cold, long empty,
      long full, ClassHistogram before, ClassHistogram after) {
    double perObject = (double) (full - empty) / n;
    double overhead = perObject - BODY;
    System.out.printf("objects:                   %,d of %,d B (body bytes %,d), filled in %.0f s (%,.0f req/s)%n",
        n, BODY, (long) n * BODY, seconds, n / seconds);
    System.out.printf("node's count:              %,d entries, %,d cache bytes (%,.0f B per entry), cache.size=%s%n",
        cache.path("entries").asLong(), cache.path("bytes").asLong(),
        (double) cache.path("bytes").asLong() / n, cacheSize);
    System.out.printf("live heap, node started:   %,d B%n", cold);
    System.out.printf("live heap, empty (warm):   %,d B%n", empty);
    System.out.printf("live heap, full:           %,d B%n", full);
    System.out.printf("heap per stored object:    %,.1f B%n", perObject);
    System.out.printf("overhead per object:       %,.1f B beyond the %,d B body (target <= 256 B: %s)%n",
        overhead, BODY, overhead <= 256 ? "met" : "MISSED");
    System.out.printf("class histograms:          %,d B empty, %,d B full: %,.1f B per object%n", before.totalBytes(),
        after.totalBytes(), (double) (after.totalBytes() - before.totalBytes()) / n);
    System.out.printf("%n%-72s %14s %10s %10s%n", "largest growth by class", "bytes", "B/object", "n/object");
    List<ClassHistogram.Row> top = after.growthSince(before, TOP);
    for (ClassHistogram.Row r : top) {
      System.out.printf("%-72s %,14d %10.1f %10.2f%n", r.className(), r.bytes(), (double) r.bytes() / n,
          (double) r.instances() / n);
    }
  }

  private static int objects(String s) {
    try {
      int n = Integer.parseInt(s.replace("_", "").replace(",", ""));
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("objects: \"" + s + "\" (expected: a count > 0)");
  }
}
