package io.shoal.bench.placement;

import io.shoal.hashing.CacheKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The distinct keys of a request sequence, in first-seen order, with how often each was
 * requested and its size in bytes ({@code -1} when the input has no sizes).
 */
public final class Workload {
  private final CacheKey[] keys;
  private final long[] requests;
  private final long[] sizes;
  private final boolean sized;

  private Workload(CacheKey[] keys, long[] requests, long[] sizes, boolean sized) {
    this.keys = keys;
    this.requests = requests;
    this.sizes = sizes;
    this.sized = sized;
  }

  /** Collects requests; the last size seen for a key wins. */
  public static final class Builder {
    private final Map<String, long[]> byKey = new LinkedHashMap<>();
    private boolean sized = true;

    /** Adds one request for {@code key} of {@code size} bytes ({@code < 0}: unknown). */
    public Builder add(String key, long size) {
      Objects.requireNonNull(key, "key");
      long[] entry = byKey.computeIfAbsent(key, k -> new long[] {0, -1});
      entry[0]++;
      if (size >= 0) {
        entry[1] = size;
      } else {
        sized = false;
      }
      return this;
    }

    public Workload build() {
      if (byKey.isEmpty()) {
        throw new IllegalArgumentException("workload: no requests (expected: at least one key)");
      }
      CacheKey[] keys = new CacheKey[byKey.size()];
      long[] requests = new long[keys.length];
      long[] sizes = new long[keys.length];
      int i = 0;
      for (Map.Entry<String, long[]> e : byKey.entrySet()) {
        keys[i] = CacheKey.of(e.getKey());
        requests[i] = e.getValue()[0];
        sizes[i++] = e.getValue()[1];
      }
      return new Workload(keys, requests, sizes, sized);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** One request for each of {@code urls}, sizes unknown. */
  public static Workload ofKeys(List<String> urls) {
    Builder builder = builder();
    urls.forEach(url -> builder.add(url, -1));
    return builder.build();
  }

  public int distinctKeys() {
    return keys.length;
  }

  public CacheKey key(int i) {
    return keys[i];
  }

  public long requests(int i) {
    return requests[i];
  }

  public long size(int i) {
    return sizes[i];
  }

  /** Whether every request came with a size. */
  public boolean sized() {
    return sized;
  }

  public long totalRequests() {
    long total = 0;
    for (long r : requests) {
      total += r;
    }
    return total;
  }
}
