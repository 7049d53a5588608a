package io.shoal.router.internal.cluster;

import io.shoal.router.ClusterView;
import io.shoal.router.Peer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import org.jgroups.Address;
import org.jgroups.View;

/**
 * The view the router sees, kept from the agreed JGroups view: peers ordered by node id (every
 * node derives the same order, whatever the join history or merges, and a restarted node takes its
 * old place), relays apart, the JGroups view id as the epoch, loads and drain marks carried over.
 * Control messages change loads and drain marks through {@link #update}; listeners get every new
 * view, in order. Also answers who the coordinator is and where a member is.
 */
public final class ViewTracker {
  private static final Logger LOG = Logger.getLogger(ViewTracker.class.getName());

  private final Peer self;
  private final boolean relay;
  private final Supplier<Address> localAddress;
  private final List<Consumer<ClusterView>> listeners = new CopyOnWriteArrayList<>();
  private final Object lock = new Object();
  private volatile ClusterView current;
  private volatile View jgroupsView;

  /** The view of {@code self} alone, until the first JGroups view; {@code localAddress} is this node's. */
  ViewTracker(Peer self, boolean relay, Supplier<Address> localAddress) {
    this.self = self;
    this.relay = relay;
    this.localAddress = localAddress;
    this.current = relay ? ClusterView.of(0, List.of(), List.of(self)) : ClusterView.of(0, List.of(self));
  }

  public String selfId() {
    return self.id();
  }

  public ClusterView current() {
    return current;
  }

  public void addListener(Consumer<ClusterView> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Installs an agreed JGroups view. */
  void install(View view) {
    jgroupsView = view;
    List<Peer> peers = new ArrayList<>();
    List<Peer> relays = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Address a : view.getMembers()) {
      Peer p = MemberMetadata.peerOf(a);
      if (p != null && seen.add(p.id())) {
        (MemberMetadata.isRelay(a) ? relays : peers).add(p);
      }
    }
    if (!seen.contains(self.id())) {
      (relay ? relays : peers).add(self);
    }
    peers.sort(Comparator.comparing(Peer::id));
    relays.sort(Comparator.comparing(Peer::id));
    update(v -> v.withPeers(view.getViewId().getId(), peers, relays));
    LOG.fine(() -> self.id() + ": view " + current);
  }

  /** Replaces the current view with {@code change} of it and tells the listeners (even when unchanged). */
  void update(UnaryOperator<ClusterView> change) {
    synchronized (lock) {
      ClusterView next = change.apply(current);
      current = next;
      for (Consumer<ClusterView> l : listeners) {
        l.accept(next);
      }
    }
  }

  /** Whether this node is the coordinator (the first member of the JGroups view). */
  public boolean isCoordinator() {
    View v = jgroupsView;
    return v != null && v.getCoord() != null && v.getCoord().equals(localAddress.get());
  }

  boolean isFromCoordinator(Address from) {
    View v = jgroupsView;
    return v != null && from != null && from.equals(v.getCoord());
  }

  /** The coordinator's address (this node's before the first view). */
  Address coordinator() {
    View v = jgroupsView;
    return v == null ? localAddress.get() : v.getCoord();
  }

  /** The address of member {@code id}, or null when it is not in the view. */
  Address addressOf(String id) {
    View v = jgroupsView;
    if (v == null) {
      return null;
    }
    for (Address a : v.getMembers()) {
      Peer p = MemberMetadata.peerOf(a);
      if (p != null && p.id().equals(id)) {
        return a;
      }
    }
    return null;
  }

  /** Whether a member that joined before this node in {@code view} has this node's id. */
  boolean hasEarlierTwin(View view) {
    for (Address a : view.getMembers()) {
      if (a.equals(localAddress.get())) {
        return false;
      }
      Peer p = MemberMetadata.peerOf(a);
      if (p != null && p.id().equals(self.id())) {
        return true;
      }
    }
    return false;
  }
}
