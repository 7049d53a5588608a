package io.shoal.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RouterTest {
  static final String SECRET = "a-cluster-secret-for-tests";
  static final List<String> IDS = List.of("n1", "n2", "n3", "n4");

  static StaticMembership membership(String self, List<String> ids) {
    StaticMembership.Builder b = Membership.fixed().self(self).secret(SECRET);
    for (int i = 0; i < ids.size(); i++) {
      b.peer(ids.get(i), "127.0.0.1:" + (20000 + i));
    }
    return b.build();
  }

  static Map<String, String> hop(Router from) {
    return Map.of(Router.HOP_HEADER, from.hopHeaderValue());
  }

  static String url(int i) {
    return "http://host" + (i % 37) + ".example/path/" + i + "?q=" + (i * 7);
  }

  @ParameterizedTest
  @ValueSource(strings = {"md5", "ketama", "carp", "rendezvous", "jump", "maglev(size=251)", "multi-probe"})
  void everyNodeComputesTheSameOwnerFor10kUrls(String strategy) {
    List<Router> routers = new ArrayList<>();
    for (String id : IDS) {
      routers.add(Router.builder().membership(membership(id, IDS)).strategy(strategy).build());
    }
    Map<String, Integer> owned = new HashMap<>();
    for (int i = 0; i < 10_000; i++) {
      String owner = null;
      int locals = 0;
      for (Router r : routers) {
        Route route = r.route("GET", url(i), RequestHeaders.none());
        if (route instanceof Route.Local local) {
          assertThat(local.why()).isEqualTo(Route.Why.OWNER);
          locals++;
          String me = r.selfId();
          assertThat(owner == null || owner.equals(me)).as("owner of %s", url(i)).isTrue();
          owner = me;
        } else {
          String fwd = ((Route.Forward) route).owner().id();
          assertThat(owner == null || owner.equals(fwd)).as("owner of %s", url(i)).isTrue();
          owner = fwd;
        }
      }
      assertThat(locals).as("nodes serving %s locally", url(i)).isEqualTo(1);
      owned.merge(owner, 1, Integer::sum);
    }
    assertThat(owned).containsOnlyKeys(IDS);
  }

  @Test
  void forwardCandidatesStopBeforeThisNode() {
    Router r = Router.builder().membership(membership("n2", IDS)).strategy("ketama").build();
    for (int i = 0; i < 2000; i++) {
      Route route = r.route("GET", url(i), RequestHeaders.none());
      if (route instanceof Route.Forward f) {
        List<String> all = r.candidates(f.key()).stream().map(Peer::id).toList();
        List<String> ids = f.candidates().stream().map(Peer::id).toList();
        assertThat(all.subList(0, all.indexOf("n2"))).isEqualTo(ids);
      }
    }
  }

  @Test
  void aNodeLeavingMovesOnlyItsKeys() {
    StaticMembership m = membership("n1", IDS);
    Router r = Router.builder().membership(m).strategy("ketama").build();
    Map<String, String> before = new HashMap<>();
    for (int i = 0; i < 10_000; i++) {
      before.put(url(i), r.candidates(r.key(url(i))).get(0).id());
    }
    m.setPeers(m.current().peers().stream().filter(p -> !p.id().equals("n3")).toList());
    int moved = 0;
    for (int i = 0; i < 10_000; i++) {
      String now = r.candidates(r.key(url(i))).get(0).id();
      if (!now.equals(before.get(url(i)))) {
        assertThat(before.get(url(i))).isEqualTo("n3");
        moved++;
      }
    }
    assertThat(moved).isEqualTo(before.values().stream().filter("n3"::equals).count());
  }

  @Test
  void aRequestFromAPeerIsAlwaysLocalEvenWhenViewsDisagree() {
    // n1 believes n1 owns everything; n2 believes it does: without the hop header they would loop.
    StaticMembership m1 = membership("n1", List.of("n1", "n2"));
    StaticMembership m2 = membership("n2", List.of("n1", "n2"));
    Router r1 = Router.builder().membership(m1).strategy("local(self=n2)").build();
    Router r2 = Router.builder().membership(m2).strategy("local(self=n1)").build();
    for (int i = 0; i < 100; i++) {
      Route first = r1.route("GET", url(i), RequestHeaders.none());
      assertThat(first).isInstanceOf(Route.Forward.class);
      assertThat(((Route.Forward) first).owner().id()).isEqualTo("n2");
      Route second = r2.route("GET", url(i), RequestHeaders.of(hop(r1)));
      assertThat(second).isInstanceOf(Route.Local.class);
      assertThat(((Route.Local) second).why()).isEqualTo(Route.Why.FROM_PEER);
      assertThat(r2.fromPeer(RequestHeaders.of(hop(r1))).id()).isEqualTo("n1");
    }
  }

  @Test
  void aForgedHopHeaderIsRoutedAsAClientRequest() {
    Router r = Router.builder().membership(membership("n2", IDS)).strategy("local(self=n1)").build();
    for (String forged : List.of("n1", "n1; token=wrong-token-wrong-token-wrong", "n1; token=",
        "n2; " + r.hopHeaderValue().split("; ")[1], "nobody; token=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "n1;" + "tok=" + SECRET)) {
      RequestHeaders h = RequestHeaders.of(Map.of("x-shoal-hop", forged));
      assertThat(r.fromPeer(h)).as(forged).isNull();
      assertThat(r.route("GET", "http://a.example/", h)).as(forged).isInstanceOf(Route.Forward.class);
    }
    // A token from another cluster secret is not accepted either.
    StaticMembership other = Membership.fixed().self("n1").secret("another-secret-of-16+").peer("n1", "127.0.0.1:1").build();
    String token = other.current().peer("n1").hopToken();
    assertThat(r.fromPeer(RequestHeaders.of(Map.of(Router.HOP_HEADER, "n1; token=" + token)))).isNull();
  }

  @Test
  void suspectPeersAreSkippedAtOnceUntilTheTimeout() {
    AtomicLong now = new AtomicLong();
    Router r = Router.builder().membership(membership("n4", IDS)).strategy("ketama")
        .suspectTimeout(Duration.ofSeconds(5)).nanoClock(now::get).build();
    String url = null;
    for (int i = 0; url == null; i++) {
      if (r.route("GET", url(i), RequestHeaders.none()) instanceof Route.Forward f && f.candidates().size() >= 2) {
        url = url(i);
      }
    }
    Route.Forward before = (Route.Forward) r.route("GET", url, RequestHeaders.none());
    String owner = before.owner().id();
    r.markSuspect(owner);
    Route.Forward during = (Route.Forward) r.route("GET", url, RequestHeaders.none());
    assertThat(during.owner().id()).isEqualTo(before.candidates().get(1).id());
    assertThat(during.candidates()).extracting(Peer::id).doesNotContain(owner);
    assertThat(r.suspects()).containsExactly(owner);
    now.addAndGet(Duration.ofSeconds(5).toNanos());
    assertThat(((Route.Forward) r.route("GET", url, RequestHeaders.none())).owner().id()).isEqualTo(owner);
    r.markSuspect(owner);
    r.clearSuspect(owner);
    assertThat(r.suspects()).isEmpty();
    r.markSuspect("n4");
    assertThat(r.suspects()).as("never suspects itself").isEmpty();
  }

  @Test
  void allPeersAheadSuspectMeansLocal() {
    Router r = Router.builder().membership(membership("n4", IDS)).strategy("md5").build();
    List.of("n1", "n2", "n3").forEach(r::markSuspect);
    for (int i = 0; i < 100; i++) {
      assertThat(r.route("GET", url(i), RequestHeaders.none())).isInstanceOf(Route.Local.class);
    }
  }

  @Test
  void aDrainingNodeIsNeverAnOwner() {
    StaticMembership m = membership("n1", IDS);
    Router r = Router.builder().membership(m).strategy("ketama").build();
    m.drain("n2", true);
    m.drain("n1", true);
    for (int i = 0; i < 2000; i++) {
      Route route = r.route("GET", url(i), RequestHeaders.none());
      assertThat(route).as("a draining node forwards everything").isInstanceOf(Route.Forward.class);
      assertThat(((Route.Forward) route).candidates()).extracting(Peer::id).doesNotContain("n1", "n2");
    }
    m.drain("n1", false);
    assertThat(r.route("GET", url(0), RequestHeaders.none()) instanceof Route.Forward f
        && f.candidates().stream().anyMatch(p -> p.id().equals("n2"))).isFalse();
  }

  @Test
  void serveLocallyWhenTheOwnerIsOverloaded() {
    StaticMembership m = membership("n1", IDS);
    Router r = Router.builder().membership(m).strategy("local(self=n2)").loadPolicy(LoadPolicy.serveLocally(0.5)).build();
    assertThat(r.route("GET", url(1), RequestHeaders.none())).isInstanceOf(Route.Forward.class);
    m.report("n1", LoadReport.inFlight(2));
    m.report("n2", LoadReport.inFlight(40));
    m.report("n3", LoadReport.inFlight(3));
    Route route = r.route("GET", url(1), RequestHeaders.none());
    assertThat(route).isInstanceOf(Route.Local.class);
    assertThat(((Route.Local) route).why()).isEqualTo(Route.Why.LOAD);
    m.report("n2", LoadReport.inFlight(5));
    assertThat(r.route("GET", url(1), RequestHeaders.none())).isInstanceOf(Route.Forward.class);
  }

  @Test
  void nextCandidateWhenTheOwnerIsOverloaded() {
    StaticMembership m = membership("n4", IDS);
    Router r = Router.builder().membership(m).strategy("local(self=n2)").loadPolicy(LoadPolicy.parse("next(0.5)")).build();
    m.report("n2", LoadReport.inFlight(40));
    m.report("n1", LoadReport.inFlight(1));
    Route.Forward f = (Route.Forward) r.route("GET", url(1), RequestHeaders.none());
    assertThat(f.owner().id()).isEqualTo("n1");
    assertThat(LoadPolicy.defaultFor("bounded-load(0.1)").action()).isEqualTo(LoadPolicy.Action.NEXT_CANDIDATE);
    assertThat(LoadPolicy.defaultFor("ketama").action()).isEqualTo(LoadPolicy.Action.NONE);
  }

  @Test
  void notRoutedAndRejected() {
    Router r = Router.builder().membership(membership("n1", IDS)).build();
    assertThat(r.route("CONNECT", "example.com:443", RequestHeaders.none()))
        .isEqualTo(new Route.Local(null, null, Route.Why.NOT_ROUTED));
    assertThat(r.route("OPTIONS", "*", RequestHeaders.none())).isInstanceOf(Route.Local.class);
    Route bad = r.route("GET", "ftp://example.com/", RequestHeaders.none());
    assertThat(bad).isInstanceOf(Route.Reject.class);
    assertThat(((Route.Reject) bad).status()).isEqualTo(400);
    Route noHost = r.route("GET", "/a", RequestHeaders.none());
    assertThat(noHost).isEqualTo(new Route.Reject(400,
        "origin-form target '/a' without a Host header (expected: an absolute URL or a Host header)"));
    Route withHost = r.route("GET", "/a", RequestHeaders.of(Map.of("host", "Example.COM")));
    assertThat(withHost instanceof Route.Local l ? l.key() : ((Route.Forward) withHost).key())
        .hasToString("http://example.com/a");
    Router reverse = Router.builder().membership(membership("n1", IDS)).reverseOrigin("https://origin.example:8443").build();
    Route rev = reverse.route("GET", "/b?x=1", RequestHeaders.of(Map.of("Host", "ignored.example")));
    assertThat(rev instanceof Route.Local l ? l.key() : ((Route.Forward) rev).key())
        .hasToString("https://origin.example:8443/b?x=1");
  }

  @Test
  void badConfigurationFailsFastWithAPreciseMessage() {
    assertThatThrownBy(() -> Router.builder().strategy("nope")).hasMessageContaining("strategy: \"nope\" (expected one of: ");
    assertThatThrownBy(() -> Router.builder().suspectTimeout(Duration.ZERO))
        .hasMessage("suspectTimeout: \"0s\" (expected: > 0)");
    assertThatThrownBy(() -> Router.builder().build()).hasMessageStartingWith("membership: not set");
    assertThatThrownBy(() -> Membership.fixed().secret("short")).hasMessage(
        "secret: 5 characters (expected: >= 16, the same on every node)");
    assertThatThrownBy(() -> Membership.fixed().peer("a", "nohost")).hasMessage(
        "peer a address: 'nohost' (expected: host:port)");
    assertThatThrownBy(() -> Membership.fixed().peer("a", "h:99999")).hasMessage(
        "peer a address: 'h:99999': port 99999 (expected: 0-65535)");
    assertThatThrownBy(() -> Membership.fixed().peer("a", "h:1", 0)).hasMessage(
        "peer a: weight 0.0 (expected: a finite number > 0)");
    assertThatThrownBy(() -> Membership.fixed().self("x").secret(SECRET).peer("a", "h:1").build())
        .hasMessage("self: 'x' is not one of the peers [a]");
    assertThatThrownBy(() -> LoadPolicy.parse("sometimes")).hasMessage(
        "load policy 'sometimes' (expected: off, local(threshold) or next(threshold))");
    assertThatThrownBy(() -> LoadPolicy.serveLocally(-1)).hasMessage(
        "threshold: -1.0 (expected: a finite number >= 0)");
    assertThatThrownBy(() -> new LoadReport(-1, 0, 0, 0)).hasMessage("inFlight: -1 (expected: >= 0)");
  }

  @Test
  void loadReportsDifferOnlyPastTheThreshold() {
    LoadReport a = new LoadReport(10, 0.5, 0.2, 100);
    assertThat(new LoadReport(11, 0.52, 0.2, 105).differsFrom(a, 0.1)).isFalse();
    assertThat(new LoadReport(20, 0.5, 0.2, 100).differsFrom(a, 0.1)).isTrue();
    assertThat(new LoadReport(10, 0.7, 0.2, 100).differsFrom(a, 0.1)).isTrue();
    assertThat(new LoadReport(10, Double.NaN, 0.2, 100).differsFrom(a, 0.1)).isTrue();
  }
}
