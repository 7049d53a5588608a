package io.shoal.node.internal.cluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.shoal.router.ForwardObserver;
import io.shoal.router.Peer;
import io.shoal.router.PeerForwarder;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Forwarding as the node's metrics see it: forward latency (to the peer's response head) by peer,
 * forwards by result, tries that failed by peer, retries and failovers; per-peer counts for
 * {@code /status}.
 */
final class ClusterMetrics implements ForwardObserver {
  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ClusterMetrics.class.getName());
  private final MeterRegistry registry;
  private final Map<String, PeerCounts> peers = new ConcurrentHashMap<>();
  private final LongAdder retries = new LongAdder();
  private final LongAdder failovers = new LongAdder();
  private final Counter retryCounter;
  private final Counter failoverCounter;

  /** One peer's counts and meters, looked up once (a registry lookup per forward costs more than the forward's bookkeeping). */
  private final class PeerCounts {
    final LongAdder forwards = new LongAdder();
    final LongAdder errors = new LongAdder();
    final Timer ok;
    final Timer failed;
    final Counter errorCounter;
    final Counter forwarded;
    final Counter failedForward;

    PeerCounts(String peer) {
      ok = latency(peer, "ok");
      failed = latency(peer, "error");
      errorCounter = Counter.builder("shoal.forward.errors").description("Forward tries that failed, by peer")
          .tag("peer", peer).register(registry);
      forwarded = forwards(peer, "forwarded");
      failedForward = forwards(peer, "failed");
    }
  }

  private Timer latency(String peer, String result) {
    return Timer.builder("shoal.forward.latency")
        .description("Time from forwarding a request to a peer to its response head (or failure)")
        .tag("peer", peer).tag("result", result)
        .publishPercentileHistogram()
        .register(registry);
  }

  private Counter forwards(String peer, String result) {
    return Counter.builder("shoal.forwards").description("Forwards by result (forwarded, failed, no_peer: served here)")
        .tag("result", result).tag("peer", peer).register(registry);
  }

  ClusterMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.retryCounter = Counter.builder("shoal.forward.retries")
        .description("Forward tries after the first (a failed peer, the request sent to the next candidate)")
        .register(registry);
    this.failoverCounter = Counter.builder("shoal.forward.failovers")
        .description("Forwards not answered by their first candidate (answered by a later one or served here)")
        .register(registry);
  }

  @Override
  public void attempted(Peer peer, long nanos, Throwable failure) {
    PeerCounts c = counts(peer.id());
    (failure == null ? c.ok : c.failed).record(nanos, TimeUnit.NANOSECONDS);
    if (failure != null) {
      c.errors.increment();
      c.errorCounter.increment();
      LOG.info(() -> "forward to " + peer.id() + " at " + peer.authority() + " failed after "
          + nanos / 1_000_000 + " ms (" + failure + "); it is suspect, the next candidate takes the request");
    }
  }

  @Override
  public void finished(PeerForwarder.Result result, int tries) {
    if (result.peer() == null) {
      String outcome = result.outcome().name().toLowerCase(Locale.ROOT);
      forwards("none", outcome).increment();
    } else {
      PeerCounts c = counts(result.peer().id());
      c.forwards.increment();
      (result.outcome() == PeerForwarder.Outcome.FORWARDED ? c.forwarded : c.failedForward).increment();
    }
    if (tries > 1) {
      retries.add(tries - 1);
      retryCounter.increment(tries - 1);
    }
    if (tries > 1 || result.outcome() == PeerForwarder.Outcome.NO_PEER) {
      failovers.increment();
      failoverCounter.increment();
    }
  }

  private PeerCounts counts(String peer) {
    PeerCounts c = peers.get(peer);
    return c != null ? c : peers.computeIfAbsent(peer, PeerCounts::new);
  }

  /** Per peer: forwards answered, tries failed. */
  Map<String, Object> byPeer() {
    Map<String, Object> out = new TreeMap<>();
    peers.forEach((id, c) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("forwards", c.forwards.sum());
      m.put("errors", c.errors.sum());
      out.put(id, m);
    });
    return out;
  }

  long retries() {
    return retries.sum();
  }

  long failovers() {
    return failovers.sum();
  }
}
