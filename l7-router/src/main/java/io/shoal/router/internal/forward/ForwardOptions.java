package io.shoal.router.internal.forward;

import io.shoal.router.ForwardObserver;
import java.time.Duration;

/**
 * How a forwarder forwards, as {@code PeerForwarder.Builder} validated it: how long a connect may
 * take, how long a peer may stay silent, how long an idle connection is kept, the open-connection
 * limits (all peers, one peer), and what sees every try and every forward's end.
 */
public record ForwardOptions(Duration connectTimeout, Duration responseTimeout, Duration idleTimeout,
    int maxConnections, int maxPerPeer, ForwardObserver observer) {}
