package io.shoal.distiller;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shoal.distiller.fixture.SyntheticImages;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input (truncated, garbled, mislabelled, pixel bombs, empty, unsupported),
 * through the service as a node calls it: the very original array comes back, with the reason,
 * the reason is counted, and nothing is thrown.
 */
class BadInputTest {
  private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();
  private static final DistillService SERVICE = DistillService.builder()
      .selector(ProfileSelector.builder().defaultProfile("all").profile(
          Profile.builder("all").maxDimension(640).toJpeg(true).build()).build())
      .meterRegistry(METERS).build();

  private static final byte[] JPEG = SyntheticImages.jpeg(TestImages.photo(800, 600, 11), 90);
  private static final byte[] PNG = TestImages.png(TestImages.photo(700, 500, 12));
  private static final byte[] GIF = TestImages.gif(TestImages.photo(700, 500, 13));

  @AfterAll
  static void close() {
    SERVICE.close();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("truncated JPEG", "image/jpeg", Arrays.copyOf(JPEG, JPEG.length / 2), Outcome.CORRUPT),
        Arguments.of("JPEG cut in its header", "image/jpeg", Arrays.copyOf(JPEG, 300), Outcome.CORRUPT),
        Arguments.of("truncated PNG", "image/png", Arrays.copyOf(PNG, PNG.length / 2), Outcome.CORRUPT),
        Arguments.of("truncated GIF", "image/gif", Arrays.copyOf(GIF, GIF.length / 2), Outcome.CORRUPT),
        Arguments.of("JPEG with garbage scan data", "image/jpeg", garbled(JPEG, 700), Outcome.CORRUPT),
        Arguments.of("random bytes as JPEG", "image/jpeg", random(5000), Outcome.CORRUPT),
        Arguments.of("random bytes as PNG", "image/png", random(5000), Outcome.CORRUPT),
        Arguments.of("PNG labelled image/jpeg", "image/jpeg", PNG, Outcome.CORRUPT),
        Arguments.of("HTML labelled image/gif", "image/gif", "<html>hello</html>".getBytes(), Outcome.CORRUPT),
        Arguments.of("JPEG labelled octet-stream", "application/octet-stream", JPEG, Outcome.NOT_APPLICABLE),
        Arguments.of("JPEG without a content type", null, JPEG, Outcome.NOT_APPLICABLE),
        Arguments.of("JPEG bomb 60000x60000", "image/jpeg", TestImages.jpegDeclaring(JPEG, 60000, 60000), Outcome.TOO_MANY_PIXELS),
        Arguments.of("PNG bomb 100000x100000", "image/png", TestImages.pngDeclaring(PNG, 100_000, 100_000), Outcome.TOO_MANY_PIXELS),
        Arguments.of("GIF bomb 65535x65535", "image/gif", TestImages.gifDeclaring(GIF, 65535, 65535), Outcome.TOO_MANY_PIXELS),
        Arguments.of("zero-byte JPEG", "image/jpeg", new byte[0], Outcome.EMPTY),
        Arguments.of("zero-byte text", "text/html", new byte[0], Outcome.EMPTY),
        Arguments.of("CMYK JPEG", "image/jpeg", TestImages.cmykJpeg(300, 200), Outcome.UNSUPPORTED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void originalIsServedUnchangedAndTheReasonCounted(String what, String type, byte[] body, Outcome expected) {
    double before = skipped(expected);
    Headers response = type == null ? Headers.none() : Headers.of("Content-Type", type);

    Result r = SERVICE.distill(SERVICE.select(Headers.of("Accept-Encoding", "gzip")), response, body);

    assertThat(r.outcome()).as(r.toString()).isEqualTo(expected);
    assertThat(r.distilled()).isFalse();
    assertThat(r.body()).isSameAs(body);
    assertThat(r.contentType()).isEqualTo(type);
    assertThat(r.contentEncoding()).isNull();
    assertThat(skipped(expected)).isEqualTo(before + 1);
  }

  private static double skipped(Outcome o) {
    return METERS.find("shoal.distiller.skipped").tag("reason", o.tag()).counters().stream()
        .mapToDouble(c -> c.count()).sum();
  }

  private static byte[] garbled(byte[] jpeg, int from) {
    byte[] b = jpeg.clone();
    Random r = new Random(5);
    for (int i = from; i < b.length - 2; i++) {
      b[i] = (byte) r.nextInt(256);
      if (b[i] == (byte) 0xFF) {
        b[i] = (byte) 0xFE;
      }
    }
    for (int i = from; i < from + 400; i++) {
      b[i] = (byte) 0xFF; // fill bytes then an invalid marker
    }
    b[from + 400] = 0x01;
    return b;
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }
}
