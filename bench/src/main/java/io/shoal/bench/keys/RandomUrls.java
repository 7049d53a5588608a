package io.shoal.bench.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic pseudo-random absolute URLs shaped like proxy traffic: a few hundred hosts,
 * nested paths, an extension and sometimes a query; 40 to 120 bytes long. The same seed gives
 * the same URLs on every JVM.
 */
public final class RandomUrls {
  private static final String[] TLDS = {"com", "net", "org", "co.kr", "ac.kr", "edu"};
  private static final String[] EXTENSIONS = {"html", "jpg", "png", "gif", "css", "js", "txt"};
  private static final String[] WORDS = {"images", "static", "news", "2002", "article", "thumb",
      "media", "assets", "view", "board", "member", "photo", "data", "files", "common"};
  private static final int MIN_LENGTH = 40;
  private static final int MAX_LENGTH = 120;

  private RandomUrls() {}

  /** {@code count} URLs from {@code seed}; duplicates are possible but rare. */
  public static List<String> generate(int count, long seed) {
    if (count < 0) {
      throw new IllegalArgumentException("count: " + count + " (expected: >= 0)");
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<String> urls = new ArrayList<>(count);
    while (urls.size() < count) {
      String url = one(random);
      if (url.length() >= MIN_LENGTH && url.length() <= MAX_LENGTH) {
        urls.add(url);
      }
    }
    return urls;
  }

  private static String one(SplittableRandom random) {
    StringBuilder url = new StringBuilder("http://");
    url.append(random.nextInt(3) == 0 ? "img" : "www").append(random.nextInt(400))
        .append(".site").append(random.nextInt(50)).append('.')
        .append(TLDS[random.nextInt(TLDS.length)]);
    int depth = 1 + random.nextInt(4);
    for (int i = 0; i < depth; i++) {
      url.append('/').append(WORDS[random.nextInt(WORDS.length)]);
    }
    url.append('/').append(Long.toHexString(random.nextLong() >>> random.nextInt(8, 40)))
        .append('.').append(EXTENSIONS[random.nextInt(EXTENSIONS.length)]);
    if (random.nextInt(4) == 0) {
      url.append("?id=").append(random.nextInt(1_000_000));
    }
    return url.toString();
  }
}
