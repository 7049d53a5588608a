package io.shoal.router;

import io.shoal.hashing.Member;
import io.shoal.hashing.View;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The agreed state of the cluster at one moment: the peers in placement order (every node derives
 * the same order), the epoch of the membership, the last load report of each peer and the peers
 * that are draining (no longer owners). Immutable; a membership publishes a new one on every
 * change.
 */
public final class ClusterView {
  private final long epoch;
  private final List<Peer> peers;
  private final Map<String, Peer> byId;
  private final Map<String, LoadReport> loads;
  private final Set<String> draining;
  private final List<Peer> relays;
  private final View view;

  private ClusterView(long epoch, List<Peer> peers, List<Peer> relays, Map<String, LoadReport> loads,
      Set<String> draining) {
    this.epoch = epoch;
    this.peers = List.copyOf(peers);
    this.relays = List.copyOf(relays);
    this.byId = new LinkedHashMap<>();
    List<Member> members = new ArrayList<>(peers.size());
    for (Peer p : this.peers) {
      if (byId.putIfAbsent(p.id(), p) != null) {
        throw new IllegalArgumentException("cluster view: duplicate peer id '" + p.id() + "'");
      }
      LoadReport load = loads.get(p.id());
      members.add(new Member(p.id(), p.weight(), load == null ? Double.NaN : load.inFlight()));
    }
    for (Peer r : this.relays) {
      if (byId.putIfAbsent(r.id(), r) != null) {
        throw new IllegalArgumentException("cluster view: duplicate peer id '" + r.id() + "'");
      }
    }
    Map<String, LoadReport> kept = new HashMap<>(loads);
    kept.keySet().retainAll(byId.keySet());
    this.loads = Map.copyOf(kept);
    Set<String> drained = new java.util.HashSet<>(draining);
    drained.retainAll(byId.keySet());
    this.draining = Set.copyOf(drained);
    this.view = members.isEmpty() ? null : View.of(epoch, members);
  }

  /** A view of these peers, in this order, with no loads and nobody draining. */
  public static ClusterView of(long epoch, List<Peer> peers) {
    Objects.requireNonNull(peers, "peers");
    return new ClusterView(epoch, peers, List.of(), Map.of(), Set.of());
  }

  /**
   * A view of these owner peers and these relays (nodes in the role {@code switch}: members of the
   * cluster that route and forward but never own a key), with no loads and nobody draining.
   */
  public static ClusterView of(long epoch, List<Peer> peers, List<Peer> relays) {
    Objects.requireNonNull(peers, "peers");
    Objects.requireNonNull(relays, "relays");
    return new ClusterView(epoch, peers, relays, Map.of(), Set.of());
  }

  /** The membership epoch: grows with every membership change. */
  public long epoch() {
    return epoch;
  }

  /** Every peer that may own keys (this node included unless it is a relay), in placement order. */
  public List<Peer> peers() {
    return peers;
  }

  /** The relays: members that route and forward but own no keys (role {@code switch}), by id. */
  public List<Peer> relays() {
    return relays;
  }

  /** The peer or relay with this id, or null. */
  public Peer peer(String id) {
    return byId.get(id);
  }

  public boolean contains(String id) {
    return byId.containsKey(id);
  }

  /** The last load report of each peer that sent one. */
  public Map<String, LoadReport> loads() {
    return loads;
  }

  /** Ids of the peers that are draining: they are never picked as owners. */
  public Set<String> draining() {
    return draining;
  }

  /** Whether any peer may own keys (false when only relays are left). */
  public boolean hasOwners() {
    return view != null;
  }

  /**
   * The placement view: the peers (not the relays) as members with their in-flight counts as
   * loads; null when there is no peer ({@link #hasOwners()}).
   */
  public View view() {
    return view;
  }

  /** This view with {@code id}'s load replaced. */
  public ClusterView withLoad(String id, LoadReport load) {
    Objects.requireNonNull(load, "load");
    if (!contains(id)) {
      return this;
    }
    Map<String, LoadReport> next = new HashMap<>(loads);
    next.put(id, load);
    return new ClusterView(epoch, peers, relays, next, draining);
  }

  /** This view with {@code id} draining or not. */
  public ClusterView withDraining(String id, boolean drain) {
    Set<String> next = new java.util.HashSet<>(draining);
    if (drain ? !next.add(id) : !next.remove(id)) {
      return this;
    }
    return new ClusterView(epoch, peers, relays, loads, next);
  }

  /** These peers with the loads and draining marks of this view carried over (where they still apply). */
  public ClusterView withPeers(long newEpoch, List<Peer> newPeers) {
    return new ClusterView(newEpoch, newPeers, List.of(), loads, draining);
  }

  /** These peers and relays with the loads and draining marks of this view carried over. */
  public ClusterView withPeers(long newEpoch, List<Peer> newPeers, List<Peer> newRelays) {
    return new ClusterView(newEpoch, newPeers, newRelays, loads, draining);
  }

  @Override
  public String toString() {
    return "ClusterView{epoch=" + epoch + ", peers=" + peers.stream().map(Peer::id).toList()
        + (relays.isEmpty() ? "" : ", relays=" + relays.stream().map(Peer::id).toList())
        + (draining.isEmpty() ? "" : ", draining=" + draining) + "}";
  }
}
