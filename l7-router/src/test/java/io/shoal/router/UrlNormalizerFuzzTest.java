package io.shoal.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;

/**
 * Any string either normalizes to a URL that {@link URI} accepts, holds only URL characters and
 * normalizes to itself again, or is refused with an {@link InvalidUrlException} — never another
 * exception. Under plain {@code mvn verify} only the seeds in {@code UrlNormalizerFuzzTestInputs/}
 * run; to fuzz, {@code JAZZER_FUZZ=1 mvn -pl l7-router -am test -Dtest=UrlNormalizerFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class UrlNormalizerFuzzTest {
  private static final UrlNormalizer SORTED = UrlNormalizer.builder().sortQuery(true)
      .ignoreQueryParameters("utm_source").build();

  @FuzzTest(maxDuration = "60s")
  void normalizesOrRefusesCleanly(String input) {
    if (input == null) {
      return;
    }
    for (UrlNormalizer n : new UrlNormalizer[] {UrlNormalizer.defaults(), SORTED}) {
      String key;
      try {
        key = n.normalize(input);
      } catch (InvalidUrlException e) {
        assertThat(e.getMessage()).startsWith("bad URL \"");
        continue;
      }
      assertThat(key).matches("https?://[^/?#]+/.*");
      assertThat(key.chars().allMatch(c -> c > 0x20 && c < 0x7f)).as(key).isTrue();
      assertThat(n.normalize(key)).isEqualTo(key);
      URI.create(key);
      TargetUrl t = n.parse(input);
      URI.create(t.scheme() + "://" + t.authority() + UrlNormalizer.normalizePercent(t.pathAndQuery()));
    }
  }
}
