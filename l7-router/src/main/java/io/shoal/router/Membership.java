package io.shoal.router;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where the router learns who is in the cluster: the current {@link ClusterView} and its changes.
 * {@link StaticMembership} is a fixed list (tests, embedders with their own discovery);
 * {@link JGroupsMembership} is the real cluster, with its {@link ControlPlane}.
 */
public interface Membership extends AutoCloseable {

  /** This node's id. */
  String selfId();

  /** The current view; never null, always contains this node. */
  ClusterView current();

  /** Calls {@code listener} with every new view (loads and drain marks included), in order. */
  void addListener(Consumer<ClusterView> listener);

  /**
   * Binds this node's placement and its local load: a membership with a control plane switches
   * the placement cluster-wide, feeds it load reports, replicates its state and broadcasts
   * {@code localLoad}. The router calls it once.
   */
  default void bind(Placement placement, Supplier<LoadReport> localLoad) {}

  /** Leaves the cluster. */
  @Override
  void close();

  /** A builder of a JGroups membership. */
  static JGroupsMembership.Builder jgroups() {
    return JGroupsMembership.builder();
  }

  /** A builder of a fixed membership. */
  static StaticMembership.Builder fixed() {
    return StaticMembership.builder();
  }
}
