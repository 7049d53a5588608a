package io.shoal.router.internal.cluster;

import io.shoal.router.HostPort;
import io.shoal.router.Peer;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.jgroups.Address;
import org.jgroups.stack.AddressGenerator;
import org.jgroups.util.ExtendedUUID;

/**
 * A member's metadata (node id, proxy address, weight, hop token, role) carried in its JGroups
 * address, an {@link ExtendedUUID}: so it is part of the agreed view.
 */
final class MemberMetadata {
  private static final Logger LOG = Logger.getLogger(MemberMetadata.class.getName());
  private static final String ID = "shoal.id";
  private static final String HTTP = "shoal.http";
  private static final String WEIGHT = "shoal.weight";
  private static final String TOKEN = "shoal.token";
  private static final String ROLE = "shoal.role";
  private static final String RELAY = "relay";

  private MemberMetadata() {}

  /** Addresses that carry {@code self}'s metadata, in the role of a relay or an owner. */
  static AddressGenerator of(Peer self, boolean relay) {
    return () -> ExtendedUUID.randomUUID(self.id())
        .put(ID, utf8(self.id()))
        .put(HTTP, utf8(self.authority()))
        .put(WEIGHT, utf8(Double.toString(self.weight())))
        .put(TOKEN, utf8(self.hopToken()))
        .put(ROLE, utf8(relay ? RELAY : "owner"));
  }

  /** The peer at {@code a}, or null when {@code a} carries no (or bad) metadata. */
  static Peer peerOf(Address a) {
    if (!(a instanceof ExtendedUUID u) || !u.keyExists(ID)) {
      return null;
    }
    try {
      HostPort http = HostPort.parse("peer address", str(u.get(HTTP)));
      return new Peer(str(u.get(ID)), http.host(), http.port(), Double.parseDouble(str(u.get(WEIGHT))), str(u.get(TOKEN)));
    } catch (RuntimeException e) {
      LOG.warning("ignoring member " + a + " with bad metadata: " + e.getMessage());
      return null;
    }
  }

  /** Whether the member at {@code a} is a relay (routes and forwards, owns no keys). */
  static boolean isRelay(Address a) {
    return a instanceof ExtendedUUID u && RELAY.equals(str(u.get(ROLE)));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String str(byte[] b) {
    return b == null ? "" : new String(b, StandardCharsets.UTF_8);
  }
}
