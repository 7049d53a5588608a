package io.shoal.bench.origin;

import java.util.Map;
import java.util.Objects;

/**
 * What the benchmark origin has served since it started (or was last reset).
 *
 * @param requests object requests answered (200 and 304)
 * @param notModified of those, 304 answers to conditional requests
 * @param bodyBytes body bytes sent
 * @param byUrl requests per object path
 */
public record OriginStats(long requests, long notModified, long bodyBytes, Map<String, Long> byUrl) {
  public OriginStats {
    byUrl = Map.copyOf(Objects.requireNonNull(byUrl, "byUrl"));
  }

  /** How many distinct object paths were requested. */
  public int urls() {
    return byUrl.size();
  }
}
