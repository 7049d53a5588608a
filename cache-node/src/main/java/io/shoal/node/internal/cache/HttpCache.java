package io.shoal.node.internal.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.shoal.node.internal.http.Fields;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The response store: a Caffeine cache weighted by the heap each entry takes ({@link Footprint}) with
 * W-TinyLFU admission, keyed by the normalized URL, and by the selecting request headers for
 * responses with {@code Vary} (RFC 9111 §4.1). Thread-safe.
 */
public final class HttpCache {
  private static final char SEP = '\u0000';
  /** Each response is its own key ({@link StoredResponse#equals}); looked up with a {@link KeyProbe}. */
  private final Cache<Object, StoredResponse> responses;
  /** Primary key -> the Vary names of its responses and its variant keys. */
  private final Cache<String, Variants> variants;

  public HttpCache(long maxBytes) {
    this.responses = Caffeine.newBuilder()
        .maximumWeight(maxBytes)
        .weigher((Object k, StoredResponse v) -> v.weight())
        .recordStats()
        .build();
    this.variants = Caffeine.newBuilder().maximumSize(Math.max(1024, maxBytes / 4096)).build();
  }

  /** The Caffeine cache of responses, for metrics. */
  public Cache<Object, StoredResponse> responses() {
    return responses;
  }

  /** The stored response for {@code key} that matches {@code request}'s selecting headers, or null. */
  public StoredResponse get(String key, Fields request) {
    Variants v = variants.getIfPresent(key);
    return responses.getIfPresent(new KeyProbe(v == null ? key : variantKey(key, v.names, request)));
  }

  /**
   * Builds and stores a response; returns it. A response with {@code Vary} is stored as one
   * variant of {@code key}; a later response with other {@code Vary} names replaces all variants.
   * {@code original}: for a distilled variant the original's validators ({@link
   * StoredResponse#original()}), else null.
   */
  public StoredResponse put(String key, Fields request, int status, Fields headers, byte[] body,
      long requestTime, long responseTime, long freshnessLifetime, Fields original) {
    return put(key, request, status, headers, ByteBuffer.wrap(body),
        StoredResponse.initialAge(headers, requestTime, responseTime), responseTime, freshnessLifetime, original);
  }

  /**
   * Stores a distilled variant of {@code source} under {@code key}: received when the source was,
   * fresh as long; returns it.
   */
  public StoredResponse putVariant(String key, Fields request, StoredResponse source, Fields headers, byte[] body,
      Fields original) {
    return put(key, request, source.status(), headers, ByteBuffer.wrap(body), source.initialAge(),
        source.responseTime(), source.freshnessLifetime(), original);
  }

  private StoredResponse put(String key, Fields request, int status, Fields headers, ByteBuffer body,
      long initialAge, long responseTime, long freshnessLifetime, Fields original) {
    List<String> names = varyNames(headers);
    String variantKey = key;
    if (names.isEmpty()) {
      Variants old = variants.getIfPresent(key);
      if (old != null) {
        invalidate(key);
      }
    } else {
      Variants v = variants.asMap().compute(key, (k, old) ->
          old != null && old.names.equals(names) ? old : new Variants(names));
      variantKey = variantKey(key, names, request);
      v.keys.add(variantKey);
      responses.invalidate(new KeyProbe(key));
    }
    StoredResponse stored = new StoredResponse(variantKey, status, headers, body, initialAge, responseTime,
        freshnessLifetime, original);
    install(stored);
    return stored;
  }

  /** Replaces {@code old} by a revalidated copy with updated headers; returns the copy. */
  public StoredResponse refresh(StoredResponse old, Fields headers, long requestTime,
      long responseTime, long freshnessLifetime) {
    StoredResponse fresh = new StoredResponse(old.key(), old.status(), headers, old.body(),
        StoredResponse.initialAge(headers, requestTime, responseTime), responseTime, freshnessLifetime,
        old.original());
    if (removeIfCurrent(old)) {
      install(fresh);
    }
    return fresh;
  }

  /**
   * Stores {@code fresh} as its own key. A map keeps the key object of an entry it replaces, which
   * here would keep the old response (head and body) alive, so the old entry goes first.
   */
  private void install(StoredResponse fresh) {
    for (StoredResponse current; (current = responses.asMap().putIfAbsent(fresh, fresh)) != null; ) {
      removeIfCurrent(current);
    }
  }

  /** Removes {@code response} if it is (this very object) the one stored under its key. */
  private boolean removeIfCurrent(StoredResponse response) {
    boolean[] removed = {false};
    responses.asMap().computeIfPresent(response, (k, v) -> {
      removed[0] = v == response;
      return removed[0] ? null : v;
    });
    return removed[0];
  }

  /** Removes every stored response for {@code key}; returns how many there were. */
  public int invalidate(String key) {
    int removed = responses.asMap().remove(new KeyProbe(key)) != null ? 1 : 0;
    Variants v = variants.asMap().remove(key);
    if (v != null) {
      for (String k : v.keys) {
        removed += responses.asMap().remove(new KeyProbe(k)) != null ? 1 : 0;
      }
    }
    return removed;
  }

  /** Up to {@code limit} stored keys (a response with Vary: its primary key once). */
  public java.util.List<String> keys(int limit) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (StoredResponse r : responses.asMap().values()) {
      if (out.size() >= limit) {
        break;
      }
      String k = r.key();
      int sep = k.indexOf(SEP);
      out.add(sep < 0 ? k : k.substring(0, sep));
    }
    return java.util.List.copyOf(out);
  }

  public long entries() {
    return responses.estimatedSize();
  }

  /** Bytes held, as weighed. */
  public long bytes() {
    responses.cleanUp(); // apply buffered writes, so a response stored just now is counted
    return responses.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
  }

  static List<String> varyNames(Fields headers) {
    String vary = CachePolicy.varyValue(headers);
    if (vary == null) {
      return List.of();
    }
    Set<String> names = new TreeSet<>();
    for (String n : vary.split(",")) {
      String t = n.strip().toLowerCase(Locale.ROOT);
      if (!t.isEmpty()) {
        names.add(t);
      }
    }
    return new ArrayList<>(names);
  }

  private static String variantKey(String key, List<String> names, Fields request) {
    StringBuilder b = new StringBuilder(key);
    for (String name : names) {
      b.append(SEP).append(name).append('=');
      List<String> values = request.getAll(name);
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        b.append(values.get(i).strip().replaceAll("\\s*,\\s*", ","));
      }
    }
    return b.toString();
  }

  /** The variants of one primary key. */
  private static final class Variants {
    final List<String> names;
    final Set<String> keys = ConcurrentHashMap.newKeySet();

    Variants(List<String> names) {
      this.names = List.copyOf(names);
    }
  }
}
