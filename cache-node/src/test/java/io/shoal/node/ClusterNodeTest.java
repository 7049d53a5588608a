package io.shoal.node;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.shoal.testsupport.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.shoal.testsupport.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster nodes in one JVM (the multi-process failure tests are in {@code src-test}): two cache
 * nodes and a switch in one JGroups group on loopback, a WireMock origin. Checks the owner
 * routing as clients and the admin listener see it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterNodeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private WireMockServer origin;
  private final List<CacheNode> nodes = new ArrayList<>();
  private CacheNode a;
  private CacheNode b;
  private CacheNode sw;

  @TempDir
  static Path dir;

  @BeforeAll
  void start() throws Exception {
    origin = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    origin.start();
    origin.stubFor(any(urlPathMatching("/o/.*")).willReturn(aResponse().withHeader("Cache-Control", "max-age=600")
        .withHeader("Content-Type", "text/plain").withBody("object")));
    byte[] big = new byte[300_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 7);
    }
    origin.stubFor(any(urlPathMatching("/big/.*")).willReturn(aResponse().withHeader("Cache-Control", "max-age=600")
        .withHeader("Content-Type", "application/octet-stream").withBody(big)));
    List<Integer> ports = Ports.cluster(3);
    String peers = peers(ports);
    String name = "node-test-" + UUID.randomUUID();
    Files.createDirectories(dir);
    a = node("a", ports.get(0), peers, name, "cache");
    b = node("b", ports.get(1), peers, name, "cache");
    sw = node("sw", ports.get(2), peers, name, "switch");
    await("the cluster to form", Duration.ofSeconds(30), () -> members(a).equals(Set.of("a", "b", "sw"))
        && members(b).equals(Set.of("a", "b", "sw")) && members(sw).equals(Set.of("a", "b", "sw")));
  }

  private CacheNode node(String id, int clusterPort, String peers, String name, String role, String... more) {
    List<String> settings = new ArrayList<>(List.of("node.id", id, "node.role", role, "cluster.enabled", "true", "cluster.name", name,
        "cluster.bind-port", Integer.toString(clusterPort), "cluster.peers", peers, "cluster.join-timeout", "1s",
        "cluster.merge-min", "1s", "cluster.merge-max", "2s",
        // Generous: a connect that a starved machine takes long over must not make a peer suspect.
        "cluster.forward.connect-timeout", "10s", "admin.token", "t0ken", "log.access-file", dir.resolve(id + ".log").toString()));
    settings.addAll(List.of(more));
    CacheNode n = TestNodes.start(settings.toArray(String[]::new));
    nodes.add(n);
    return n;
  }

  @AfterAll
  void stop() {
    nodes.forEach(CacheNode::close);
    origin.stop();
  }

  @Test
  void aPeersAddressPassesTheAccessListOnlyWithAValidHopToken() throws Exception {
    List<Integer> ports = Ports.cluster(2);
    String peers = peers(ports);
    String name = "acl-test-" + UUID.randomUUID();
    CacheNode closed = node("closed", ports.get(0), peers, name, "cache", "proxy.client-acl", "10.0.0.0/8");
    CacheNode open = node("open", ports.get(1), peers, name, "cache");
    await("the two nodes see each other", TIMEOUT, () -> members(closed).equals(Set.of("closed", "open"))
        && members(open).equals(Set.of("closed", "open")));
    String url = null;
    for (int i = 0; url == null; i++) {
      RawHttp.Response r = get(open, url("/o/acl-" + i));
      assertThat(r.status).isEqualTo(200);
      if (r.header("X-Cache").endsWith("from closed")) {
        url = url("/o/acl-" + i);
      }
    }
    assertThat(get(closed, url).status).as("127.0.0.1 is a peer's address, but this is no forward").isEqualTo(403);
    RawHttp.Response forged = RawHttp.exchange(closed.proxyAddress(), "GET " + url
        + " HTTP/1.1\r\nHost: x\r\nX-Shoal-Hop: open; token=forged\r\n\r\n");
    assertThat(forged.status).as("a forged hop header").isEqualTo(403);
  }

  @Test
  void everyUrlIsServedByItsOwnerThroughAnyNodeAndTheSwitchStoresNothing() throws Exception {
    Set<String> owners = new TreeSet<>();
    for (int i = 0; i < 20; i++) {
      String url = url("/o/" + i);
      String first = null;
      for (CacheNode entry : List.of(a, b, sw, a)) {
        RawHttp.Response r = get(entry, url);
        assertThat(r.status).isEqualTo(200);
        assertThat(r.body()).isEqualTo("object");
        String from = r.header("X-Cache").replaceFirst(".* from ", "");
        first = first == null ? from : first;
        assertThat(from).as("X-Cache of %s via %s", url, entry.id()).isEqualTo(first).isIn("a", "b");
      }
      owners.add(first);
      assertThat(origin.countRequestsMatching(getRequestedFor(urlEqualTo("/o/" + i)).build()).getCount()).isEqualTo(1);
    }
    assertThat(owners).containsExactly("a", "b");
    assertThat(status(sw).path("cache").path("entries").asLong()).isZero();
    List<String> stored = new ArrayList<>();
    for (CacheNode n : List.of(a, b)) {
      status(n).path("cache").path("keys").forEach(k -> stored.add(k.asText()));
    }
    assertThat(stored.stream().filter(k -> k.matches(".*/o/[0-9]+")).toList()).as("stored once in the cluster")
        .hasSize(20).doesNotHaveDuplicates();
    JsonNode cluster = status(sw).path("cluster");
    assertThat(cluster.path("role").asText()).isEqualTo("switch");
    for (JsonNode m : cluster.path("members")) {
      if (m.path("id").asText().equals("sw")) {
        assertThat(m.path("share").asDouble()).isZero();
      }
    }
    // A forward is counted just after its last byte went to the client.
    await("the switch counted its 20 forwards", TIMEOUT, () -> {
      long forwards = 0;
      for (JsonNode m : status(sw).path("cluster").path("members")) {
        forwards += m.path("forwards").path("forwards").asLong();
      }
      return forwards >= 20;
    });
  }

  @Test
  void aForwardedRequestKeepsSaveDataSoTheOwnerDistills() throws Exception {
    byte[] photo = DistillNodeTest.jpeg(1600, 1200, 92);
    origin.stubFor(any(urlPathMatching("/distill/.*")).willReturn(aResponse().withHeader("Cache-Control", "max-age=600")
        .withHeader("Content-Type", "image/jpeg").withHeader("ETag", "\"p\"").withBody(photo)));
    String url = url("/distill/1");
    RawHttp.Response small = RawHttp.exchange(sw.proxyAddress(), "GET " + url
        + " HTTP/1.1\r\nHost: x\r\nSave-Data: on\r\n\r\n");
    assertThat(small.status).isEqualTo(200);
    assertThat(small.header("X-Cache")).matches("MISS from (a|b)");
    assertThat(small.header("ETag")).isEqualTo("\"p-save-data\"");
    assertThat(Long.parseLong(small.header("Content-Length"))).isLessThan(photo.length / 2);
    RawHttp.Response plain = RawHttp.exchange(sw.proxyAddress(), "GET " + url + " HTTP/1.1\r\nHost: x\r\n\r\n");
    assertThat(plain.header("ETag")).isEqualTo("\"p\"");
    assertThat(Long.parseLong(plain.header("Content-Length"))).isEqualTo(photo.length);
    assertThat(plain.header("Vary")).contains("Save-Data");
    assertThat(origin.countRequestsMatching(getRequestedFor(urlEqualTo("/distill/1")).build()).getCount()).isEqualTo(1);
  }

  @Test
  void bigAndBodilessAnswersCrossTheHopIntact() throws Exception {
    for (int i = 0; i < 4; i++) {
      String url = url("/big/" + i);
      RawHttp.Response first = get(a, url);
      for (CacheNode entry : List.of(a, b, sw)) {
        RawHttp.Response r = get(entry, url);
        assertThat(r.status).isEqualTo(200);
        assertThat(r.body).hasSize(300_000).isEqualTo(first.body);
        assertThat(r.body[299_999]).isEqualTo((byte) (299_999 * 7));
        RawHttp.Response head = RawHttp.exchange(entry.proxyAddress(), "HEAD " + url + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(head.status).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo("300000");
      }
    }
  }

  @Test
  void theAccessLogSaysWhereEachRequestWasServed() throws Exception {
    String url = url("/o/log");
    String owner = get(a, url).header("X-Cache").replaceFirst(".* from ", "");
    get(sw, url);
    CacheNode other = owner.equals("a") ? b : a;
    get(other, url);
    String swLog = awaitLine(dir.resolve("sw.log"), "/o/log");
    assertThat(swLog).contains(" FORWARD/" + owner + " ").contains("TCP_HIT/200");
    assertThat(awaitLine(dir.resolve(other.id() + ".log"), "/o/log")).contains(" FORWARD/" + owner + " ");
    // The owner logs the origin fetch and the hits it served for the others, in the order the
    // responses finished: a forwarded hit can be logged before the miss it follows.
    assertThat(awaitLine(dir.resolve(owner + ".log"), "/o/log", "TCP_MISS/")).contains(" LOCAL/127.0.0.1 ");
  }

  @Test
  void proxyPacOnTheAdminAndProxyPortsListsTheCacheNodes() throws Exception {
    for (RawHttp.Response r : List.of(get(sw, "/proxy.pac", true), RawHttp.exchange(a.proxyAddress(),
        "GET /proxy.pac HTTP/1.1\r\nHost: x\r\n\r\n"))) {
      assertThat(r.status).isEqualTo(200);
      assertThat(r.header("Content-Type")).startsWith("application/x-ns-proxy-autoconfig");
      assertThat(r.body()).contains("FindProxyForURL").contains("127.0.0.1:" + a.proxyAddress().getPort())
          .contains("127.0.0.1:" + b.proxyAddress().getPort()).doesNotContain("127.0.0.1:" + sw.proxyAddress().getPort());
    }
  }

  @Test
  void metricsCountForwards() throws Exception {
    get(sw, url("/o/metrics"));
    await("the forward counted", TIMEOUT, () -> metrics(sw).contains("shoal_forwards_total{"));
    assertThat(metrics(sw)).contains("shoal_forwards_total{", "shoal_forward_latency_seconds_bucket{",
        "shoal_forward_retries_total", "shoal_forward_failovers_total", "shoal_cluster_members");
  }

  @Test
  void theStrategySwitchesClusterWideThroughAnyNode() throws Exception {
    String post = "POST /strategy?spec=%s HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nContent-Length: 0\r\n\r\n";
    assertThat(RawHttp.exchange(b.adminAddress(), String.format(post, "carp", "wrong")).status).isEqualTo(401);
    RawHttp.Response bad = RawHttp.exchange(b.adminAddress(), String.format(post, "nope", "t0ken"));
    assertThat(bad.status).isEqualTo(400);
    assertThat(bad.body()).startsWith("400 spec: ");
    try {
      RawHttp.Response ok = RawHttp.exchange(b.adminAddress(), String.format(post, "carp", "t0ken"));
      assertThat(ok.status).as(ok.body()).isEqualTo(200);
      for (CacheNode n : List.of(a, b, sw)) {
        await(n.id() + " switched to carp", TIMEOUT,
            () -> status(n).path("cluster").path("strategy").asText().equals("carp"));
      }
      String url = url("/o/after-switch");
      String owner = get(a, url).header("X-Cache").replaceFirst(".* from ", "");
      assertThat(get(b, url).header("X-Cache")).endsWith(" from " + owner);
      assertThat(get(sw, url).header("X-Cache")).endsWith(" from " + owner);
    } finally {
      RawHttp.exchange(a.adminAddress(), String.format(post, "ketama", "t0ken"));
      for (CacheNode n : List.of(a, b, sw)) {
        await(n.id() + " back on ketama", TIMEOUT,
            () -> status(n).path("cluster").path("strategy").asText().equals("ketama"));
      }
    }
  }

  @Test
  void aSingleNodeHasNoPacAndNoClusterStatus() throws Exception {
    try (CacheNode single = TestNodes.start()) {
      assertThat(RawHttp.exchange(single.adminAddress(), "GET /proxy.pac HTTP/1.1\r\nHost: x\r\n\r\n").status).isEqualTo(404);
      assertThat(status(single).has("cluster")).isFalse();
    }
  }

  private static String metrics(CacheNode n) throws IOException {
    return RawHttp.exchange(n.adminAddress(), "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n").body();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + origin.port() + path;
  }

  private static RawHttp.Response get(CacheNode n, String url) throws IOException {
    return RawHttp.exchange(n.proxyAddress(), "GET " + url + " HTTP/1.1\r\nHost: x\r\n\r\n");
  }

  private static RawHttp.Response get(CacheNode n, String path, boolean admin) throws IOException {
    return RawHttp.exchange(admin ? n.adminAddress() : n.proxyAddress(), "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
  }

  private static JsonNode status(CacheNode n) throws IOException {
    return JSON.readTree(RawHttp.exchange(n.adminAddress(), "GET /status?keys=100 HTTP/1.1\r\nHost: x\r\n\r\n").body());
  }

  private static Set<String> members(CacheNode n) throws IOException {
    Set<String> ids = new TreeSet<>();
    status(n).path("cluster").path("members").forEach(m -> ids.add(m.path("id").asText()));
    return ids;
  }

  /** The first line of {@code log} that contains every one of {@code needles}, once there is one. */
  private static String awaitLine(Path log, String... needles) {
    String[] found = new String[1];
    await("a line with " + String.join(" and ", needles) + " in " + log, TIMEOUT, () -> Files.exists(log)
        && (found[0] = Files.readAllLines(log).stream().filter(l -> Stream.of(needles).allMatch(l::contains))
            .findFirst().orElse(null)) != null);
    return found[0];
  }

  private static String peers(List<Integer> ports) {
    return String.join(",", ports.stream().map(p -> "127.0.0.1:" + p).toList());
  }
}
