package io.shoal.bench.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ObjectUrlsTest {
  @Test
  void idsGetAnExtensionAndTheSizeTravelsInThePath() {
    String p = ObjectUrls.path("123", 4567, 0);
    assertThat(p).isEqualTo("/o/4567/123.html");
    assertThat(ObjectUrls.size(p)).isEqualTo(4567);
    assertThat(ObjectUrls.nameOf(p)).isEqualTo("123.html");
    assertThat(ObjectUrls.extension(ObjectUrls.nameOf(p))).isEqualTo("html");
  }

  @Test
  void urlKeysKeepHostAndPathAndHashTheQuery() {
    assertThat(ObjectUrls.path("http://www.bu.edu/a/b.GIF", 10, 0)).isEqualTo("/o/10/www.bu.edu/a/b.GIF");
    assertThat(ObjectUrls.path("/x y/é.txt", 1, 0)).isEqualTo("/o/1/x%20y/%C3%A9.txt");
    String q1 = ObjectUrls.name("http://h/s.php?a=1", 0);
    String q2 = ObjectUrls.name("http://h/s.php?a=2", 0);
    assertThat(q1).startsWith("h/s.php;q=").isNotEqualTo(q2);
    assertThat(ObjectUrls.extension(q1)).isEqualTo("php");
    assertThat(ObjectUrls.extension("h/a.b/c")).isEmpty();
    assertThat(ObjectUrls.name("http://h/", 0)).isEqualTo("h/");
    assertThat(ObjectUrls.name("/", 0)).isEqualTo("index.html");
  }

  @Test
  void pathsThatAreNotObjectPathsHaveNoSize() {
    assertThat(ObjectUrls.size("/o/x/1.html")).isEqualTo(-1);
    assertThat(ObjectUrls.size("/o//1.html")).isEqualTo(-1);
    assertThat(ObjectUrls.size("/other")).isEqualTo(-1);
    assertThat(ObjectUrls.nameOf("/other/a.html")).isEqualTo("other/a.html");
  }

  @Test
  void imageShareIsAboutTheShareAskedAndStablePerId() {
    long images = IntStream.range(0, 100_000)
        .filter(i -> ObjectUrls.name(Integer.toString(i), 0.3).endsWith(".jpg")).count();
    assertThat(images / 100_000.0).isBetween(0.29, 0.31);
    assertThat(ObjectUrls.name("42", 0.3)).isEqualTo(ObjectUrls.name("42", 0.3));
    assertThat(IntStream.range(0, 1000).filter(i -> ObjectUrls.name("" + i, 0).endsWith(".jpg")).count()).isZero();
    assertThat(IntStream.range(0, 1000).filter(i -> ObjectUrls.name("" + i, 1).endsWith(".jpg")).count()).isEqualTo(1000);
  }

  @Test
  void badArgumentsAreRefused() {
    assertThatThrownBy(() -> ObjectUrls.path("1", -1, 0)).hasMessage("size: -1 (expected: >= 0)");
    assertThatThrownBy(() -> ObjectUrls.path("1", 1, 1.5)).hasMessage("imageShare: 1.5 (expected: 0..1)");
  }
}
