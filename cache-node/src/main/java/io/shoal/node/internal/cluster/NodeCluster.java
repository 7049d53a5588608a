package io.shoal.node.internal.cluster;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.shoal.hashing.CacheKey;
import io.shoal.hashing.Member;
import io.shoal.node.NodeConfig;
import io.shoal.node.NodeSettings;
import io.shoal.node.ProxySettings;
import io.shoal.node.internal.proxy.RequestState;
import io.shoal.router.ClusterView;
import io.shoal.router.ControlPlane;
import io.shoal.router.LoadReport;
import io.shoal.router.Membership;
import io.shoal.router.MembershipSettings;
import io.shoal.router.Peer;
import io.shoal.router.PeerForwarder;
import io.shoal.router.ProxyAutoConfig;
import io.shoal.router.Router;
import io.shoal.router.RouterHandler;
import io.shoal.router.UrlNormalizer;
import io.undertow.server.HttpHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import java.util.logging.Logger;

/**
 * One node's membership of the cluster: the membership and its {@link ControlPlane}, joined from
 * the {@code cluster:} settings, the router (owner decision) and the peer forwarder, plus what
 * {@code /status}, {@code /metrics} and {@code /proxy.pac} show. Created before the proxy listener opens (its
 * handlers serve locally until then); {@link #join} joins once the proxy address is known.
 */
