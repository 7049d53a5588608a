package io.shoal.router;

import io.shoal.router.internal.HopTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A fixed membership: the peers are given, in placement order, and change only when told
 * ({@link #setPeers}, {@link #report}, {@link #drain}). Hop tokens derive from a shared secret, so
 * nodes in separate processes configured with the same list and secret trust each other.
 */
public final class StaticMembership implements Membership {
  private final String selfId;
  private final String secret;
  private final List<Consumer<ClusterView>> listeners = new CopyOnWriteArrayList<>();
  private volatile ClusterView current;
  private volatile Placement placement;

  private StaticMembership(Builder b) {
    this.selfId = b.self;
    this.secret = b.secret;
    this.current = ClusterView.of(0, b.peers);
    if (!current.contains(selfId)) {
      throw new IllegalArgumentException("self: '" + selfId + "' is not one of the peers "
          + current.peers().stream().map(Peer::id).toList());
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String selfId() {
    return selfId;
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
  public void bind(Placement p, java.util.function.Supplier<LoadReport> localLoad) {
    this.placement = Objects.requireNonNull(p, "placement");
  }

  /** The peer {@code id} at {@code host:port}, with its token derived from this membership's secret. */
  public Peer peer(String id, String host, int port, double weight) {
    return new Peer(id, host, port, weight, HopTokens.derive(secret, id));
  }

  /** Replaces the peers (a new epoch); loads and drain marks of remaining peers carry over. */
  public synchronized void setPeers(List<Peer> peers) {
    ClusterView next = current.withPeers(current.epoch() + 1, peers);
    if (!next.contains(selfId)) {
      throw new IllegalArgumentException("peers: no '" + selfId + "' (expected: this node among them)");
    }
    publish(next);
  }

  /** Records the load report of peer {@code id} and feeds it to a load-aware strategy. */
  public synchronized void report(String id, LoadReport load) {
    publish(current.withLoad(id, load));
    Placement p = placement;
    if (p != null && current.hasOwners()) {
      p.updateLoads(current.view(), System.currentTimeMillis());
    }
  }

  /** Marks peer {@code id} as draining (never an owner) or not. */
  public synchronized void drain(String id, boolean draining) {
    publish(current.withDraining(id, draining));
  }

  private void publish(ClusterView next) {
    if (next == current) {
      return;
    }
    current = next;
    listeners.forEach(l -> l.accept(next));
  }

  @Override
  public void close() {}

  /** Builds a static membership; every setter validates. */
  public static final class Builder {
    private String self;
    private String secret;
    private final List<Peer> peers = new ArrayList<>();
    private final List<Pending> pending = new ArrayList<>();

    private record Pending(String id, HostPort address, double weight) {}

    private Builder() {}

    /** This node's id (required; one of the peers). */
    public Builder self(String id) {
      this.self = Objects.requireNonNull(id, "self");
      return this;
    }

    /** The cluster secret hop tokens derive from (required; the same on every node, >= 16 characters). */
    public Builder secret(String secret) {
      this.secret = HopTokens.checkSecret(Objects.requireNonNull(secret, "secret"));
      return this;
    }

    /** Adds a peer of weight 1 whose proxy listens at {@code address} ({@code host:port}). */
    public Builder peer(String id, String address) {
      return peer(id, address, 1);
    }

    /** Adds a peer whose proxy listens at {@code address} ({@code host:port}). */
    public Builder peer(String id, String address, double weight) {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(address, "address");
      HostPort hp = HostPort.parse("peer " + id + " address", address);
      new Peer(id, hp.host(), hp.port(), weight, "validated-now-placeholder");
      pending.add(new Pending(id, hp, weight));
      return this;
    }

    public StaticMembership build() {
      if (self == null) {
        throw new IllegalStateException("self: not set (expected: this node's id)");
      }
      if (secret == null) {
        throw new IllegalStateException("secret: not set (expected: the cluster secret, >= 16 characters)");
      }
      if (pending.isEmpty()) {
        throw new IllegalStateException("peers: none (expected: at least this node)");
      }
      peers.clear();
      for (Pending p : pending) {
        peers.add(new Peer(p.id, p.address.host(), p.address.port(), p.weight, HopTokens.derive(secret, p.id)));
      }
      return new StaticMembership(this);
    }
  }
}
