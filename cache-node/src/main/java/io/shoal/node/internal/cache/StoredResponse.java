package io.shoal.node.internal.cache;

import io.shoal.node.internal.http.CacheControl;
import io.shoal.node.internal.http.Fields;
import io.shoal.node.internal.http.HttpDates;
import java.util.Objects;

/**
 * One stored response: status, end-to-end header fields, the whole body and the times the age
 * calculation of RFC 9111 §4.2.3 needs. Immutable; revalidation makes a new one.
 *
 * <p>Kept small, since a cache holds millions: the fields in one {@link StoredHead} array (the
 * original's validators of a distilled variant in it too), the times as primitives, and what a
 * fresh hit asks of {@code Cache-Control} ({@code no-cache}) as a bit beside the status; the rest
 * of {@code Cache-Control} is parsed from the head when a stale response needs it.
 */
public final class StoredResponse {
  private static final int STATUS = 0xFFFF;
  private static final int NO_CACHE = 1 << 16;
  /** The status, and {@link #NO_CACHE} when {@code Cache-Control} has {@code no-cache}. */
  private final int statusAndFlags;
  /** responseTime - requestTime, in milliseconds (clamped to an int). */
  private final int responseDelay;
  private final long responseTime;
  private final long freshnessLifetime;
  /** The age when it was received (§4.2.3 corrected_initial_age): fixed, so computed once, not per hit. */
  private final long initialAge;
  private final byte[] head;
  private final byte[] body;
  private final String variantKey;

  StoredResponse(int status, Fields headers, byte[] body, long requestTime, long responseTime,
      long freshnessLifetime, String variantKey, Fields original) {
    Objects.requireNonNull(headers, "headers");
    boolean noCache = CacheControl.parse(headers.getAll("Cache-Control")).has("no-cache");
    this.statusAndFlags = status & STATUS | (noCache ? NO_CACHE : 0);
    this.responseDelay = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, responseTime - requestTime));
    this.responseTime = responseTime;
    this.freshnessLifetime = freshnessLifetime;
    this.head = StoredHead.encode(headers, original);
    this.body = Objects.requireNonNull(body, "body");
    this.variantKey = variantKey;
    this.initialAge = initialAge(headers);
  }

  public int status() {
    return statusAndFlags & STATUS;
  }

  /** The header fields, decoded from the stored head (a new object each call: not for every hit). */
  public Fields headers() {
    return StoredHead.fields(head);
  }

  /** The stored head ({@link StoredHead}'s layout), to be walked with a {@link StoredHead.Cursor}. */
  public byte[] head() {
    return head;
  }

  /** The first value of the header field {@code name}, or null. */
  public String header(String name) {
    return StoredHead.get(head, name);
  }

  public byte[] body() {
    return body;
  }

  /** Whether {@code Cache-Control} has {@code no-cache}: every use must be validated. */
  public boolean noCache() {
    return (statusAndFlags & NO_CACHE) != 0;
  }

  /** The directives of {@code Cache-Control}, parsed from the head (each call parses). */
  public CacheControl cacheControl() {
    return CacheControl.parse(headers().getAll("Cache-Control"));
  }

  /** Freshness lifetime in milliseconds (§4.2.1), heuristic included. */
  public long freshnessLifetime() {
    return freshnessLifetime;
  }

  public long requestTime() {
    return responseTime - responseDelay;
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

  private long initialAge(Fields headers) {
    long date = HttpDates.parse(headers.get("Date"));
    long apparentAge = date < 0 ? 0 : Math.max(0, responseTime - date);
    long ageValue = headerAgeSeconds(headers.get("Age")) * 1000;
    long correctedAgeValue = ageValue + responseDelay;
    return Math.max(apparentAge, correctedAgeValue);
  }

  private static long headerAgeSeconds(String age) {
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
    return header("ETag");
  }

  public String lastModified() {
    return header("Last-Modified");
  }

  /**
   * For a distilled variant, the original's validators ({@code ETag}, {@code Last-Modified}) kept
   * aside to revalidate with at the origin (the variant's own {@code ETag} is derived from the
   * original's); null for a response stored as the origin sent it.
   */
  public Fields original() {
    return StoredHead.original(head);
  }

  /** The entity tag the origin knows this response by: the original's for a distilled variant. */
  public String originEtag() {
    Fields original = original();
    return original == null ? etag() : original.get("ETag");
  }

  /** The Last-Modified the origin knows this response by: the original's for a distilled variant. */
  public String originLastModified() {
    Fields original = original();
    return original == null ? lastModified() : original.get("Last-Modified");
  }

  /**
   * The heap this response holds with its key in the cache, in bytes: this object, its arrays,
   * the key String, and the cache's own per-entry cost ({@link Footprint}).
   */
  int weight() {
    return Footprint.entry(head.length, body.length, variantKey.length());
  }
}
