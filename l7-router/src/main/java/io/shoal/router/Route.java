package io.shoal.router;

import io.shoal.hashing.CacheKey;
import java.util.List;
import java.util.Objects;

/** What the router decided for one request: serve it here, forward it to a peer, or refuse it. */
public sealed interface Route {

  /** Why a request is served by this node. */
  enum Why {
    /** This node is the first live candidate for the key. */
    OWNER,
    /** A peer forwarded it here: never forwarded again. */
    FROM_PEER,
    /** The owner is overloaded and the load policy keeps it here. */
    LOAD,
    /** The request is not routed at all (CONNECT, {@code OPTIONS *}). */
    NOT_ROUTED,
    /** No member of the cluster may own keys (only relays are left): nobody to forward to. */
    NO_OWNER
  }

  /** Serve locally. {@code target} and {@code key} are null for requests that are not routed. */
  record Local(TargetUrl target, CacheKey key, Why why) implements Route {
    public Local {
      Objects.requireNonNull(why, "why");
    }
  }

  /**
   * Forward to the first of {@code candidates} that answers; if none does, serve locally (this
   * node is the next candidate). Never empty.
   */
  record Forward(TargetUrl target, CacheKey key, List<Peer> candidates) implements Route {
    public Forward {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(key, "key");
      candidates = List.copyOf(candidates);
      if (candidates.isEmpty()) {
        throw new IllegalArgumentException("candidates: empty (expected: at least one peer)");
      }
    }

    /** The peer the request goes to first. */
    public Peer owner() {
      return candidates.get(0);
    }
  }

  /** Refuse with this status; {@code reason} says exactly why. */
  record Reject(int status, String reason) implements Route {
    public Reject {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("status: " + status + " (expected: 400-599)");
      }
      Objects.requireNonNull(reason, "reason");
    }
  }
}
