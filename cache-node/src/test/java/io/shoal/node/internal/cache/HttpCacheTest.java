package io.shoal.node.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.node.internal.http.Fields;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The store's keys: each response is its own key, so a replaced one must not stay behind as a key. */
class HttpCacheTest {
  private static final Fields HEAD = Fields.builder().add("Cache-Control", "max-age=60").build();

  @Test
  void aStoredResponseIsFoundByItsKeyAndHoldsItsBody() {
    HttpCache cache = new HttpCache(1 << 20);
    String key = "http://example.org/caf\u00e9/\u65e5\u672c?q=\u00ff";
    StoredResponse stored = put(cache, key, "body");

    assertThat(cache.get(key, Fields.empty())).isSameAs(stored);
    assertThat(cache.get("http://example.org/caf\u00e9/\u65e5\u672c?q=\u00fe", Fields.empty())).isNull();
    assertThat(cache.get(key + "x", Fields.empty())).isNull();
    assertThat(stored.key()).isEqualTo(key);
    assertThat(stored.hashCode()).isEqualTo(key.hashCode());
    assertThat(new String(stored.bodyBytes(), StandardCharsets.UTF_8)).isEqualTo("body");
    assertThat(cache.keys(10)).containsExactly(key);
  }

  @Test
  void everyKindOfKeyComesBackAndHashesAsItsString() {
    HttpCache cache = new HttpCache(1 << 20);
    String[] keys = {"http://example.org", "http://example.org/", "https://example.org:8443/a?b=c",
        "no scheme at all", "://odd", "http://h\u00f6st.example/\u00e9", "",
        "http://example.org/v\u0000accept-language=en", "http://example.org/p distilled=mobile;gzip"};
    for (String key : keys) {
      StoredResponse stored = put(cache, key, key);
      assertThat(stored.key()).isEqualTo(key);
      assertThat(stored.hashCode()).as(key).isEqualTo(key.hashCode());
      assertThat(cache.get(key, Fields.empty())).as(key).isSameAs(stored);
    }
    assertThat(cache.entries()).isEqualTo(keys.length);
    assertThat(cache.get("http://example.org/x", Fields.empty())).isNull();
    assertThat(cache.get("http://example.or", Fields.empty())).isNull();
  }

  @Test
  void storingAKeyAgainReplacesTheEntryKeyAndAll() {
    HttpCache cache = new HttpCache(1 << 20);
    put(cache, "http://example.org/a", "first");
    StoredResponse second = put(cache, "http://example.org/a", "second");

    assertThat(cache.entries()).isEqualTo(1);
    assertThat(cache.get("http://example.org/a", Fields.empty())).isSameAs(second);
    assertKeysAreTheirValues(cache);
    assertThat(cache.bytes()).isEqualTo(second.weight());
  }

  @Test
  void aRefreshReplacesTheCurrentResponseOnly() {
    HttpCache cache = new HttpCache(1 << 20);
    StoredResponse old = put(cache, "http://example.org/a", "body");
    StoredResponse fresh = cache.refresh(old, Fields.builder().add("Cache-Control", "max-age=120").build(),
        5_000, 5_001, 120_000);

    assertThat(cache.get("http://example.org/a", Fields.empty())).isSameAs(fresh);
    assertThat(fresh.header("Cache-Control")).isEqualTo("max-age=120");
    assertThat(fresh.bodyBytes()).isEqualTo(old.bodyBytes());
    assertKeysAreTheirValues(cache);

    cache.refresh(old, HEAD, 6_000, 6_001, 60_000); // old is no longer the stored one
    assertThat(cache.get("http://example.org/a", Fields.empty())).isSameAs(fresh);
  }

  @Test
  void variantsAreStoredAndInvalidatedUnderTheirPrimaryKey() {
    HttpCache cache = new HttpCache(1 << 20);
    Fields vary = Fields.builder().add("Vary", "Accept-Language").build();
    Fields en = Fields.builder().add("Accept-Language", "en").build();
    Fields de = Fields.builder().add("Accept-Language", "de").build();
    StoredResponse english = cache.put("http://example.org/v", en, 200, vary, new byte[1], 0, 0, 60_000, null);
    StoredResponse german = cache.put("http://example.org/v", de, 200, vary, new byte[2], 0, 0, 60_000, null);

    assertThat(cache.get("http://example.org/v", en)).isSameAs(english);
    assertThat(cache.get("http://example.org/v", de)).isSameAs(german);
    assertThat(cache.keys(10)).containsExactly("http://example.org/v");
    assertThat(cache.invalidate("http://example.org/v")).isEqualTo(2);
    assertThat(cache.entries()).isZero();
  }

  private static StoredResponse put(HttpCache cache, String key, String body) {
    return cache.put(key, Fields.empty(), 200, HEAD, body.getBytes(StandardCharsets.UTF_8), 1_000, 1_001, 60_000, null);
  }

  private static void assertKeysAreTheirValues(HttpCache cache) {
    for (Map.Entry<Object, StoredResponse> e : cache.responses().asMap().entrySet()) {
      assertThat(e.getKey()).isSameAs(e.getValue());
    }
  }
}