public final class NodeCluster implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(NodeCluster.class.getName());
  private static final int SHARE_SAMPLES = 4096;

  private final NodeConfig config;
  private final String id;
  private final boolean relay;
  private final UrlNormalizer normalizer;
  private final DoubleSupplier cacheFill;
  private final java.util.function.Predicate<String> invalidator;
  private final ClusterMetrics metrics;
  private final PeerForwarder forwarder;
  private volatile ControlPlane control;
  private volatile Router router;
  private volatile Set<InetAddress> peerAddresses = Set.of();
  private volatile Share share;

  private record Share(long epoch, long generation, Set<String> draining, Map<String, Double> byPeer) {}

  /**
   * A node's cluster membership, not joined yet. {@code invalidator} removes a key from this
   * node's cache when the cluster invalidates a URL this node owns.
   */
  public NodeCluster(NodeConfig config, UrlNormalizer normalizer, DoubleSupplier cacheFill,
      java.util.function.Predicate<String> invalidator, MeterRegistry registry) {
    this.invalidator = invalidator;
    this.config = config;
    this.id = config.clusterNodeId();
    this.relay = config.get(NodeSettings.ROLE).equals("switch");
    this.normalizer = normalizer;
    this.cacheFill = cacheFill;
    this.metrics = new ClusterMetrics(registry);
    this.forwarder = PeerForwarder.builder().settings(config.config()).observer(metrics).build();
    Gauge.builder("shoal.cluster.members", this, c -> c.router == null ? 0 : c.router.view().peers().size())
        .description("Members of the cluster view that own keys").register(registry);
    Gauge.builder("shoal.cluster.suspects", this, c -> c.router == null ? 0 : c.router.suspects().size())
        .description("Peers skipped as suspect after a failed forward").register(registry);
  }

  /** Whether this node only routes and relays (role {@code switch}). */
  public boolean relay() {
    return relay;
  }

  /**
   * Joins the cluster; peers forward to {@code proxy}.
   *
   * @throws IllegalStateException when the cluster cannot be joined, with the reason
   */
  public void join(InetSocketAddress proxy) {
    String advertised = config.get(MembershipSettings.PROXY_ADDRESS);
    if (advertised.isEmpty()) {
      InetAddress a = proxy.getAddress();
      String host = a.isAnyLocalAddress() ? config.get(MembershipSettings.BIND_ADDRESS) : a.getHostAddress();
      advertised = (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + proxy.getPort();
    }
    ControlPlane c = Membership.jgroups()
        .settings(config.config())
        .nodeId(id)
        .proxyAddress(advertised)
        .relay(relay)
        .loadSource(new NodeLoad(() -> router == null ? 0 : router.inFlight(),
            () -> router == null ? 0 : router.routed(), cacheFill))
        .invalidator(invalidator::test)
        .join();
    Membership m = c.membership();
    Router.Builder rb = Router.builder().membership(m).settings(config.config()).normalizer(normalizer);
    String reverse = config.get(ProxySettings.REVERSE_ORIGIN);
    if (!reverse.isEmpty()) {
      rb.reverseOrigin(reverse);
    }
    Router r = rb.build();
    m.addListener(this::onView);
    onView(m.current());
    this.router = r;
    this.control = c;
    LOG.info(id + ": joined cluster " + config.get(MembershipSettings.NAME) + " as " + (relay ? "switch" : "cache")
        + ", view " + m.current());
  }

  /** {@code local} behind the router: requests this node does not own go to their owner. */
  public HttpHandler route(HttpHandler local) {
    return new Late(local);
  }

  /** Invalidates the normalized URL {@code key} on its owner; whether the owner had it. */
  public boolean invalidateOnOwner(String key) {
    ControlPlane c = control;
    Router r = router;
    if (c == null || r == null) {
      return false;
    }
    try {
      return c.invalidate(r.key(key)).get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      LOG.warning(id + ": invalidating " + key + " on its owner failed: " + e);
      return false;
    }
  }

  /** The router; null until {@link #join}. */
  public Router router() {
    return router;
  }

  /** The cluster's control plane (strategy switch, invalidation, drain); null until {@link #join}. */
  public ControlPlane controlPlane() {
    return control;
  }

  /** Whether {@code address} is a member of the cluster (its forwarded requests pass the client ACL). */
  public boolean isPeer(InetAddress address) {
    return peerAddresses.contains(address);
  }

  /** Whether {@code exchange} was forwarded by a peer: its hop header names a member with the right token. */
  public boolean fromPeer(io.undertow.server.HttpServerExchange exchange) {
    Router r = router;
    return r != null && r.fromPeer(name -> exchange.getRequestHeaders().getFirst(name)) != null;
  }

  /** The body of {@code /proxy.pac}: from the live view and the active strategy. */
  public String pac() {
    Router r = router;
    if (r == null || !r.view().hasOwners()) {
      return "function FindProxyForURL(url, host) {\n  return \"DIRECT\";\n}\n";
    }
    return ProxyAutoConfig.generate(r.view(), r.placement().spec());
  }

  /** The {@code cluster} part of {@code /status}. */
  public Map<String, Object> status() {
    Map<String, Object> s = new LinkedHashMap<>();
    Router r = router;
    ControlPlane c = control;
    s.put("name", config.get(MembershipSettings.NAME));
    s.put("nodeId", id);
    s.put("role", relay ? "switch" : "cache");
    if (r == null || c == null) {
      s.put("state", "joining");
      return s;
    }
    ClusterView view = r.view();
    s.put("state", c.draining() ? "draining" : "joined");
    s.put("epoch", view.epoch());
    s.put("coordinator", c.isCoordinator());
    s.put("strategy", r.placement().spec());
    s.put("generation", r.placement().generation());
    s.put("loadPolicy", r.loadPolicy().toString());
    Map<String, Double> shares = shares(r, view);
    Set<String> suspects = r.suspects();
    Map<String, Object> forwards = metrics.byPeer();
    List<Map<String, Object>> members = new ArrayList<>();
    List<Peer> all = new ArrayList<>(view.peers());
    all.addAll(view.relays());
    for (Peer p : all) {
      Map<String, Object> e = new LinkedHashMap<>();
      boolean isRelay = view.relays().contains(p);
      e.put("id", p.id());
      e.put("address", p.authority());
      e.put("role", isRelay ? "switch" : "cache");
      e.put("state", p.id().equals(id) ? "self" : view.draining().contains(p.id()) ? "draining"
          : suspects.contains(p.id()) ? "suspect" : "up");
      LoadReport load = view.loads().get(p.id());
      if (load != null) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("inFlight", load.inFlight());
        l.put("cpu", Double.isNaN(load.cpu()) ? null : round(load.cpu()));
        l.put("cacheFill", round(load.cacheFill()));
        l.put("requestRate", round(load.requestRate()));
        e.put("load", l);
      }
      e.put("share", isRelay ? 0.0 : round(shares.getOrDefault(p.id(), 0.0)));
      Object f = forwards.get(p.id());
      e.put("forwards", f == null ? Map.of("forwards", 0L, "errors", 0L) : f);
      members.add(e);
    }
    s.put("members", members);
    s.put("retries", metrics.retries());
    s.put("failovers", metrics.failovers());
    s.put("inFlight", r.inFlight());
    return s;
  }

  /** Each peer's share of the key space over the current view (owners of sample keys, drains left out). */
  private Map<String, Double> shares(Router r, ClusterView view) {
    Share cached = share;
    if (cached != null && cached.epoch == view.epoch() && cached.generation == r.placement().generation()
        && cached.draining.equals(view.draining())) {
      return cached.byPeer;
    }
    Map<String, Double> byPeer = new HashMap<>();
    if (view.hasOwners()) {
      for (int i = 0; i < SHARE_SAMPLES; i++) {
        CacheKey key = r.key("http://sample-" + i + ".shoal.invalid/object/" + i);
        for (Member mm : r.placement().strategy().peek(key, view.view())) {
          if (!view.draining().contains(mm.id())) {
            byPeer.merge(mm.id(), 1.0 / SHARE_SAMPLES, Double::sum);
            break;
          }
        }
      }
    }
    share = new Share(view.epoch(), r.placement().generation(), view.draining(), byPeer);
    return byPeer;
  }

  /**
   * Drains this node: it stops being an owner everywhere, waits for its in-flight requests (up to
   * {@code timeout}), then leaves the cluster.
   */
  public void drain(Duration timeout) {
    ControlPlane c = control;
    Router r = router;
    if (c == null || r == null) {
      return;
    }
    try {
      c.drain(() -> Math.max(0, r.inFlight()), timeout).get(timeout.toMillis() + 2_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warning(id + ": drain did not finish: " + e);
    }
  }

  @Override
  public void close() {
    ControlPlane c = control;
    if (c != null) {
      c.close();
    }
    forwarder.close();
  }

  private void onView(ClusterView view) {
    Set<InetAddress> addresses = new HashSet<>();
    List<Peer> all = new ArrayList<>(view.peers());
    all.addAll(view.relays());
    for (Peer p : all) {
      try {
        for (InetAddress a : InetAddress.getAllByName(p.host())) {
          addresses.add(a);
        }
      } catch (UnknownHostException e) {
        LOG.warning(id + ": peer " + p.id() + " address " + p.host() + " does not resolve");
      }
    }
    peerAddresses = Set.copyOf(addresses);
  }

  private static double round(double d) {
    return Math.round(d * 1000) / 1000.0;
  }

  /** The target handler parsed each request with the router's normalizer: the router does not parse it again. */
  private static final RouterHandler.Parsed PARSED = new RouterHandler.Parsed() {
    @Override
    public io.shoal.router.TargetUrl target(io.undertow.server.HttpServerExchange exchange) {
      RequestState state = RequestState.peek(exchange);
      return state == null ? null : state.target();
    }

    @Override
    public String key(io.undertow.server.HttpServerExchange exchange) {
      return RequestState.peek(exchange).key();
    }
  };

  /** Routes once joined; serves locally before. */
  private final class Late implements HttpHandler {
    private final HttpHandler local;
    private volatile HttpHandler routed;

    Late(HttpHandler local) {
      this.local = local;
    }

    @Override
    public void handleRequest(io.undertow.server.HttpServerExchange exchange) throws Exception {
      HttpHandler h = routed;
      if (h == null) {
        Router r = router;
        if (r == null) {
          local.handleRequest(exchange);
          return;
        }
        h = new RouterHandler(r, forwarder, local, true, PARSED);
        routed = h;
      }
      h.handleRequest(exchange);
    }
  }
}
