package io.shoal.bench.simulate;

import io.shoal.bench.origin.ObjectUrls;
import io.shoal.hashing.CacheKey;
import io.shoal.router.UrlNormalizer;
import io.shoal.traces.TraceRequest;
import io.shoal.traces.Traces;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A trace as the cluster sees it when the replay sends it: for each GET in order (other methods
 * are skipped, as the replay skips them), the object it asks for; for each object, the cache key
 * a node places (the normalized URL the replay builds on the origin, {@link ObjectUrls}) and its
 * body size. A key whose size changes is another object, as its URL is another. Immutable.
 */
public final class KeyedTrace {
  private final String name;
  private final CacheKey[] keys;
  private final long[] sizes;
  private final int[] requests;
  private final long totalBytes;

  private KeyedTrace(String name, List<CacheKey> keys, List<Long> sizes, int[] requests) {
    this.name = name;
    this.keys = keys.toArray(CacheKey[]::new);
    this.sizes = sizes.stream().mapToLong(Long::longValue).toArray();
    this.requests = requests;
    long total = 0;
    for (long s : this.sizes) {
      total += s;
    }
    this.totalBytes = total;
  }

  /**
   * Reads the first {@code maxRequests} GETs (0 = all) of the trace {@code spec} ({@code
   * FORMAT:PATH}) as the replay sends them to {@code origin} ({@code http://host:port}, a trailing
   * slash dropped as the replay drops it).
   *
   * @throws IllegalArgumentException a bad spec; {@link io.shoal.traces.TraceException} a missing
   *     or bad file, naming it
   */
  public static KeyedTrace load(String spec, long maxRequests, String origin, double imageShare, long defaultSize) {
    try (Stream<TraceRequest> s = Traces.open(spec).requests()) {
      return of(spec, s.iterator(), maxRequests, origin, imageShare, defaultSize);
    }
  }

  /** The same from requests in memory (for tests and callers that have them). */
  public static KeyedTrace of(String name, List<TraceRequest> requests, String origin, double imageShare,
      long defaultSize) {
    return of(name, requests.iterator(), 0, origin, imageShare, defaultSize);
  }

  private static KeyedTrace of(String name, Iterator<TraceRequest> it, long maxRequests, String origin,
      double imageShare, long defaultSize) {
    String base = Objects.requireNonNull(origin, "origin").replaceAll("/+$", "");
    if (maxRequests < 0) {
      throw new IllegalArgumentException("requests: " + maxRequests + " (expected: >= 0, 0 for all)");
    }
    Map<String, Integer> ids = new HashMap<>();
    List<CacheKey> keys = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    int[] requests = new int[1024];
    int n = 0;
    while (it.hasNext() && (maxRequests == 0 || n < maxRequests)) {
      TraceRequest r = it.next();
      if (!r.method().equals("GET")) {
        continue;
      }
      long size = r.hasSize() ? r.size() : defaultSize;
      String url = base + ObjectUrls.path(r.key(), size, imageShare);
      Integer id = ids.get(url);
      if (id == null) {
        id = keys.size();
        ids.put(url, id);
        keys.add(key(url));
        sizes.add(size);
      }
      if (n == requests.length) {
        requests = java.util.Arrays.copyOf(requests, n * 2);
      }
      requests[n++] = id;
    }
    if (n == 0) {
      throw new IllegalArgumentException("trace " + name + ": no GET request (expected: at least one)");
    }
    return new KeyedTrace(name, keys, sizes, java.util.Arrays.copyOf(requests, n));
  }

  private static CacheKey key(String url) {
    try {
      return UrlNormalizer.defaults().key(url);
    } catch (IllegalArgumentException e) {
      return CacheKey.of(url);
    }
  }

  /** The spec or name it was read from. */
  public String name() {
    return name;
  }

  /** GET requests. */
  public int requests() {
    return requests.length;
  }

  /** Distinct objects. */
  public int objects() {
    return keys.length;
  }

  /** The object request {@code i} asks for. */
  public int object(int i) {
    return requests[i];
  }

  public CacheKey key(int object) {
    return keys[object];
  }

  /** Body bytes of an object. */
  public long size(int object) {
    return sizes[object];
  }

  /** Body bytes of all distinct objects together. */
  public long objectBytes() {
    return totalBytes;
  }
}
