package io.shoal.router;

import io.shoal.hashing.CacheKey;
import io.shoal.hashing.Member;
import io.shoal.hashing.Strategies;
import io.shoal.router.internal.ControlMessage;
import io.shoal.router.internal.HopTokens;
import io.shoal.router.internal.JGroupsStack;
import io.shoal.router.internal.StateCodec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.jgroups.util.ExtendedUUID;

/**
 * The cluster over JGroups: membership from the agreed JGroups view, and the control plane on the
 * same channel (load reports, strategy switch and state replication from the coordinator,
 * invalidation on the owner, drain).
 *
 * <p>Each member's metadata (node id, proxy address, weight, hop token) travels in its JGroups
 * address ({@link ExtendedUUID}), so it is part of the agreed view. Peers are ordered by node id:
 * every node derives the same order, whatever the join history or merges, and a restarted node
 * takes its old place. The epoch is the JGroups view id.
 *
 * <p>The coordinator (the first member of the JGroups view) decides the strategy: a switch goes
 * through it, it announces its spec and generation after every view change (joiners adopt it), and
 * it broadcasts the state of a stateful strategy every {@code stateInterval}. Each node is the
 * authority on its own load and drain mark and re-announces them after every view change.
 */
public final class JGroupsMembership implements Membership {
  private static final Logger LOG = Logger.getLogger(JGroupsMembership.class.getName());
  private static final String ID = "shoal.id";
  private static final String HTTP = "shoal.http";
  private static final String WEIGHT = "shoal.weight";
  private static final String TOKEN = "shoal.token";
  private static final String ROLE = "shoal.role";
  private static final String RELAY = "relay";

  private final Builder config;
  private final Peer self;
  private final JChannel channel;
  private final List<Consumer<ClusterView>> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer;
  private final Map<Long, CompletableFuture<Boolean>> pendingInvalidations = new ConcurrentHashMap<>();
  private final AtomicLong invalidationIds = new AtomicLong();
  private final Object lock = new Object();
  private volatile ClusterView current;
  private volatile Placement placement;
  private volatile Supplier<LoadReport> localLoad = () -> LoadReport.NONE;
  private volatile org.jgroups.View jgroupsView;
  private volatile boolean draining;
  private LoadReport lastSent;
  private long lastSentNanos;

