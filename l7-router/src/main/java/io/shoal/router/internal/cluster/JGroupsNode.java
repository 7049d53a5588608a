package io.shoal.router.internal.cluster;

import io.shoal.router.LoadReport;
import io.shoal.router.Placement;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jgroups.View;

/**
 * One node in a JGroups cluster, wired: the channel ({@link Transport}), the view the router sees
 * ({@link ViewTracker}), and the control plane's parts ({@link LoadReports}, {@link StrategySync},
 * {@link Invalidations}, {@link Draining}) behind one {@link Dispatcher}. It joins, runs the
 * periodic reports on one timer thread, and has every node re-announce what it is the authority
 * on after each view change.
 */
public final class JGroupsNode implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(JGroupsNode.class.getName());

  private final String selfId;
  private final Transport transport;
  private final ScheduledExecutorService timer;
  private final ViewTracker views;
  private final LoadReports loads;
  private final StrategySync strategy;
  private final Invalidations invalidations;
  private final Draining draining;

  /**
   * Joins the cluster of {@code s} (blocks up to the join timeout while it looks for the others).
   *
   * @throws IllegalStateException when another member already has this node's id
   * @throws Exception when the channel cannot start
   */
  public static JGroupsNode join(ClusterSettings s) throws Exception {
    return new JGroupsNode(s);
  }

  private JGroupsNode(ClusterSettings s) throws Exception {
    this.selfId = s.self().id();
    this.transport = new Transport(s.stack(), s.self(), s.relay());
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "shoal-cluster-" + selfId);
      t.setDaemon(true);
      return t;
    });
    this.views = new ViewTracker(s.self(), s.relay(), transport::address);
    this.strategy = new StrategySync(selfId, transport, views);
    this.loads = new LoadReports(selfId, s.loads(), transport, views, strategy);
    this.invalidations = new Invalidations(selfId, s.invalidationTimeout(), s.invalidator(), transport, views, strategy);
    this.draining = new Draining(selfId, transport, views, timer, this::close);
    Dispatcher dispatcher = Dispatcher.builder()
        .on(ControlMessage.Load.class, loads::onLoad)
        .on(ControlMessage.Drain.class, draining::onDrain)
        .on(ControlMessage.SwitchRequest.class, strategy::onSwitchRequest)
        .on(ControlMessage.Strategy.class, strategy::onStrategy)
        .on(ControlMessage.State.class, strategy::onState)
        .on(ControlMessage.Invalidate.class, invalidations::onInvalidate)
        .on(ControlMessage.Invalidated.class, invalidations::onInvalidated)
        .build();
    try {
      transport.connect(s.clusterName(), this::onView, dispatcher);
    } catch (Exception e) {
      transport.close();
      timer.shutdownNow();
      throw e;
    }
    if (views.hasEarlierTwin(transport.view())) {
      transport.close();
      timer.shutdownNow();
      throw new IllegalStateException("node id '" + selfId + "' is already a member of cluster '"
          + s.clusterName() + "' (expected: a unique cluster.node-id)");
    }
    long every = s.loads().interval().toMillis();
    timer.scheduleWithFixedDelay(loads::maybeReport, every, every, TimeUnit.MILLISECONDS);
    long state = s.stateInterval().toMillis();
    timer.scheduleWithFixedDelay(strategy::maybeBroadcastState, state, state, TimeUnit.MILLISECONDS);
  }

  /** The view the router sees. */
  public ViewTracker views() {
    return views;
  }

  /** The strategy switch. */
  public StrategySync strategy() {
    return strategy;
  }

  /** Invalidation on the owner. */
  public Invalidations invalidations() {
    return invalidations;
  }

  /** This node's drain. */
  public Draining draining() {
    return draining;
  }

  /** Binds the router's placement and local load: the control plane switches, feeds and replicates it. */
  public void bind(Placement p, Supplier<LoadReport> load) {
    Objects.requireNonNull(p, "placement");
    loads.bind(load);
    strategy.bind(p);
  }

  /** The JGroups address this node listens on for the cluster. */
  public InetSocketAddress clusterAddress() {
    return transport.physicalAddress();
  }

  /** Leaves the cluster: the timer stops, the channel closes, waiting invalidations fail. */
  @Override
  public void close() {
    timer.shutdownNow();
    transport.close();
    invalidations.close();
  }

  private void onView(View view) {
    views.install(view);
    // Each node re-announces what it is the authority on, so joiners learn it; once more a little
    // later, since a joiner may miss what was sent while it was still installing the view.
    try {
      timer.execute(this::announce);
      timer.schedule(this::announce, 500, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      // Leaving: nothing to announce.
    }
  }

  private void announce() {
    try {
      loads.announce();
      draining.announce();
      strategy.announce();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, selfId + ": announcement failed", e);
    }
  }
}
