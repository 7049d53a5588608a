package io.shoal.router;

import io.shoal.base.config.Config;
import io.shoal.base.config.Section;
import io.shoal.base.config.Setting;
import java.time.Duration;

/** The {@code cluster.forward.*} settings of the {@link PeerForwarder}: timeouts and connection limits. */
public final class ForwardSettings {
  public static final Section SECTION = Section.of("cluster.forward", "Forwarding to peers")
      .check(ForwardSettings::checkTogether);

  public static final Setting<Duration> CONNECT_TIMEOUT = SECTION.duration("connect-timeout", "1s",
      "Timeout to connect to a peer (then it is suspect and the next candidate is tried).");
  public static final Setting<Duration> RESPONSE_TIMEOUT = SECTION.duration("response-timeout", "30s",
      "Timeout for a peer's response head and between body reads (then suspect, next candidate).");
  public static final Setting<Duration> IDLE_TIMEOUT = SECTION.duration("idle-timeout", "60s",
      "Pooled idle connections to peers are closed after this.");
  public static final Setting<Integer> MAX_CONNECTIONS = SECTION.positive("max-connections", "1024",
      "Most open connections to peers in total; at the limit a peer without an idle connection is passed over for the next candidate.");
  public static final Setting<Integer> MAX_PER_PEER = SECTION.positive("max-per-peer", "256",
      "Most open connections to one peer (at most cluster.forward.max-connections); at the limit the next candidate is tried, as nginx's max_conns.");

  private ForwardSettings() {}

  private static void checkTogether(Config c) {
    if (c.get(MAX_PER_PEER) > c.get(MAX_CONNECTIONS)) {
      throw new IllegalArgumentException("cluster.forward.max-per-peer: " + c.get(MAX_PER_PEER)
          + " (expected: at most cluster.forward.max-connections " + c.get(MAX_CONNECTIONS) + ")");
    }
  }
}
