package io.shoal.node.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.shoal.node.internal.http.Fields;
import java.lang.management.ManagementFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * The cache's weigher against the heap its entries really take: the growth of the live heap
 * (a class histogram, which collects first, so only reachable objects count) while the cache is
 * filled, against what the cache says it holds. Deterministic: sizes, not times.
 */
class StoredResponseFootprintTest {
  private static final int ENTRIES = 20_000;
  private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)");

  @Test
  void theWeigherCountsTheHeapTheEntriesTakeWithinThreePercent() throws Exception {
    fill(new HttpCache(1L << 40), 100); // loads and warms what the fill uses, then is dropped
    liveBytes();
    HttpCache cache = new HttpCache(1L << 40);
    long before = liveBytes();
    fill(cache, ENTRIES);
    long weighed = cache.bytes();
    long grown = liveBytes() - before;

    assertThat(cache.entries()).isEqualTo(ENTRIES);
    assertThat((double) weighed).isCloseTo(grown, within(grown * 0.03));
  }

  private static void fill(HttpCache cache, int entries) {
    for (int i = 0; i < entries; i++) {
      int bodySize = 1024 + i % 7 * 100;
      Fields headers = Fields.builder()
          .add("ETag", "\"" + Integer.toHexString(i * 31 + 7) + "\"")
          .add("Cache-Control", "max-age=86400")
          .add("Last-Modified", "Sat, 01 Jan 2000 00:00:00 GMT")
          .add("X-Origin-Size", Integer.toString(bodySize))
          .add("Content-Type", "text/html")
          .add("Date", "Sun, 06 Dec 2026 16:43:37 GMT")
          .add("X-Odd-" + i % 3, "x".repeat(i % 50))
          .build();
      cache.put("http://127.0.0.1:40123/o/1024/" + i + ".html", Fields.empty(), 200, headers,
          new byte[bodySize], 1_000, 1_001, 60_000, null);
    }
  }

  /** The bytes of all live objects, from the histogram of the diagnostic command bean (collects first). */
  private static long liveBytes() throws Exception {
    ObjectName bean = new ObjectName("com.sun.management:type=DiagnosticCommand");
    String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(bean, "gcClassHistogram",
        new Object[] {new String[0]}, new String[] {String[].class.getName()});
    Matcher m = TOTAL.matcher(text);
    assertThat(m.find()).as("a Total line in %s", text.lines().reduce((a, b) -> b).orElse("")).isTrue();
    return Long.parseLong(m.group(1));
  }
}
