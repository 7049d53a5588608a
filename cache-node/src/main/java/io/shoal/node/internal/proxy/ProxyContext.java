package io.shoal.node.internal.proxy;

import io.shoal.node.internal.cache.CachePolicy;
import io.shoal.node.internal.cache.Collapser;
import io.shoal.node.internal.cache.HttpCache;
import io.shoal.node.internal.http.Fields;
import io.shoal.node.internal.origin.OriginClient;
import io.shoal.node.internal.origin.OriginResponse;
import io.shoal.router.UrlNormalizer;
import java.time.Duration;

/** The services and limits the proxy handlers share; one per node. */
public final class ProxyContext {
  final String nodeId;
  final UrlNormalizer normalizer;
  final HttpCache cache;
  final CachePolicy policy;
  final Collapser collapser;
  final OriginClient origin;
  final Destinations destinations;
  final ProxyMetrics metrics;
  final String reverseOrigin;
  final long maxObjectSize;
  final long maxRequestBody;
  final Duration collapseTimeout;
  final Duration connectTimeout;
  final Duration responseTimeout;
  /** Distillation on miss; null when {@code distill.enabled} is false. */
  final io.shoal.distiller.DistillService distiller;
  final boolean storeOriginal;
  /** This node's {@code Via} entry, {@code 1.1 <node-id>}. */
  final String via;
  private final String xCacheHit;
  private final String xCacheStale;
  /** {@link #varyFor} by content type, for the types seen first (at most {@link #VARY_TYPES}). */
  private final java.util.Map<String, String> varyByType = new java.util.concurrent.ConcurrentHashMap<>();
  private static final int VARY_TYPES = 256;
  private static final String NO_VARY = "";

  ProxyContext(Builder b) {
    this.nodeId = b.nodeId;
    this.normalizer = b.normalizer;
    this.cache = b.cache;
    this.policy = b.policy;
    this.collapser = b.collapser;
    this.origin = b.origin;
    this.destinations = b.destinations;
    this.metrics = b.metrics;
    this.reverseOrigin = b.reverseOrigin;
    this.maxObjectSize = b.maxObjectSize;
    this.maxRequestBody = b.maxRequestBody;
    this.collapseTimeout = b.collapseTimeout;
    this.connectTimeout = b.connectTimeout;
    this.responseTimeout = b.responseTimeout;
    this.distiller = b.distiller;
    this.storeOriginal = b.storeOriginal;
    this.via = "1.1 " + nodeId;
    this.xCacheHit = "HIT from " + nodeId;
    this.xCacheStale = "STALE from " + nodeId;
  }

  /**
   * The {@code Vary} value the distiller's choice adds for {@code contentType} to a response
   * without {@code Vary}, or null when it adds none; remembered for the first types seen, since
   * every hit asks.
   */
  String varyFor(String contentType) {
    String v = varyByType.get(contentType);
    if (v == null) {
      v = io.shoal.distiller.Variants.addVary(null, distiller.vary(contentType));
      v = v == null ? NO_VARY : v;
      if (varyByType.size() < VARY_TYPES) {
        varyByType.put(contentType, v);
      }
    }
    return v.isEmpty() ? null : v;
  }

  /** The {@code X-Cache} value for {@code result} (HIT, MISS, REVALIDATED, STALE) from this node. */
  String xCache(String result) {
    return result.equals("HIT") ? xCacheHit : result.equals("STALE") ? xCacheStale : result + " from " + nodeId;
  }

  Duration responseTimeout() {
    return responseTimeout;
  }

  /**
   * Stores a response from the origin, fresh for the lifetime the policy gives it; {@code original}:
   * the original's validators for a distilled variant, else null.
   */
  void store(String key, Fields request, OriginResponse r, Fields fields, byte[] body, Fields original) {
    long lifetime = policy.freshnessLifetime(r.status(), fields, r.responseTime());
    cache.put(key, request, r.status(), fields, body, r.requestTime(), r.responseTime(), lifetime, original);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ProxyContext}; the node sets every field. */
  public static final class Builder {
    String nodeId;
    UrlNormalizer normalizer;
    HttpCache cache;
    CachePolicy policy;
    Collapser collapser;
    OriginClient origin;
    Destinations destinations;
    ProxyMetrics metrics;
    String reverseOrigin = "";
    long maxObjectSize;
    long maxRequestBody;
    Duration collapseTimeout;
    Duration connectTimeout;
    Duration responseTimeout;
    io.shoal.distiller.DistillService distiller;
    boolean storeOriginal = true;

    /** The distill service (null: off) and whether originals are stored beside variants. */
    public Builder distiller(io.shoal.distiller.DistillService v, boolean storeOriginal) {
      distiller = v;
      this.storeOriginal = storeOriginal;
      return this;
    }

    public Builder responseTimeout(Duration v) {
      responseTimeout = v;
      return this;
    }

    public Builder nodeId(String v) {
      nodeId = v;
      return this;
    }

    public Builder normalizer(UrlNormalizer v) {
      normalizer = v;
      return this;
    }

    public Builder cache(HttpCache v) {
      cache = v;
      return this;
    }

    public Builder policy(CachePolicy v) {
      policy = v;
      return this;
    }

    public Builder collapser(Collapser v) {
      collapser = v;
      return this;
    }

    public Builder origin(OriginClient v) {
      origin = v;
      return this;
    }

    public Builder destinations(io.shoal.node.internal.origin.CachingDnsResolver dns,
        java.util.List<io.shoal.node.Cidr> allowed) {
      destinations = new Destinations(dns, allowed);
      return this;
    }

    public Builder metrics(ProxyMetrics v) {
      metrics = v;
      return this;
    }

    public Builder reverseOrigin(String v) {
      reverseOrigin = v;
      return this;
    }

    public Builder maxObjectSize(long v) {
      maxObjectSize = v;
      return this;
    }

    public Builder maxRequestBody(long v) {
      maxRequestBody = v;
      return this;
    }

    public Builder collapseTimeout(Duration v) {
      collapseTimeout = v;
      return this;
    }

    public Builder connectTimeout(Duration v) {
      connectTimeout = v;
      return this;
    }

    public ProxyContext build() {
      return new ProxyContext(this);
    }
  }
}
