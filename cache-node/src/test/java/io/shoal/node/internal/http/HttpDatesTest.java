package io.shoal.node.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HttpDatesTest {
  @Test
  void imfFixdateWritesWhatTheFormatterWrites() {
    SplittableRandom random = new SplittableRandom(15);
    long[] edges = {0, 59, 86_399, 86_400, 951_782_400L /* 2000-02-29 */, 4_107_542_400L /* 2100-03-01 */,
        (1L << 32) - 1, 1_798_761_599L};
    for (long s : edges) {
      assertThat(HttpDates.imfFixdate(s)).isEqualTo(HttpDates.format(s * 1000));
    }
    for (int i = 0; i < 20_000; i++) {
      long s = random.nextLong(1L << 32);
      String text = HttpDates.imfFixdate(s);
      assertThat(text).isEqualTo(HttpDates.format(s * 1000));
      assertThat(HttpDates.canonicalSeconds(text)).isEqualTo(s);
      assertThat(HttpDates.parse(text)).isEqualTo(s * 1000);
    }
  }

  @Test
  void canonicalSecondsRefusesWhatWouldNotBeWrittenTheSame() {
    assertThat(HttpDates.canonicalSeconds("Sun, 06 Nov 1994 08:49:37 GMT")).isEqualTo(784_111_777L);
    assertThat(HttpDates.canonicalSeconds(null)).isEqualTo(-1);
    assertThat(HttpDates.canonicalSeconds("Mon, 06 Nov 1994 08:49:37 GMT")).isEqualTo(-1);
    assertThat(HttpDates.canonicalSeconds("Sun, 06 Nov 1994 08:49:60 GMT")).isEqualTo(-1);
    assertThat(HttpDates.canonicalSeconds("Sun, 06 Xyz 1994 08:49:37 GMT")).isEqualTo(-1);
    assertThat(HttpDates.canonicalSeconds("Sun, 06 Nov 1994 08:49:37 gmt")).isEqualTo(-1);
    assertThat(HttpDates.canonicalSeconds("Sun, 07 Nov 2106 08:49:37 GMT")).isEqualTo(-1);
    assertThat(HttpDates.canonicalSeconds("Sunday, 06-Nov-94 08:49:37 GMT")).isEqualTo(-1);
  }
}
