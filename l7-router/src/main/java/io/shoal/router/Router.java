package io.shoal.router;

import io.shoal.base.Checks;
import io.shoal.base.config.Config;
import io.shoal.hashing.CacheKey;
import io.shoal.hashing.Member;
import io.shoal.router.internal.HopTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Decides, for each request, whether this node serves it, forwards it to the owner (with the
 * ordered candidates to fail over to), or refuses it.
 *
 * <p>Loop prevention: a request that carries a valid hop header ({@value #HOP_HEADER}: the
 * sending node's id and its hop token, published by the membership) is always served locally, so a
 * forwarded request is never forwarded again, even while views disagree. A hop header whose token
 * does not match the named peer's is a forgery (a client's): it is ignored and the request routed
 * as any other; {@link #fromPeer} tells which, so the edge can strip the header.
 *
 * <p>Suspects: a peer that failed on the data plane ({@link #markSuspect}) is skipped as a
 * candidate at once, until {@code suspectTimeout} passes or a request to it succeeds, long before
 * the membership drops it. Draining peers are never candidates. Thread-safe.
 */
public final class Router {
  /** The internal hop header: {@code <origin node id>; token=<hop token>}. */
  public static final String HOP_HEADER = "X-Shoal-Hop";
  /**
   * The scheme of a forwarded request's URL ({@code http} or {@code https}), sent with the hop
   * header because a forwarded request travels in origin form with its {@code Host}.
   */
  public static final String SCHEME_HEADER = "X-Shoal-Scheme";

  private final Membership membership;
  private final Placement placement;
  private final UrlNormalizer normalizer;
  private final LoadPolicy loadPolicy;
  private final long suspectNanos;
  private final TargetUrl reverseOrigin;
  private final LongSupplier nanoClock;
  private final Map<String, Long> suspects = new ConcurrentHashMap<>();
  private final AtomicLong inFlight = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();
  /** The hop header value for the view's entry of this node, built once per view. */
  private volatile HopValue hopValue;

  private record HopValue(Peer self, String value) {}

  private Router(Builder b) {
    this.membership = b.membership;
    this.placement = Placement.of(b.strategy, membership.selfId());
    this.normalizer = b.normalizer;
    this.loadPolicy = b.loadPolicy != null ? b.loadPolicy : LoadPolicy.defaultFor(b.strategy);
    this.suspectNanos = b.suspectTimeout.toNanos();
    this.reverseOrigin = b.reverseOrigin == null ? null : normalizer.parse(b.reverseOrigin);
    this.nanoClock = b.nanoClock;
    membership.bind(placement, new io.shoal.router.internal.LocalLoad(inFlight::get, requests::get));
    membership.addListener(view -> suspects.keySet().retainAll(ids(view)));
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Routes one request. {@code uri} is the request target as received: absolute form
   * ({@code http://host/path}), origin form ({@code /path}, resolved against the reverse origin or
   * the {@code Host} header), {@code host:port} for CONNECT, or {@code *}.
   */
  public Route route(String method, String uri, RequestHeaders headers) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(headers, "headers");
    requests.incrementAndGet();
    if (method.equals("CONNECT") || uri.equals("*")) {
      return new Route.Local(null, null, Route.Why.NOT_ROUTED);
    }
    TargetUrl target;
    try {
      target = target(uri, headers);
    } catch (InvalidUrlException e) {
      return new Route.Reject(400, e.getMessage());
    }
    if (target == null) {
      return new Route.Reject(400, "origin-form target '" + shorten(uri)
          + "' without a Host header (expected: an absolute URL or a Host header)");
    }
    if (fromPeer(headers) != null) {
      if (uri.startsWith("/") && reverseOrigin == null && "https".equals(headers.first(SCHEME_HEADER))) {
        target = normalizer.parse("https", target.authority(), uri);
      }
      return new Route.Local(target, normalizer.key(target), Route.Why.FROM_PEER);
    }
    CacheKey key = normalizer.key(target);
    return route(target, key);
  }

  /**
   * Routes a request whose target the server already parsed with this router's normalizer (for a
   * request from a peer, in origin form, on the scheme of its {@value #SCHEME_HEADER}), so that
   * it is not parsed twice; {@code key} is {@link UrlNormalizer#keyString} of it. CONNECT and
   * {@code *} are never parsed: route them with {@link #route(String, String, RequestHeaders)}.
   */
  public Route route(TargetUrl target, String key, RequestHeaders headers) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(headers, "headers");
    requests.incrementAndGet();
    CacheKey k = CacheKey.of(key);
    return fromPeer(headers) != null ? new Route.Local(target, k, Route.Why.FROM_PEER) : route(target, k);
  }

  private Route route(TargetUrl target, CacheKey key) {
    ClusterView view = membership.current();
    String self = membership.selfId();
    if (!view.hasOwners()) {
      return new Route.Local(target, key, Route.Why.NO_OWNER);
    }
    List<Member> order = placement.strategy().candidates(key, view.view());
    List<Peer> live = new ArrayList<>(order.size());
    boolean selfLive = false;
    for (Member m : order) {
      String id = m.id();
      if (view.draining().contains(id) || (!id.equals(self) && isSuspect(id))) {
        continue;
      }
      live.add(view.peer(id));
      selfLive |= id.equals(self);
    }
    Map<String, LoadReport> loads = view.loads();
    switch (loadPolicy.action()) {
      case NEXT_CANDIDATE -> live = loadPolicy.reorder(live, loads);
      case SERVE_LOCALLY -> {
        if (selfLive && !live.get(0).id().equals(self) && loadPolicy.overloaded(live.get(0).id(), loads)
            && !loadPolicy.overloaded(self, loads)) {
          return new Route.Local(target, key, Route.Why.LOAD);
        }
      }
      case NONE -> { }
    }
    List<Peer> ahead = new ArrayList<>();
    for (Peer p : live) {
      if (p.id().equals(self)) {
        break;
      }
      ahead.add(p);
    }
    if (ahead.isEmpty()) {
      return new Route.Local(target, key, Route.Why.OWNER);
    }
    return new Route.Forward(target, key, ahead);
  }

  private TargetUrl target(String uri, RequestHeaders headers) {
    if (!uri.startsWith("/")) {
      return normalizer.parse(uri);
    }
    if (reverseOrigin != null) {
      return normalizer.parse(reverseOrigin.scheme(), reverseOrigin.authority(), uri);
    }
    String host = headers.first("Host");
    if (host == null || host.isBlank()) {
      return null;
    }
    return normalizer.parse("http", host.strip(), uri);
  }

  /**
   * The peer that forwarded a request with these headers, or null when the request comes from a
   * client (no hop header, or one whose token does not match: a forgery to strip).
   */
  public Peer fromPeer(RequestHeaders headers) {
    String hop = headers.first(HOP_HEADER);
    if (hop == null) {
      return null;
    }
    int semi = hop.indexOf(';');
    if (semi < 0) {
      return null;
    }
    String id = hop.substring(0, semi).strip();
    String rest = hop.substring(semi + 1).strip();
    if (!rest.regionMatches(true, 0, "token=", 0, 6)) {
      return null;
    }
    Peer peer = membership.current().peer(id);
    if (peer == null || id.equals(membership.selfId())) {
      return null;
    }
    return HopTokens.matches(peer.hopToken(), rest.substring(6).strip()) ? peer : null;
  }

  /** The hop header value this node sends with every forwarded request. */
  public String hopHeaderValue() {
    Peer self = membership.current().peer(membership.selfId());
    HopValue cached = hopValue;
    if (cached == null || cached.self != self) {
      cached = new HopValue(self, membership.selfId() + "; token=" + self.hopToken());
      hopValue = cached;
    }
    return cached.value;
  }

  /**
   * Every peer in failover order for {@code key} over the agreed view, ignoring suspects and load,
   * as a request would get it now without counting as one ({@link io.shoal.hashing.Strategy#peek}).
   */
  public List<Peer> candidates(CacheKey key) {
    ClusterView view = membership.current();
    List<Peer> out = new ArrayList<>();
    if (!view.hasOwners()) {
      return out;
    }
    for (Member m : placement.strategy().peek(key, view.view())) {
      if (!view.draining().contains(m.id())) {
        out.add(view.peer(m.id()));
      }
    }
    return out;
  }

  /** The cache key of an absolute URL, as this router normalizes it. */
  public CacheKey key(String absoluteUrl) {
    return normalizer.key(absoluteUrl);
  }

  /** Marks {@code peerId} suspect: skipped as a candidate until the suspect timeout passes. */
  public void markSuspect(String peerId) {
    if (!peerId.equals(membership.selfId())) {
      suspects.put(peerId, nanoClock.getAsLong() + suspectNanos);
    }
  }

  /** Clears a suspect mark (a request to the peer succeeded). */
  public void clearSuspect(String peerId) {
    suspects.remove(peerId);
  }

  public boolean isSuspect(String peerId) {
    Long until = suspects.get(peerId);
    if (until == null) {
      return false;
    }
    if (nanoClock.getAsLong() - until >= 0) {
      suspects.remove(peerId, until);
      return false;
    }
    return true;
  }

  /** The peers currently suspect. */
  public Set<String> suspects() {
    suspects.keySet().removeIf(id -> !isSuspect(id));
    return Set.copyOf(suspects.keySet());
  }

  /** Counts a request in flight on this node (the load it reports). */
  public void requestStarted() {
    inFlight.incrementAndGet();
  }

  public void requestFinished() {
    inFlight.decrementAndGet();
  }

  /** Requests in flight on this node, as counted by {@link #requestStarted}. */
  public long inFlight() {
    return inFlight.get();
  }

  /** Requests routed since start. */
  public long routed() {
    return requests.get();
  }

  public String selfId() {
    return membership.selfId();
  }

  public ClusterView view() {
    return membership.current();
  }

  public Membership membership() {
    return membership;
  }

  public Placement placement() {
    return placement;
  }

  public LoadPolicy loadPolicy() {
    return loadPolicy;
  }

  public UrlNormalizer normalizer() {
    return normalizer;
  }

  private static Set<String> ids(ClusterView view) {
    Set<String> ids = new java.util.HashSet<>();
    view.peers().forEach(p -> ids.add(p.id()));
    return ids;
  }

  private static String shorten(String s) {
    return s.length() > 100 ? s.substring(0, 100) + "..." : s;
  }

  /** Builds a router; every setter validates. */
  public static final class Builder {
    private Membership membership;
    private String strategy = RouterSettings.STRATEGY.defaultValue();
    private UrlNormalizer normalizer = UrlNormalizer.defaults();
    private LoadPolicy loadPolicy;
    private Duration suspectTimeout = RouterSettings.SUSPECT_TIMEOUT.defaultValue();
    private String reverseOrigin;
    private LongSupplier nanoClock = System::nanoTime;

    private Builder() {}

    /** Every setting of {@link RouterSettings} but the weight (the membership's) from {@code config}. */
    public Builder settings(Config config) {
      strategy(config.get(RouterSettings.STRATEGY));
      String policy = config.get(RouterSettings.LOAD_POLICY);
      if (!policy.equals("auto")) {
        loadPolicy(LoadPolicy.parse(policy));
      }
      return suspectTimeout(config.get(RouterSettings.SUSPECT_TIMEOUT));
    }

    /** Where the view comes from (required). */
    public Builder membership(Membership membership) {
      this.membership = Objects.requireNonNull(membership, "membership");
      return this;
    }

    /** The strategy spec, as {@code io.shoal.hashing.Strategies} reads it (default: {@code cluster.strategy}). */
    public Builder strategy(String spec) {
      Objects.requireNonNull(spec, "strategy");
      io.shoal.hashing.Strategies.create(spec, "self-check");
      this.strategy = spec;
      return this;
    }

    /** How URLs become cache keys (default {@link UrlNormalizer#defaults()}). */
    public Builder normalizer(UrlNormalizer normalizer) {
      this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
      return this;
    }

    /** The load policy (default {@link LoadPolicy#defaultFor} the strategy). */
    public Builder loadPolicy(LoadPolicy policy) {
      this.loadPolicy = Objects.requireNonNull(policy, "loadPolicy");
      return this;
    }

    /** How long a peer that failed stays suspect unless a request to it succeeds (default: {@code cluster.suspect-timeout}). */
    public Builder suspectTimeout(Duration timeout) {
      this.suspectTimeout = Checks.positive("suspectTimeout", timeout);
      return this;
    }

    /** The origin that origin-form requests go to (reverse proxy); default: their Host header. */
    public Builder reverseOrigin(String absoluteUrl) {
      Objects.requireNonNull(absoluteUrl, "reverseOrigin");
      UrlNormalizer.defaults().parse(absoluteUrl);
      this.reverseOrigin = absoluteUrl;
      return this;
    }

    /** The clock suspect timeouts read (default {@link System#nanoTime}); for tests. */
    public Builder nanoClock(LongSupplier clock) {
      this.nanoClock = Objects.requireNonNull(clock, "nanoClock");
      return this;
    }

    public Router build() {
      if (membership == null) {
        throw new IllegalStateException("membership: not set (expected: Membership.fixed() or Membership.jgroups())");
      }
      return new Router(this);
    }
  }
}