  private JGroupsMembership(Builder b) throws Exception {
    this.config = b;
    String token = b.secret == null ? HopTokens.random() : HopTokens.derive(b.secret, b.nodeId);
    this.self = new Peer(b.nodeId, b.proxy.host(), b.proxy.port(), b.weight, token);
    this.current = b.relay ? ClusterView.of(0, List.of(), List.of(self)) : ClusterView.of(0, List.of(self));
    if (b.loadSource != null) {
      this.localLoad = b.loadSource;
    }
    this.channel = new JChannel(JGroupsStack.build(new JGroupsStack.Settings(b.bindAddress, b.bindPort,
        b.initialHosts, b.dnsQuery, b.failureTimeout.toMillis(), b.heartbeat.toMillis(),
        b.joinTimeout.toMillis(), b.mergeMin.toMillis(), b.mergeMax.toMillis())));
    channel.name(b.nodeId);
    channel.addAddressGenerator(() -> ExtendedUUID.randomUUID(b.nodeId)
        .put(ID, utf8(self.id()))
        .put(HTTP, utf8(b.proxy.toString()))
        .put(WEIGHT, utf8(Double.toString(b.weight)))
        .put(TOKEN, utf8(token))
        .put(ROLE, utf8(b.relay ? RELAY : "owner")));
    channel.setReceiver(new Receiver() {
      @Override
      public void viewAccepted(org.jgroups.View view) {
        onView(view);
      }

      @Override
      public void receive(Message msg) {
        onMessage(msg);
      }
    });
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "shoal-cluster-" + b.nodeId);
      t.setDaemon(true);
      return t;
    });
    try {
      channel.connect(b.clusterName);
    } catch (Exception e) {
      channel.close();
      timer.shutdownNow();
      throw e;
    }
    if (duplicateOfSelf(channel.getView())) {
      channel.close();
      timer.shutdownNow();
      throw new IllegalStateException("node id '" + b.nodeId + "' is already a member of cluster '"
          + b.clusterName + "' (expected: a unique cluster.node-id)");
    }
    long every = b.loadInterval.toMillis();
    timer.scheduleWithFixedDelay(this::maybeReportLoad, every, every, TimeUnit.MILLISECONDS);
    long state = b.stateInterval.toMillis();
    timer.scheduleWithFixedDelay(this::maybeBroadcastState, state, state, TimeUnit.MILLISECONDS);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String selfId() {
    return self.id();
  }

  @Override
  public ClusterView current() {
    return current;
  }

  @Override
  public void addListener(Consumer<ClusterView> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public void bind(Placement p, Supplier<LoadReport> load) {
    this.placement = Objects.requireNonNull(p, "placement");
    if (config.loadSource == null) {
      this.localLoad = Objects.requireNonNull(load, "localLoad");
    }
    if (isCoordinator()) {
      send(null, new ControlMessage.Strategy(p.spec(), p.generation()));
    }
  }

  /** The cluster name this node joined. */
  public String clusterName() {
    return config.clusterName;
  }

  /** Whether this node is the coordinator (decides the strategy, replicates its state). */
  public boolean isCoordinator() {
    org.jgroups.View v = jgroupsView;
    return v != null && v.getCoord() != null && v.getCoord().equals(channel.getAddress());
  }

  /** The JGroups address this node listens on for the cluster. */
  public InetSocketAddress clusterAddress() {
    Object physical = channel.down(new org.jgroups.Event(org.jgroups.Event.GET_PHYSICAL_ADDRESS, channel.getAddress()));
    if (physical instanceof org.jgroups.stack.IpAddress ip) {
      return new InetSocketAddress(ip.getIpAddress(), ip.getPort());
    }
    throw new IllegalStateException("no physical address yet");
  }

  /**
   * Switches the whole cluster to {@code spec}: the coordinator assigns the next generation and
   * every node adopts it. Completes when this node runs it.
   *
   * @throws IllegalArgumentException naming what is wrong with the spec
   */
  public CompletableFuture<Long> switchStrategy(String spec) {
    Objects.requireNonNull(spec, "spec");
    Strategies.create(spec, self.id());
    Placement p = requirePlacement();
    CompletableFuture<Long> done = new CompletableFuture<>();
    Runnable unsubscribe = p.onSwitch(now -> {
      if (now.spec().equals(spec)) {
        done.complete(now.generation());
      }
    });
    done.whenComplete((generation, failure) -> unsubscribe.run());
    send(coordinator(), new ControlMessage.SwitchRequest(spec));
    return done;
  }

  /**
   * Invalidates {@code key} on its owner (this node's {@link Invalidator} when it owns the key).
   * Completes with whether the owner had it, or exceptionally after the invalidation timeout.
   */
  public CompletableFuture<Boolean> invalidate(CacheKey key) {
    Objects.requireNonNull(key, "key");
    ClusterView view = current;
    String owner = null;
    if (!view.hasOwners()) {
      return CompletableFuture.failedFuture(new IllegalStateException("no node in the cluster owns keys"));
    }
    for (Member m : requirePlacement().strategy().peek(key, view.view())) {
      if (!view.draining().contains(m.id())) {
        owner = m.id();
        break;
      }
    }
    if (owner == null || owner.equals(self.id())) {
      return CompletableFuture.completedFuture(localInvalidate(key.toString()));
    }
    Address to = addressOf(owner);
    if (to == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("owner " + owner + " left the cluster"));
    }
    long id = invalidationIds.incrementAndGet();
    CompletableFuture<Boolean> reply = new CompletableFuture<Boolean>()
        .orTimeout(config.invalidationTimeout.toMillis(), TimeUnit.MILLISECONDS);
    pendingInvalidations.put(id, reply);
    reply.whenComplete((r, e) -> pendingInvalidations.remove(id));
    send(to, new ControlMessage.Invalidate(id, key.toString()));
    return reply;
  }

  /**
   * Drains this node: it stops being an owner at once (every node stops routing to it), waits
   * until {@code inFlight} reaches 0 or {@code timeout} passes, then leaves the cluster.
   * Completes when it has left.
   */
  public CompletableFuture<Void> drain(Supplier<Long> inFlight, Duration timeout) {
    Objects.requireNonNull(inFlight, "inFlight");
    Objects.requireNonNull(timeout, "timeout");
    draining = true;
    send(null, new ControlMessage.Drain(self.id(), true));
    CompletableFuture<Void> left = new CompletableFuture<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    // Peers may have routed a request just before they learned of the drain: give those time to arrive.
    long grace = Math.min(500, timeout.toMillis());
    Runnable check = new Runnable() {
      @Override
      public void run() {
        if (inFlight.get() > 0 && System.nanoTime() - deadline < 0) {
          timer.schedule(this, 20, TimeUnit.MILLISECONDS);
          return;
        }
        close();
        left.complete(null);
      }
    };
    timer.schedule(check, grace, TimeUnit.MILLISECONDS);
    return left;
  }

  /** Whether this node is draining. */
  public boolean draining() {
    return draining;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    channel.close();
    pendingInvalidations.values().forEach(f -> f.completeExceptionally(new IllegalStateException("left the cluster")));
  }

  // ---- JGroups callbacks -------------------------------------------------------------------

  private void onView(org.jgroups.View view) {
    jgroupsView = view;
    List<Peer> peers = new ArrayList<>();
    List<Peer> relays = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Address a : view.getMembers()) {
      Peer p = peerOf(a);
      if (p != null && seen.add(p.id())) {
        (isRelay(a) ? relays : peers).add(p);
      }
    }
    if (!seen.contains(self.id())) {
      (config.relay ? relays : peers).add(self);
    }
    peers.sort(Comparator.comparing(Peer::id));
    relays.sort(Comparator.comparing(Peer::id));
    synchronized (lock) {
      publish(current.withPeers(view.getViewId().getId(), peers, relays));
    }
    LOG.fine(() -> self.id() + ": view " + current);
    // Each node re-announces what it is the authority on, so joiners learn it; once more a little
    // later, since a joiner may miss what was sent while it was still installing the view.
    try {
      timer.execute(this::announce);
      timer.schedule(this::announce, 500, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      // Leaving: nothing to announce.
    }
  }

  private void announce() {
    try {
      lastSent = null;
      maybeReportLoad();
      if (draining) {
        send(null, new ControlMessage.Drain(self.id(), true));
      }
      Placement p = placement;
      if (p != null && isCoordinator()) {
        send(null, new ControlMessage.Strategy(p.spec(), p.generation()));
        maybeBroadcastState();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, self.id() + ": announcement failed", e);
    }
  }

  private void onMessage(Message msg) {
    ControlMessage m;
    try {
      m = ControlMessage.decode(msg.getArray(), msg.getOffset(), msg.getLength());
    } catch (IllegalArgumentException e) {
      LOG.warning(self.id() + ": dropped a control message from " + msg.src() + ": " + e.getMessage());
      return;
    }
    try {
      handle(msg.src(), m);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, self.id() + ": control message " + m + " from " + msg.src() + " failed", e);
    }
  }

  private void handle(Address from, ControlMessage m) {
    if (m instanceof ControlMessage.Load l) {
      synchronized (lock) {
        publish(current.withLoad(l.node(), l.report()));
      }
      Placement p = placement;
      if (p != null && current.hasOwners()) {
        p.updateLoads(current.view(), System.currentTimeMillis());
      }
    } else if (m instanceof ControlMessage.Drain d) {
      synchronized (lock) {
        publish(current.withDraining(d.node(), d.draining()));
      }
    } else if (m instanceof ControlMessage.SwitchRequest s) {
      Placement p = placement;
      if (p != null && isCoordinator()) {
        send(null, new ControlMessage.Strategy(s.spec(), p.generation() + 1));
      }
    } else if (m instanceof ControlMessage.Strategy s) {
      Placement p = placement;
      if (p != null && isFromCoordinator(from) && p.switchTo(s.spec(), s.generation())) {
        LOG.info(self.id() + ": strategy " + p);
        synchronized (lock) {
          publish(current);
        }
      }
    } else if (m instanceof ControlMessage.State s) {
      Placement p = placement;
      if (p != null && !from.equals(channel.getAddress()) && isFromCoordinator(from)
          && p.spec().equals(s.spec()) && p.generation() == s.generation()) {
        p.importState(StateCodec.decode(s.state()));
      }
    } else if (m instanceof ControlMessage.Invalidate i) {
      send(from, new ControlMessage.Invalidated(i.id(), localInvalidate(i.key())));
    } else if (m instanceof ControlMessage.Invalidated i) {
      CompletableFuture<Boolean> f = pendingInvalidations.remove(i.id());
      if (f != null) {
        f.complete(i.removed());
      }
    }
  }

  // ---- helpers -----------------------------------------------------------------------------

  private void maybeReportLoad() {
    try {
      LoadReport now = localLoad.get();
      long t = System.nanoTime();
      if (lastSent != null && !now.differsFrom(lastSent, config.loadThreshold)
          && t - lastSentNanos < config.loadMaxSilence.toNanos()) {
        return;
      }
      lastSent = now;
      lastSentNanos = t;
      send(null, new ControlMessage.Load(self.id(), now));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, self.id() + ": load report failed", e);
    }
  }

  private void maybeBroadcastState() {
    Placement p = placement;
    if (p == null || !p.stateful() || !isCoordinator()) {
      return;
    }
    try {
      send(null, new ControlMessage.State(p.spec(), p.generation(), StateCodec.encode(p.exportState())));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, self.id() + ": state broadcast failed", e);
    }
  }

  private boolean localInvalidate(String key) {
    Invalidator inv = config.invalidator;
    return inv != null && inv.invalidate(key);
  }

  private void publish(ClusterView next) {
    current = next;
    for (Consumer<ClusterView> l : listeners) {
      l.accept(next);
    }
  }

  private boolean isFromCoordinator(Address from) {
    org.jgroups.View v = jgroupsView;
    return v != null && from != null && from.equals(v.getCoord());
  }

  private Address coordinator() {
    org.jgroups.View v = jgroupsView;
    return v == null ? channel.getAddress() : v.getCoord();
  }

  private Address addressOf(String id) {
    org.jgroups.View v = jgroupsView;
    if (v == null) {
      return null;
    }
    for (Address a : v.getMembers()) {
      Peer p = peerOf(a);
      if (p != null && p.id().equals(id)) {
        return a;
      }
    }
    return null;
  }

  private boolean duplicateOfSelf(org.jgroups.View view) {
    for (Address a : view.getMembers()) {
      if (a.equals(channel.getAddress())) {
        return false;
      }
      Peer p = peerOf(a);
      if (p != null && p.id().equals(self.id())) {
        return true;
      }
    }
    return false;
  }

  private Placement requirePlacement() {
    Placement p = placement;
    if (p == null) {
      throw new IllegalStateException("no router bound to this membership yet (expected: Router.builder().membership(this).build())");
    }
    return p;
  }

  private void send(Address to, ControlMessage m) {
    try {
      channel.send(new BytesMessage(to, ControlMessage.encode(m)));
    } catch (Exception e) {
      if (channel.isConnected()) {
        LOG.log(Level.WARNING, self.id() + ": cannot send " + m.getClass().getSimpleName(), e);
      }
    }
  }

  private static Peer peerOf(Address a) {
    if (!(a instanceof ExtendedUUID u) || !u.keyExists(ID)) {
      return null;
    }
    try {
      HostPort http = HostPort.parse("peer address", str(u.get(HTTP)));
      return new Peer(str(u.get(ID)), http.host(), http.port(), Double.parseDouble(str(u.get(WEIGHT))), str(u.get(TOKEN)));
    } catch (RuntimeException e) {
      LOG.warning("ignoring member " + a + " with bad metadata: " + e.getMessage());
      return null;
    }
  }

  private static boolean isRelay(Address a) {
    return a instanceof ExtendedUUID u && RELAY.equals(str(u.get(ROLE)));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String str(byte[] b) {
    return b == null ? "" : new String(b, StandardCharsets.UTF_8);
  }

  /** Builds and joins a JGroups membership; every setter validates. */
  public static final class Builder {
    private String clusterName = "shoal";
    private String nodeId;
    private HostPort proxy;
    private double weight = 1;
    private String bindAddress = "127.0.0.1";
    private int bindPort = 7800;
    private List<InetSocketAddress> initialHosts = List.of();
    private JGroupsStack.Dns dnsQuery;
    private String secret;
    private Duration failureTimeout = Duration.ofSeconds(10);
    private Duration heartbeat = Duration.ofSeconds(2);
    private Duration joinTimeout = Duration.ofSeconds(2);
    private Duration mergeMin = Duration.ofSeconds(10);
    private Duration mergeMax = Duration.ofSeconds(30);
    private Duration loadInterval = Duration.ofMillis(500);
    private Duration loadMaxSilence = Duration.ofSeconds(3);
    private double loadThreshold = 0.1;
    private Duration stateInterval = Duration.ofSeconds(1);
    private Duration invalidationTimeout = Duration.ofSeconds(5);
    private Supplier<LoadReport> loadSource;
    private Invalidator invalidator;
    private boolean relay;

    private Builder() {}

    /**
     * Whether this node is a relay (default false): a member that routes and forwards but never
     * owns keys, like the single L7 switch of the paper's centralized architecture.
     */
    public Builder relay(boolean relay) {
      this.relay = relay;
      return this;
    }

    /** The JGroups cluster name (default {@code shoal}); clusters with different names never merge. */
    public Builder clusterName(String name) {
      Objects.requireNonNull(name, "clusterName");
      if (name.isBlank()) {
        throw new IllegalArgumentException("clusterName: empty (expected: a name)");
      }
      this.clusterName = name;
      return this;
    }

    /** This node's id (required): the member id strategies hash, unique in the cluster. */
    public Builder nodeId(String id) {
      Objects.requireNonNull(id, "nodeId");
      new Peer(id, "h", 1, 1, "validated-now-placeholder");
      this.nodeId = id;
      return this;
    }

    /** Where this node's HTTP proxy listens for peers ({@code host:port}, required). */
    public Builder proxyAddress(String hostPort) {
      HostPort hp = HostPort.parse("proxyAddress", hostPort);
      if (hp.port() == 0) {
        throw new IllegalArgumentException("proxyAddress: '" + hostPort + "': port 0 (expected: the real listening port)");
      }
      this.proxy = hp;
      return this;
    }

    /** This node's weight (default 1). */
    public Builder weight(double weight) {
      if (!(weight > 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException("weight: " + weight + " (expected: a finite number > 0)");
      }
      this.weight = weight;
      return this;
    }

    /** The address the cluster transport binds to (default {@code 127.0.0.1}). */
    public Builder bindAddress(String address) {
      this.bindAddress = Objects.requireNonNull(address, "bindAddress");
      return this;
    }

    /** The cluster transport port (default 7800; FD_SOCK2 listens 100 above it). */
    public Builder bindPort(int port) {
      if (port < 0 || port > 65535 - 100) {
        throw new IllegalArgumentException("bindPort: " + port + " (expected: 0-65435)");
      }
      this.bindPort = port;
      return this;
    }

    /** The peers' cluster addresses ({@code host:port}) for static TCPPING discovery. */
    public Builder peers(List<String> hostPorts) {
      Objects.requireNonNull(hostPorts, "peers");
      List<InetSocketAddress> out = new ArrayList<>();
      for (String hp : hostPorts) {
        HostPort p = HostPort.parse("peers", hp);
        out.add(new InetSocketAddress(p.host(), p.port()));
      }
      this.initialHosts = List.copyOf(out);
      return this;
    }

    /** Discovers peers with DNS A records of {@code query} (through the system's resolver) instead of the static list. */
    public Builder dnsQuery(String query) {
      return dnsQuery(query, "A", "");
    }

    /**
     * Discovers peers with DNS instead of the static list: {@code type} "A" (every address of
     * {@code query}, at this node's bind port) or "SRV" (the targets and ports of its SRV records),
     * asking {@code server} (host:port; empty: the system's resolver).
     */
    public Builder dnsQuery(String query, String type, String server) {
      Objects.requireNonNull(query, "dnsQuery");
      if (query.isBlank()) {
        throw new IllegalArgumentException("dnsQuery: empty (expected: a DNS name)");
      }
      if (!type.equals("A") && !type.equals("SRV")) {
        throw new IllegalArgumentException("dnsRecordType: '" + type + "' (expected: A or SRV)");
      }
      if (!server.isEmpty()) {
        HostPort.parse("dnsServer", server);
      }
      this.dnsQuery = new JGroupsStack.Dns(query, type, server);
      return this;
    }

    /** A shared secret hop tokens derive from (default: a random token per node, published in the view). */
    public Builder secret(String secret) {
      this.secret = HopTokens.checkSecret(Objects.requireNonNull(secret, "secret"));
      return this;
    }

    /** FD_ALL3's timeout and heartbeat interval (defaults 10 s and 2 s). */
    public Builder failureDetection(Duration timeout, Duration heartbeatInterval) {
      positive("failureTimeout", timeout);
      positive("heartbeat", heartbeatInterval);
      if (heartbeatInterval.compareTo(timeout) >= 0) {
        throw new IllegalArgumentException("heartbeat: " + heartbeatInterval + " (expected: < failureTimeout " + timeout + ")");
      }
      this.failureTimeout = timeout;
      this.heartbeat = heartbeatInterval;
      return this;
    }

    /** GMS join timeout: how long a node looks for the others before it starts a cluster alone (default 2 s). */
    public Builder joinTimeout(Duration timeout) {
      this.joinTimeout = positive("joinTimeout", timeout);
      return this;
    }

    /** MERGE3's interval range: how soon partitions heal (defaults 10-30 s). */
    public Builder mergeInterval(Duration min, Duration max) {
      positive("mergeMin", min);
      positive("mergeMax", max);
      if (max.compareTo(min) <= 0) {
        throw new IllegalArgumentException("mergeMax: " + max + " (expected: > mergeMin " + min + ")");
      }
      this.mergeMin = min;
      this.mergeMax = max;
      return this;
    }

    /**
     * Load reports: sampled every {@code interval}, broadcast when they differ by more than
     * {@code threshold} from the last one sent, and at least every {@code maxSilence}
     * (defaults 500 ms, 0.1, 3 s).
     */
    public Builder loadReports(Duration interval, double threshold, Duration maxSilence) {
      positive("loadInterval", interval);
      positive("loadMaxSilence", maxSilence);
      if (!(threshold >= 0) || Double.isInfinite(threshold)) {
        throw new IllegalArgumentException("loadThreshold: " + threshold + " (expected: a finite number >= 0)");
      }
      this.loadInterval = interval;
      this.loadThreshold = threshold;
      this.loadMaxSilence = maxSilence;
      return this;
    }

    /** What this node reports as its load (default: the router's in-flight count, CPU, request rate). */
    public Builder loadSource(Supplier<LoadReport> source) {
      this.loadSource = Objects.requireNonNull(source, "loadSource");
      return this;
    }

    /** How often the coordinator broadcasts the state of a stateful strategy (default 1 s). */
    public Builder stateInterval(Duration interval) {
      this.stateInterval = positive("stateInterval", interval);
      return this;
    }

    /** How long {@link #invalidate} waits for the owner (default 5 s). */
    public Builder invalidationTimeout(Duration timeout) {
      this.invalidationTimeout = positive("invalidationTimeout", timeout);
      return this;
    }

    /** What removes a cache key on this node when the cluster invalidates a URL it owns. */
    public Builder invalidator(Invalidator invalidator) {
      this.invalidator = Objects.requireNonNull(invalidator, "invalidator");
      return this;
    }

    /**
     * Joins the cluster (blocks up to the join timeout while it looks for the others).
     *
     * @throws IllegalStateException when the channel cannot start, with the reason
     */
    public JGroupsMembership join() {
      if (nodeId == null) {
        throw new IllegalStateException("nodeId: not set (expected: this node's unique id)");
      }
      if (proxy == null) {
        throw new IllegalStateException("proxyAddress: not set (expected: host:port of this node's proxy listener)");
      }
      if (dnsQuery == null && initialHosts.isEmpty()) {
        throw new IllegalStateException("peers: none (expected: the cluster addresses of the nodes, this one included, or a dnsQuery)");
      }
      try {
        return new JGroupsMembership(this);
      } catch (IllegalStateException | IllegalArgumentException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("cluster " + clusterName + ": cannot join on " + bindAddress + ":"
            + bindPort + ": " + e.getMessage(), e);
      }
    }

    private static Duration positive(String what, Duration d) {
      Objects.requireNonNull(d, what);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + ": " + d + " (expected: > 0)");
      }
      return d;
    }
  }
}
