package io.shoal.router;

import io.shoal.base.config.Section;
import io.shoal.base.config.Setting;
import io.shoal.base.config.Values;
import io.shoal.hashing.Strategies;
import java.time.Duration;

/** The {@code cluster.*} settings of routing: placement, weight, load policy, suspect peers. */
public final class RouterSettings {
  public static final Section SECTION = Section.of("cluster", "Routing");
  private static final Section LIVE = SECTION.live();

  public static final Setting<Double> WEIGHT = LIVE.add("weight", "1", "number", "a number > 0",
      Values::positiveNumber, "This node's weight for weighted strategies (carp, ketama, rendezvous).");
  public static final Setting<String> STRATEGY = LIVE.clusterWide().add("strategy", "ketama", "strategy",
      "a strategy such as md5, ketama, carp, rendezvous, bounded-load(0.25) (see shoal hash strategies)",
      RouterSettings::strategy, "Placement strategy: which node owns a URL.");
  public static final Setting<String> LOAD_POLICY = LIVE.clusterWide().add("load-policy", "auto", "policy",
      "auto, off, local(T) or next(T) with T >= 0", RouterSettings::loadPolicy,
      "When the owner's load exceeds the cluster mean by T: local(T) serves here, next(T) tries the next candidate; auto: next(0.25) for bounded-load, else off.");
  public static final Setting<Duration> SUSPECT_TIMEOUT = LIVE.duration("suspect-timeout", "5s",
      "A peer that failed a forward is skipped this long (unless a request to it succeeds), before the view changes.");

  private RouterSettings() {}

  private static String strategy(String s) {
    Strategies.create(s, "self-check");
    return s;
  }

  private static String loadPolicy(String s) {
    if (!s.equals("auto")) {
      LoadPolicy.parse(s);
    }
    return s;
  }
}
