package io.shoal.node;

import io.shoal.base.config.Section;
import io.shoal.base.config.Setting;
import io.shoal.base.config.Values;
import java.time.Duration;
import java.util.List;

/** The {@code cache.*} settings: memory, what is stored, heuristic freshness, collapsing and the cache key. */
public final class CacheSettings {
  public static final Section SECTION = Section.of("cache", "The HTTP cache");
  private static final Section LIVE = SECTION.live();
  /** The cache key: every node of a cluster must compute the same key for a URL. */
  private static final Section KEY = SECTION.clusterWide();

  public static final Setting<Long> SIZE = SECTION.size("size", "256MB",
      "Memory for cached responses, headers and bookkeeping counted.");
  public static final Setting<Long> MAX_OBJECT_SIZE = LIVE.size("max-object-size", "16MB",
      "Larger responses are passed through and not stored.");
  public static final Setting<Double> HEURISTIC_FRACTION = LIVE.fraction("heuristic-fraction", "0.1",
      "Heuristic freshness: this fraction of (Date - Last-Modified) when no explicit expiry; 0 turns it off.");
  public static final Setting<Duration> HEURISTIC_MAX = LIVE.duration("heuristic-max", "1d",
      "Cap on heuristic freshness.");
  public static final Setting<Duration> NOT_STORABLE_TTL = LIVE.duration("not-storable-ttl", "10s",
      "After a collapsed miss turns out not storable, requests for the key skip collapsing for this long.");
  public static final Setting<Duration> COLLAPSE_TIMEOUT = LIVE.duration("collapse-timeout", "30s",
      "Longest a request waits for another's fetch of the same key before fetching itself.");
  public static final Setting<Boolean> KEY_QUERY = KEY.bool("key.query", "true",
      "Whether the query string is part of the cache key.");
  public static final Setting<Boolean> KEY_SORT_QUERY = KEY.bool("key.sort-query", "false",
      "Whether query parameters are sorted in the key.");
  public static final Setting<List<String>> KEY_IGNORED_PARAMETERS = KEY.add("key.ignored-parameters", "", "list",
      "a list of query parameter names", Values.list(s -> s),
      "Query parameters left out of the key, e.g. utm_source.");

  private CacheSettings() {}
}
