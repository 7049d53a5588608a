package io.shoal.hashing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The key a strategy places: a normalized absolute URL (normalization itself belongs to the
 * router), held as its UTF-8 bytes. A key knows nothing of hash functions; each strategy hashes
 * the bytes its own way.
 */
public final class CacheKey {
  private final String text;
  private final byte[] bytes;

  private CacheKey(String text) {
    this.text = text;
    this.bytes = text.getBytes(StandardCharsets.UTF_8);
  }

  /** The key for {@code text}, used as given. */
  public static CacheKey of(String text) {
    Objects.requireNonNull(text, "key");
    return new CacheKey(text);
  }

  /** The key's UTF-8 bytes; callers must not modify the array. */
  public byte[] bytes() {
    return bytes;
  }

  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CacheKey && Arrays.equals(bytes, ((CacheKey) o).bytes);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
