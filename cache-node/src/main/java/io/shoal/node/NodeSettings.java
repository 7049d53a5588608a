package io.shoal.node;

import io.shoal.base.config.Config;
import io.shoal.base.config.Section;
import io.shoal.base.config.Setting;
import io.shoal.router.MembershipSettings;
import java.time.Duration;

/** The node's own settings: its id, its role and how long it takes to shut down. */
public final class NodeSettings {
  public static final Section SECTION = Section.of("node", "The node").check(NodeSettings::checkTogether);
  /** Listed last in the reference file. */
  public static final Section SHUTDOWN = Section.of("shutdown", "Shutting down");

  public static final Setting<String> ID = SECTION.string("id", "",
      "The node's id in Via, X-Cache and logs; empty: shoal-<hostname>.");
  public static final Setting<String> ROLE = SECTION.oneOf("role", "cache",
      "cache: a cluster node that owns and caches its share of the URLs; switch: routes and relays only, no cache (the paper's centralized L7 switch; needs cluster.enabled).",
      "cache", "switch");
  public static final Setting<Duration> SHUTDOWN_TIMEOUT = SHUTDOWN.live().duration("timeout", "30s",
      "On shutdown, in-flight requests get this long to finish.");

  private NodeSettings() {}

  private static void checkTogether(Config c) {
    if (c.get(ROLE).equals("switch") && !c.get(MembershipSettings.ENABLED)) {
      throw new IllegalArgumentException(
          "node.role: \"switch\" needs cluster.enabled: true (expected: cache for a single node)");
    }
  }
}
