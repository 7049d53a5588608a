package io.shoal.router.internal.cluster;

import io.shoal.router.Invalidator;
import io.shoal.router.Peer;
import java.time.Duration;

/**
 * What a node needs to join a JGroups cluster, as {@code JGroupsMembership.Builder} validated it:
 * the cluster's name, this node (id, proxy address, weight, hop token) and whether it is a relay,
 * the protocol stack, load reports, how often the coordinator sends a stateful strategy's state,
 * how long an invalidation waits for the owner, and this node's {@link Invalidator} (null: it
 * stores nothing).
 */
public record ClusterSettings(String clusterName, Peer self, boolean relay, JGroupsStack.Settings stack,
    LoadSettings loads, Duration stateInterval, Duration invalidationTimeout, Invalidator invalidator) {}
