package io.shoal.router;

/**
 * Sees what a {@link PeerForwarder} does, for metrics: every try on a peer and every forward's
 * end. Called on the forwarding thread; implementations must be quick and thread-safe.
 */
public interface ForwardObserver {
  /** Observes nothing. */
  ForwardObserver NONE = new ForwardObserver() {};

  /**
   * One try on {@code peer}: its response head arrived after {@code nanos}, or it failed
   * ({@code failure} not null) and the peer is now suspect.
   */
  default void attempted(Peer peer, long nanos, Throwable failure) {}

  /**
   * One forward ended with {@code result} after {@code tries} tries ({@code tries - 1} of them
   * were failovers to the next candidate; a {@link PeerForwarder.Outcome#NO_PEER} result goes on
   * to the local handler).
   */
  default void finished(PeerForwarder.Result result, int tries) {}
}
