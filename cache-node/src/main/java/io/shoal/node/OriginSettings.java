package io.shoal.node;

import io.shoal.base.config.Section;
import io.shoal.base.config.Setting;
import java.time.Duration;

/** The {@code origin.*} settings of the origin client: timeouts, connection limits, DNS. */
public final class OriginSettings {
  public static final Section SECTION = Section.of("origin", "The origin client");

  public static final Setting<Duration> CONNECT_TIMEOUT = SECTION.duration("connect-timeout", "5s",
      "Timeout to connect to an origin (then 502).");
  public static final Setting<Duration> RESPONSE_TIMEOUT = SECTION.duration("response-timeout", "30s",
      "Timeout for an origin's response headers, and between body reads (then 504).");
  public static final Setting<Duration> IDLE_TIMEOUT = SECTION.duration("idle-timeout", "60s",
      "Pooled idle origin connections are closed after this.");
  public static final Setting<Integer> MAX_CONNECTIONS = SECTION.positive("max-connections", "1024",
      "Most open origin connections in total.");
  public static final Setting<Integer> MAX_PER_ORIGIN = SECTION.positive("max-connections-per-origin", "256",
      "Most open connections to one origin.");
  public static final Setting<Duration> DNS_TTL = SECTION.live().duration("dns-ttl", "30s",
      "How long resolved origin addresses are cached.");

  private OriginSettings() {}
}
