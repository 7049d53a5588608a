package io.shoal.node.internal.cache;

import io.shoal.node.internal.http.CacheControl;
import io.shoal.node.internal.http.Fields;
import io.shoal.node.internal.http.HttpDates;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * One stored response: status, end-to-end header fields, the whole body, the times the age
 * calculation of RFC 9111 §4.2.3 needs, and the key it is stored under. Immutable; revalidation
 * makes a new one.
 *
 * <p>Kept small, since a cache holds millions: one array holds the head ({@link StoredHead}, the
 * original's validators of a distilled variant in it too), the key ({@link KeyPrefixes}) and the body; status,
 * key length and {@code no-cache} (what a fresh hit asks of {@code Cache-Control}) share an int;
 * the rest of {@code Cache-Control} is parsed from the head when a stale response needs it. The
 * response is its own key in the cache: it equals another response, or a {@link KeyProbe}, with
 * the same key, and hashes as the key String does.
 */
public final class StoredResponse {
  private static final int STATUS = 0x3FF;
  private static final int NO_CACHE = 1 << 10;
  private static final int KEY_SHIFT = 11;
  /** The longest key, in bytes as stored, that fits beside the status and the flag. */
  static final int MAX_KEY = (1 << (32 - KEY_SHIFT)) - 1;
  /** The status, {@link #NO_CACHE}, and the key's length in bytes from {@link #KEY_SHIFT}. */
  private final int bits;
  private final long responseTime;
  private final long freshnessLifetime;
  /** The age when it was received (§4.2.3 corrected_initial_age): fixed, so computed once, not per hit. */
  private final long initialAge;
  /** The head's length (a varint), the head, the key, the body. */
  private final byte[] data;

  StoredResponse(String key, int status, Fields headers, ByteBuffer body, long initialAge, long responseTime,
      long freshnessLifetime, Fields original) {
    Objects.requireNonNull(headers, "headers");
    byte[] keyBytes = KeyPrefixes.encode(key);
    if (keyBytes.length > MAX_KEY || status < 0 || status > STATUS) {
      throw new IllegalArgumentException("key of " + keyBytes.length + " bytes, status " + status
          + " (expected: a key up to " + MAX_KEY + " bytes, a status up to " + STATUS + ")");
    }
    boolean noCache = CacheControl.parse(headers.getAll("Cache-Control")).has("no-cache");
    this.bits = status | (noCache ? NO_CACHE : 0) | keyBytes.length << KEY_SHIFT;
    this.responseTime = responseTime;
    this.freshnessLifetime = freshnessLifetime;
    this.initialAge = initialAge;
    byte[] head = StoredHead.encode(headers, original);
    int prefix = varintLength(head.length);
    this.data = new byte[prefix + head.length + keyBytes.length + body.remaining()];
    for (int i = 0, v = head.length; i < prefix; i++, v >>>= 7) {
      data[i] = (byte) (i < prefix - 1 ? v & 0x7F | 0x80 : v);
    }
    System.arraycopy(head, 0, data, prefix, head.length);
    System.arraycopy(keyBytes, 0, data, prefix + head.length, keyBytes.length);
    body.duplicate().get(data, prefix + head.length + keyBytes.length, body.remaining());
  }

  /** The §4.2.3 corrected initial age of a response with these fields, asked at requestTime and received at responseTime. */
  static long initialAge(Fields headers, long requestTime, long responseTime) {
    long date = HttpDates.parse(headers.get("Date"));
    long apparentAge = date < 0 ? 0 : Math.max(0, responseTime - date);
    long ageValue = headerAgeSeconds(headers.get("Age")) * 1000;
    long correctedAgeValue = ageValue + (responseTime - requestTime);
    return Math.max(apparentAge, correctedAgeValue);
  }

  public int status() {
    return bits & STATUS;
  }

  /** The header fields, decoded from the stored head (a new object each call: not for every hit). */
  public Fields headers() {
    return StoredHead.fields(data, headStart(), headEnd());
  }

  /** A cursor over the header fields, straight from the stored head. */
  public StoredHead.Cursor fields() {
    return new StoredHead.Cursor(data, headStart(), headEnd());
  }

  /** The first value of the header field {@code name}, or null. */
  public String header(String name) {
    return StoredHead.get(data, headStart(), headEnd(), name);
  }

  /** The key it is stored under. */
  public String key() {
    int at = headEnd();
    return KeyPrefixes.decode(data, at, at + keyLength());
  }

  public int bodyLength() {
    return data.length - bodyStart();
  }

  /**
   * {@code length} bytes of the body from {@code offset}: a view of the stored bytes to be read or
   * written out, never written to (not read-only, since some writers want a buffer's array).
   */
  public ByteBuffer body(int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bodyLength());
    return ByteBuffer.wrap(data, bodyStart() + offset, length).slice();
  }

  /** The body: a view, never written to. */
  public ByteBuffer body() {
    return body(0, bodyLength());
  }

  /** A copy of the body. */
  public byte[] bodyBytes() {
    return Arrays.copyOfRange(data, bodyStart(), data.length);
  }

  /** Whether {@code Cache-Control} has {@code no-cache}: every use must be validated. */
  public boolean noCache() {
    return (bits & NO_CACHE) != 0;
  }

  /** The directives of {@code Cache-Control}, parsed from the head (each call parses). */
  public CacheControl cacheControl() {
    return CacheControl.parse(headers().getAll("Cache-Control"));
  }

  /** Freshness lifetime in milliseconds (§4.2.1), heuristic included. */
  public long freshnessLifetime() {
    return freshnessLifetime;
  }

  public long responseTime() {
    return responseTime;
  }

  /** The age when it was received (§4.2.3 corrected_initial_age), in milliseconds. */
  public long initialAge() {
    return initialAge;
  }

  /** The current age in milliseconds at {@code now} (§4.2.3). */
  public long currentAge(long now) {
    return initialAge + Math.max(0, now - responseTime);
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
    return StoredHead.original(data, headStart(), headEnd());
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

  /** Whether it is stored under {@code key}. */
  boolean hasKey(String key) {
    int at = headEnd();
    return KeyPrefixes.matches(data, at, at + keyLength(), key);
  }

  @Override
  public boolean equals(Object o) {
    if (o instanceof StoredResponse r) {
      return r == this || Arrays.equals(data, headEnd(), headEnd() + keyLength(),
          r.data, r.headEnd(), r.headEnd() + r.keyLength());
    }
    return o instanceof KeyProbe p && hasKey(p.key());
  }

  /** The key String's hash, so that a {@link KeyProbe} finds it. */
  @Override
  public int hashCode() {
    int at = headEnd();
    return KeyPrefixes.hash(data, at, at + keyLength());
  }

  @Override
  public String toString() {
    return status() + " " + key();
  }

  /**
   * The heap this entry holds, in bytes: this object, its array (key and head included) and the
   * cache's own per-entry cost ({@link Footprint}).
   */
  int weight() {
    return Footprint.entry(data.length);
  }

  private int keyLength() {
    return bits >>> KEY_SHIFT;
  }

  private int headStart() {
    int i = 0;
    while (data[i] < 0) {
      i++;
    }
    return i + 1;
  }

  private int headEnd() {
    int length = 0;
    int i = 0;
    for (int shift = 0; ; shift += 7, i++) {
      length |= (data[i] & 0x7F) << shift;
      if (data[i] >= 0) {
        return i + 1 + length;
      }
    }
  }

  private int bodyStart() {
    return headEnd() + keyLength();
  }

  private static int varintLength(int v) {
    int n = 1;
    while (v >= 0x80) {
      v >>>= 7;
      n++;
    }
    return n;
  }
}
