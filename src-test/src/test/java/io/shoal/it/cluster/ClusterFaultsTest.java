package io.shoal.it.cluster;

import static io.shoal.testsupport.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shoal.hashing.Member;
import io.shoal.hashing.Strategies;
import io.shoal.hashing.Strategy;
import io.shoal.hashing.View;
import io.shoal.router.UrlNormalizer;
import io.shoal.testsupport.Ports;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A real three-node cluster (three {@code shoal node} JVMs on loopback, one JGroups group, ketama)
 * in front of a real origin; clients use the nodes as HTTP proxies. Every assertion is about what
 * clients receive, what the origin saw and what the nodes' {@code /status} says. The tests share
 * the cluster and run in order: the fault tests come after the happy path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultsTest {
  private static final Duration BOUND = Duration.ofSeconds(30);
  private final Strategy ketama = Strategies.create("ketama");
  private final UrlNormalizer normalizer = UrlNormalizer.defaults();
  private final List<NodeProc> nodes = new ArrayList<>();
  private final List<NodeProc> others = new ArrayList<>();
  private Origin origin;
  private List<Integer> clusterPorts;
  private NodeProc n1;
  private NodeProc n2;
  private NodeProc n3;

  @BeforeAll
  void startCluster() throws Exception {
    origin = new Origin();
    clusterPorts = Ports.cluster(5);
    List<String> settings = settings("it-" + UUID.randomUUID(), clusterPorts.subList(0, 3));
    for (int i = 0; i < 3; i++) {
      nodes.add(new NodeProc("n" + (i + 1), clusterPorts.get(i), settings).start());
    }
    for (NodeProc n : nodes) {
      n.awaitReady();
    }
    n1 = nodes.get(0);
    n2 = nodes.get(1);
    n3 = nodes.get(2);
    Set<String> all = Set.of("n1", "n2", "n3");
    await("every node sees n1, n2, n3", BOUND, () -> nodes.stream().allMatch(n -> n.members().equals(all)));
  }

  /**
   * Short discovery, merge and load timings; a long FD_ALL3 timeout so that a stopped node stays
   * in the view (a killed one leaves at once: FD_SOCK2 sees its socket close); a forward response
   * timeout short enough to find a stopped peer out quickly, and a connect timeout long enough that
   * a starved machine never makes a live peer suspect (a dead one refuses at once).
   */
  private static List<String> settings(String name, List<Integer> peers) {
    List<String> p = peers.stream().map(port -> "127.0.0.1:" + port).toList();
    return List.of("cluster.name=" + name, "cluster.peers=" + String.join(",", p), "cluster.strategy=ketama",
        "cluster.join-timeout=1s", "cluster.failure-timeout=60s", "cluster.heartbeat=1s",
        "cluster.merge-min=1s", "cluster.merge-max=2s", "cluster.load-report.interval=200ms",
        "cluster.suspect-timeout=30s", "cluster.forward.connect-timeout=10s", "cluster.forward.response-timeout=5s",
        "shutdown.timeout=2s");
  }

  @AfterAll
  void stop() {
    nodes.forEach(NodeProc::close);
    others.forEach(NodeProc::close);
    if (origin != null) {
      origin.close();
    }
  }

  @Test
  @Order(1)
  void everyUrlIsFetchedOnceAndStoredOnlyOnItsOwner() throws Exception {
    List<String> paths = paths("once", 40);
    List<ProxyClient> clients = nodes.stream().map(ProxyClient::new).toList();
    for (int round = 0; round < 2; round++) {
      for (String path : paths) {
        for (ProxyClient c : clients) {
          ProxyClient.Reply r = c.get(origin.url(path));
          assertThat(r.status()).isEqualTo(200);
          assertThat(r.body()).isEqualTo(Origin.body(path));
          assertThat(r.from()).as("X-Cache of %s", path).isEqualTo(owner(path, Set.of("n1", "n2", "n3")));
        }
      }
    }
    Map<String, Set<String>> stored = new HashMap<>();
    for (NodeProc n : nodes) {
      stored.put(n.id, n.keys());
    }
    for (String path : paths) {
      assertThat(origin.hits(path)).as("origin requests for %s", path).isEqualTo(1);
      String key = normalizer.normalize(origin.url(path));
      String owner = owner(path, Set.of("n1", "n2", "n3"));
      for (NodeProc n : nodes) {
        assertThat(stored.get(n.id).contains(key)).as("%s stored on %s (owner %s)", key, n.id, owner)
            .isEqualTo(n.id.equals(owner));
      }
    }
    JsonNode status = n1.status("");
    double shares = 0;
    for (JsonNode m : status.path("cluster").path("members")) {
      shares += m.path("share").asDouble();
    }
    assertThat(shares).isBetween(0.99, 1.01);
    assertThat(status.path("cluster").path("strategy").asText()).isEqualTo("ketama");
  }

  @Test
  @Order(2)
  void aForgedHopHeaderIsIgnoredAndNeverLeavesTheCluster() throws Exception {
    Set<String> all = Set.of("n1", "n2", "n3");
    String path = pathOwnedBy("forged", "n2", all);
    ProxyClient viaN1 = new ProxyClient(n1);
    for (String forged : List.of("n2; token=AAAAAAAAAAAAAAAAAAAAAAAA", "n1; token=AAAAAAAAAAAAAAAAAAAAAAAA", "n2")) {
      ProxyClient.Reply r = viaN1.get(origin.url(path), "X-Shoal-Hop", forged, "X-Shoal-Scheme", "https");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).isEqualTo(Origin.body(path));
      assertThat(r.from()).as("routed to the owner despite the hop header '%s'", forged).isEqualTo("n2");
    }
    assertThat(origin.hits(path)).isEqualTo(1);
    assertThat(origin.headerNames()).noneMatch(h -> h.equalsIgnoreCase("X-Shoal-Hop") || h.equalsIgnoreCase("X-Shoal-Scheme"));
  }

  @Test
  @Order(3)
  void aNodeKilledUnderLoadCostsClientsNothingAndTakesItsKeysBackWhenItReturns() throws Exception {
    Set<String> all = Set.of("n1", "n2", "n3");
    List<String> paths = paths("kill", 30);
    Map<String, String> before = new HashMap<>();
    ProxyClient viaN1 = new ProxyClient(n1);
    for (String path : paths) {
      ProxyClient.Reply r = viaN1.get(origin.url(path));
      assertThat(r.status()).isEqualTo(200);
      before.put(path, r.from());
    }
    assertThat(before.values()).contains("n3");
    // Clients enter through n1 and n2 (an L4 front would stop sending to a dead node); n3 owns a third of the URLs.
    List<String> failures = new CopyOnWriteArrayList<>();
    AtomicLong done = new AtomicLong();
    AtomicBoolean running = new AtomicBoolean(true);
    List<Thread> clients = new ArrayList<>();
    for (NodeProc entry : List.of(n1, n2, n1, n2)) {
      ProxyClient c = new ProxyClient(entry);
      Thread t = new Thread(() -> {
        List<String> order = new ArrayList<>(paths);
        Collections.shuffle(order);
        for (int i = 0; running.get(); i++) {
          String path = order.get(i % order.size());
          try {
            ProxyClient.Reply r = c.get(origin.url(path));
            if (r.status() != 200 || !java.util.Arrays.equals(r.body(), Origin.body(path))) {
              failures.add(path + " via " + entry.id + ": " + r.status() + " " + r.xcache());
            }
          } catch (Exception e) {
            failures.add(path + " via " + entry.id + ": " + e);
          }
          done.incrementAndGet();
        }
      });
      t.start();
      clients.add(t);
    }
    try {
      long start = done.get();
      await("clients running", BOUND, () -> done.get() > start + 200);
      n3.kill();
      await("n1 and n2 drop n3 from the view", BOUND,
          () -> n1.members().equals(Set.of("n1", "n2")) && n2.members().equals(Set.of("n1", "n2")));
      long after = done.get();
      await("clients keep going", BOUND, () -> done.get() > after + 200);
    } finally {
      running.set(false);
      for (Thread t : clients) {
        t.join(60_000);
      }
    }
    assertThat(failures).as("failed client GETs").isEmpty();
    Set<String> left = Set.of("n1", "n2");
    for (String path : paths) {
      ProxyClient.Reply r = viaN1.get(origin.url(path));
      assertThat(r.status()).isEqualTo(200);
      String expected = before.get(path).equals("n3") ? owner(path, left) : before.get(path);
      assertThat(owner(path, left)).isEqualTo(expected);
      assertThat(r.from()).as("owner of %s after n3 died (was %s)", path, before.get(path)).isEqualTo(expected);
    }

    n3.start().awaitReady();
    await("every node sees n3 again", BOUND, () -> nodes.stream().allMatch(n -> n.members().equals(all)));
    for (String path : paths) {
      String owner = before.get(path);
      await(path + " served by its owner " + owner + " again", BOUND, () -> {
        try {
          ProxyClient.Reply r = viaN1.get(origin.url(path));
          assertThat(r.status()).isEqualTo(200);
          return owner.equals(r.from());
        } catch (java.io.IOException | InterruptedException e) {
          throw new AssertionError(e);
        }
      });
    }
  }

  @Test
  @Order(4)
  void aPeerThatStopsAnsweringButStaysInTheViewIsSkippedAsSuspect() throws Exception {
    Set<String> all = Set.of("n1", "n2", "n3");
    List<String> owned = new ArrayList<>();
    for (int i = 0; owned.size() < 5; i++) {
      String path = "/stop/" + i;
      if (owner(path, all).equals("n2")) {
        owned.add(path);
      }
    }
    ProxyClient viaN1 = new ProxyClient(n1);
    n2.signal("STOP");
    try {
      for (String path : owned) {
        ProxyClient.Reply r = viaN1.get(origin.url(path));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(Origin.body(path));
        assertThat(r.from()).as("%s answered by the next candidate", path)
            .isEqualTo(owner(path, Set.of("n1", "n3")));
      }
      JsonNode member = n1.member("n2");
      assertThat(member).as("n2 still in n1's view").isNotNull();
      assertThat(member.path("state").asText()).isEqualTo("suspect");
      assertThat(member.path("forwards").path("errors").asLong()).isGreaterThanOrEqualTo(1);
      // The first request waited for the response timeout and failed over; the others skipped the suspect at once.
      assertThat(n1.status("").path("cluster").path("failovers").asLong()).isGreaterThanOrEqualTo(1);
    } finally {
      n2.signal("CONT");
    }
  }

  @Test
  @Order(5)
  void twoClustersWithDifferentNamesNeverMerge() throws Exception {
    // The other cluster's discovery list includes this cluster's members: only the name keeps them apart.
    List<Integer> mine = clusterPorts.subList(3, 5);
    List<Integer> both = new ArrayList<>(mine);
    both.addAll(clusterPorts.subList(0, 3));
    List<String> settings = settings("other-" + UUID.randomUUID(), both);
    others.add(new NodeProc("m1", mine.get(0), settings).start());
    others.add(new NodeProc("m2", mine.get(1), settings).start());
    for (NodeProc n : others) {
      n.awaitReady();
    }
    Set<String> ms = Set.of("m1", "m2");
    Set<String> ns = Set.of("n1", "n2", "n3");
    await("m1 and m2 form their cluster", BOUND, () -> others.stream().allMatch(n -> n.members().equals(ms)));
    // Several merge rounds (MERGE3 every 1-2 s here) must not join them.
    long until = System.nanoTime() + Duration.ofSeconds(6).toNanos();
    while (System.nanoTime() < until) {
      for (NodeProc n : others) {
        assertThat(n.members()).isEqualTo(ms);
      }
      for (NodeProc n : nodes) {
        assertThat(n.members()).isEqualTo(ns);
      }
      Thread.sleep(250);
    }
    ProxyClient viaM1 = new ProxyClient(others.get(0));
    for (String path : paths("apart", 10)) {
      ProxyClient.Reply r = viaM1.get(origin.url(path));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.from()).isEqualTo(owner(path, ms));
    }
  }

  private String owner(String path, Set<String> members) {
    List<String> ids = new ArrayList<>(members);
    Collections.sort(ids);
    List<Member> order = ketama.candidates(normalizer.key(origin.url(path)), View.of(ids.toArray(new String[0])));
    return order.get(0).id();
  }

  private String pathOwnedBy(String prefix, String node, Set<String> members) {
    for (int i = 0; ; i++) {
      String path = "/" + prefix + "/" + i;
      if (owner(path, members).equals(node)) {
        return path;
      }
    }
  }

  private static List<String> paths(String prefix, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("/" + prefix + "/" + i);
    }
    return out;
  }
}
