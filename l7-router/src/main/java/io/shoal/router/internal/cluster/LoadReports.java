package io.shoal.router.internal.cluster;

import io.shoal.router.LoadReport;
import io.shoal.router.Placement;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jgroups.Address;

/**
 * Load reports: this node's load is sampled every interval and broadcast when it differs by more
 * than the threshold from the last one sent, or when nothing was sent for the longest silence;
 * every node's report goes into the view and to a load-aware strategy.
 */
final class LoadReports {
  private static final Logger LOG = Logger.getLogger(LoadReports.class.getName());

  private final String selfId;
  private final LoadSettings settings;
  private final Transport transport;
  private final ViewTracker views;
  private final StrategySync strategy;
  private volatile Supplier<LoadReport> source;
  // Touched only on the cluster's timer thread.
  private LoadReport lastSent;
  private long lastSentNanos;

  LoadReports(String selfId, LoadSettings settings, Transport transport, ViewTracker views, StrategySync strategy) {
    this.selfId = selfId;
    this.settings = settings;
    this.transport = transport;
    this.views = views;
    this.strategy = strategy;
    this.source = settings.source() == null ? () -> LoadReport.NONE : settings.source();
  }

  /** The router's local load, unless a load source was configured. */
  void bind(Supplier<LoadReport> localLoad) {
    if (settings.source() == null) {
      this.source = Objects.requireNonNull(localLoad, "localLoad");
    }
  }

  /** Sends the load now whatever the last report was (after a view change, for joiners). */
  void announce() {
    lastSent = null;
    maybeReport();
  }

  /** Sends the load if it changed past the threshold or nothing was sent for too long. */
  void maybeReport() {
    try {
      LoadReport now = source.get();
      long t = System.nanoTime();
      if (lastSent != null && !now.differsFrom(lastSent, settings.threshold())
          && t - lastSentNanos < settings.maxSilence().toNanos()) {
        return;
      }
      lastSent = now;
      lastSentNanos = t;
      transport.send(null, new ControlMessage.Load(selfId, now));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, selfId + ": load report failed", e);
    }
  }

  void onLoad(ControlMessage.Load l, Address from) {
    views.update(v -> v.withLoad(l.node(), l.report()));
    Placement p = strategy.placement();
    if (p != null && views.current().hasOwners()) {
      p.updateLoads(views.current().view(), System.currentTimeMillis());
    }
  }
}
