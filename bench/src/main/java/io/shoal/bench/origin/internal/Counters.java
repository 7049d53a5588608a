package io.shoal.bench.origin.internal;

import io.shoal.bench.origin.OriginStats;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The origin's request counts, per URL and in total; safe for concurrent use. */
public final class Counters {
  /** Replaced, not cleared, on reset: a cleared map keeps its table (8 MB after a million URLs). */
  private volatile ConcurrentHashMap<String, LongAdder> byUrl = new ConcurrentHashMap<>();
  private final LongAdder requests = new LongAdder();
  private final LongAdder notModified = new LongAdder();
  private final LongAdder bodyBytes = new LongAdder();

  void request(String path) {
    requests.increment();
    byUrl.computeIfAbsent(path, p -> new LongAdder()).increment();
  }

  void notModified() {
    notModified.increment();
  }

  void body(long bytes) {
    bodyBytes.add(bytes);
  }

  /** A copy of the counts now. */
  public OriginStats snapshot() {
    Map<String, Long> urls = new HashMap<>(byUrl.size() * 2);
    byUrl.forEach((k, v) -> urls.put(k, v.sum()));
    return new OriginStats(requests.sum(), notModified.sum(), bodyBytes.sum(), urls);
  }

  /** Starts counting from zero. */
  public void reset() {
    byUrl = new ConcurrentHashMap<>();
    requests.reset();
    notModified.reset();
    bodyBytes.reset();
  }
}
