package io.shoal.hashing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Test keys and views. */
final class Keys {
  private Keys() {}

  /** {@code count} distinct URL keys, the same on every run. */
  static List<CacheKey> urls(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<CacheKey> keys = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      keys.add(CacheKey.of("http://www" + random.nextInt(500) + ".example.com/images/"
          + Long.toHexString(random.nextLong()) + "/" + i + ".jpg"));
    }
    return keys;
  }

  /** A view of {@code n} weight-1 members named like cache hosts. */
  static View nodes(int n) {
    return View.of(IntStream.range(0, n).mapToObj(i -> "cache" + i + ".shoal:3128").toArray(String[]::new));
  }
}
