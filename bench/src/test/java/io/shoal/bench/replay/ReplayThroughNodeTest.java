package io.shoal.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.bench.origin.BenchOrigin;
import io.shoal.bench.origin.ObjectUrls;
import io.shoal.node.CacheNode;
import io.shoal.node.NodeConfig;
import io.shoal.traces.TraceRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A small trace with repeats replayed through a real {@code shoal node} (in process, ephemeral
 * loopback ports) to the real benchmark origin: every object is fetched from the origin exactly
 * once (cacheable, collapsed), later requests hit, and the node named in {@code X-Cache} and its
 * {@code /status} account for every request.
 */
class ReplayThroughNodeTest {
  private static final int OBJECTS = 60;
  private static final int REQUESTS = 600;
  private static BenchOrigin origin;
  private static CacheNode node;

  @BeforeAll
  static void start() {
    origin = BenchOrigin.builder().start();
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
    origin.close();
  }

  /** {@code REQUESTS} GETs over {@code OBJECTS} ids, every object at least once, sizes 0-20 KB. */
  static List<TraceRequest> trace() {
    Random r = new Random(7);
    long[] sizes = new long[OBJECTS];
    for (int i = 0; i < OBJECTS; i++) {
      sizes[i] = i == 0 ? 0 : r.nextInt(20_000);
    }
    List<TraceRequest> requests = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      int id = i < OBJECTS ? i : (int) Math.min(OBJECTS - 1, Math.abs(r.nextGaussian()) * OBJECTS / 3);
      requests.add(TraceRequest.of(Integer.toString(id), sizes[id]));
    }
    return requests;
  }

  @ParameterizedTest(name = "keepAlive={0}")
  @ValueSource(booleans = {true, false})
  void everyObjectOnceFromTheOriginTheRestHits(boolean keepAlive) {
    node = CacheNode.start(NodeConfig.of(Map.of(
        "node.id", "bench-node-" + keepAlive,
        "proxy.host", "127.0.0.1", "proxy.port", "0", "admin.port", "0",
        "proxy.allowed-destinations", "127.0.0.0/8", "cache.size", "32MB")));
    try {
      List<TraceRequest> trace = trace();
      origin.resetStats();
      long before = origin.stats().requests();
      URI status = URI.create("http://127.0.0.1:" + node.adminAddress().getPort() + "/status");
      ReplayResult r = Replay.builder()
          .proxy(URI.create("http://127.0.0.1:" + node.proxyAddress().getPort()))
          .origin(origin.uri())
          .requests("test", trace::stream)
          .connections(8)
          .keepAlive(keepAlive)
          .imageShare(0.2)
          .status(List.of(status))
          .label("node")
          .build().run();

      assertThat(r.breakdown().errors()).isEmpty();
      assertThat(r.traffic().requests()).isEqualTo(REQUESTS);
      assertThat(r.interrupted()).isFalse();
      long distinct = trace.stream().map(TraceRequest::key).distinct().count();
      assertThat(distinct).isEqualTo(OBJECTS);
      assertThat(r.servers().originRequests()).as("origin requests: one per distinct object").isEqualTo(distinct);
      assertThat(origin.stats().requests() - before).isEqualTo(distinct);
      assertThat(r.servers().originUrls()).isEqualTo(distinct);
      assertThat(r.hits().count()).isEqualTo(REQUESTS - distinct);
      assertThat(r.hitRatio()).isGreaterThan(0).isEqualTo((double) (REQUESTS - distinct) / REQUESTS);
      long bodyBytes = trace.stream().mapToLong(TraceRequest::size).sum()
          + imageOvershoot(trace);
      assertThat(r.traffic().bodyBytes()).isEqualTo(bodyBytes);
      assertThat(r.breakdown().nodes()).containsOnlyKeys(node.id()).containsEntry(node.id(), (long) REQUESTS);
      assertThat(r.nodeShares()).containsExactly(Map.entry(node.id(), 1.0));
      assertThat(r.servers().statusRequests()).containsOnlyKeys(node.id());
      assertThat(r.servers().statusRequests().get(node.id())).isEqualTo(REQUESTS);
      assertThat(r.breakdown().cacheResults()).containsEntry("MISS", distinct).containsEntry("HIT", REQUESTS - distinct);
      assertThat(r.latency().p50()).isPositive();
      assertThat(r.latency().p999()).isGreaterThanOrEqualTo(r.latency().p99());
    } finally {
      node.close();
      node = null;
    }
  }

  /** Images smaller than the smallest JPEG are served a little larger than the trace says. */
  private static long imageOvershoot(List<TraceRequest> trace) {
    Map<String, Long> sizes = trace.stream().collect(Collectors.toMap(TraceRequest::key,
        TraceRequest::size, (a, b) -> a));
    long extra = 0;
    for (TraceRequest t : trace) {
      String path = ObjectUrls.path(t.key(), t.size(), 0.2);
      if (path.endsWith(".jpg") && t.size() > 0) {
        long served = servedLength(path);
        extra += served - sizes.get(t.key());
      }
    }
    return extra;
  }

  private static long servedLength(String path) {
    try {
      java.net.http.HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(origin.uri(path)).method("HEAD",
              java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
          java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      return Long.parseLong(r.headers().firstValue("Content-Length").orElseThrow());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
