package io.shoal.node.internal.cache;

import io.shoal.node.internal.http.CacheControl;
import io.shoal.node.internal.http.Fields;
import io.shoal.node.internal.http.HttpDates;
import java.util.Objects;

/**
 * One stored response: status, end-to-end header fields, the whole body and the times the age
 * calculation of RFC 9111 §4.2.3 needs. Immutable; revalidation makes a new one.
 */
public final class StoredResponse {
  private final int status;
  private final Fields headers;
  private final byte[] body;
  private final long requestTime;
  private final long responseTime;
  private final long freshnessLifetime;
  private final CacheControl cacheControl;
  private final String variantKey;
  private final Fields original;
  /** The age when it was received (§4.2.3 corrected_initial_age): fixed, so computed once, not per hit. */
  private final long initialAge;

  StoredResponse(int status, Fields headers, byte[] body, long requestTime, long responseTime,
      long freshnessLifetime, String variantKey, Fields original) {
    this.status = status;
    this.headers = Objects.requireNonNull(headers, "headers");
    this.body = Objects.requireNonNull(body, "body");
    this.requestTime = requestTime;
    this.responseTime = responseTime;
    this.freshnessLifetime = freshnessLifetime;
    this.cacheControl = CacheControl.parse(headers.getAll("Cache-Control"));
    this.variantKey = variantKey;
    this.original = original;
    this.initialAge = initialAge();
  }

  public int status() {
    return status;
  }

  public Fields headers() {
    return headers;
  }

  public byte[] body() {
    return body;
  }

  public CacheControl cacheControl() {
    return cacheControl;
  }

  /** Freshness lifetime in milliseconds (§4.2.1), heuristic included. */
  public long freshnessLifetime() {
    return freshnessLifetime;
  }

  public long requestTime() {
    return requestTime;
  }

  public long responseTime() {
    return responseTime;
  }

  String variantKey() {
    return variantKey;
  }

  /** The current age in milliseconds at {@code now} (§4.2.3). */
  public long currentAge(long now) {
    return initialAge + Math.max(0, now - responseTime);
  }

  private long initialAge() {
    long date = HttpDates.parse(headers.get("Date"));
    long apparentAge = date < 0 ? 0 : Math.max(0, responseTime - date);
    long ageValue = headerAgeSeconds() * 1000;
    long correctedAgeValue = ageValue + (responseTime - requestTime);
    return Math.max(apparentAge, correctedAgeValue);
  }

  private long headerAgeSeconds() {
    String age = headers.get("Age");
    if (age == null) {
      return 0;
    }
    String a = age.strip();
    if (a.isEmpty() || a.length() > 10 || !a.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return 0;
    }
    return Long.parseLong(a);
  }

  /** Whether fresh at {@code now}. */
  public boolean isFresh(long now) {
    return freshnessLifetime > currentAge(now);
  }

  public String etag() {
    return headers.get("ETag");
  }

  public String lastModified() {
    return headers.get("Last-Modified");
  }

  /**
   * For a distilled variant, the original's validators ({@code ETag}, {@code Last-Modified}) kept
   * aside to revalidate with at the origin (the variant's own {@code ETag} is derived from the
   * original's); null for a response stored as the origin sent it.
   */
  public Fields original() {
    return original;
  }

  /** The entity tag the origin knows this response by: the original's for a distilled variant. */
  public String originEtag() {
    return original == null ? etag() : original.get("ETag");
  }

  /** The Last-Modified the origin knows this response by: the original's for a distilled variant. */
  public String originLastModified() {
    return original == null ? lastModified() : original.get("Last-Modified");
  }

  /** Memory held, approximately, in bytes. */
  int weight() {
    return 96 + body.length + headers.weight() + 2 * variantKey.length() + (original == null ? 0 : original.weight());
  }
}
