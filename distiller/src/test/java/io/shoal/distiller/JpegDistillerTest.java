package io.shoal.distiller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.shoal.distiller.fixture.SyntheticImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The JPEG distiller on synthetic Java2D photos: decodable, smaller, fitted, upright. */
class JpegDistillerTest {
  private static final Distiller JPEG = Distiller.jpeg();

  static Stream<Arguments> sizes() {
    return Stream.of(
        Arguments.of(1600, 1200, 800),
        Arguments.of(1200, 1600, 800),
        Arguments.of(2000, 500, 1280),
        Arguments.of(333, 1999, 100),
        Arguments.of(640, 480, 1280)); // smaller than the limit: not enlarged
  }

  @ParameterizedTest(name = "{0}x{1} within {2}")
  @MethodSource("sizes")
  void distilledJpegDecodesIsSmallerAndFitsKeepingTheAspectRatio(int w, int h, int max) throws IOException {
    byte[] original = SyntheticImages.jpeg(TestImages.photo(w, h, w + h), 90);
    Profile p = Profile.builder("t").quality(50).maxDimension(max).build();

    Result r = JPEG.distill(Input.of("image/jpeg", original, p));

    assertThat(r.outcome()).isEqualTo(Outcome.DISTILLED);
    assertThat(r.contentType()).isEqualTo("image/jpeg");
    assertThat(r.contentEncoding()).isNull();
    assertThat(r.body().length).isLessThan(original.length);
    BufferedImage out = TestImages.decode(r.body());
    int expectedMax = Math.min(max, Math.max(w, h));
    assertThat(Math.max(out.getWidth(), out.getHeight())).isEqualTo(expectedMax);
    assertThat((double) out.getWidth() / out.getHeight()).isCloseTo((double) w / h, within(0.01 * w / h + 2.0 / out.getHeight()));
  }

  @Test
  void noResizeKeepsTheSizeAndLowerQualityIsSmaller() throws IOException {
    // Orientation 1 and no resize: the raster fast path, which must drop the EXIF segment.
    byte[] original = TestImages.withOrientation(SyntheticImages.jpeg(TestImages.photo(800, 600, 1), 90), 1);
    Result q80 = JPEG.distill(Input.of("image/jpeg", original, Profile.builder("a").quality(80).build()));
    Result q40 = JPEG.distill(Input.of("image/jpeg", original, Profile.builder("b").quality(40).build()));

    assertThat(q40.body().length).isLessThan(q80.body().length);
    BufferedImage out = TestImages.decode(q40.body());
    assertThat(out.getWidth()).isEqualTo(800);
    assertThat(out.getHeight()).isEqualTo(600);
    assertThat(meanAbsoluteError(TestImages.decode(original), out)).isLessThan(12);
    assertThat(latin1(original)).contains("Exif");
    assertThat(latin1(q40.body())).doesNotContain("Exif");
    assertThat(q40.body()[q40.body().length - 1]).isEqualTo((byte) 0xD9); // ends with EOI
  }

  @Test
  void rasterFastPathMatchesAnRgbReencodeInSizeAndPixels() throws IOException {
    byte[] original = SyntheticImages.jpeg(TestImages.photo(800, 600, 5), 90);
    BufferedImage decoded = TestImages.decode(original);
    byte[] viaRgb = SyntheticImages.jpeg(decoded, 50); // the JDK's own decode-to-RGB-and-encode at q50

    Result fast = JPEG.distill(Input.of("image/jpeg", original, Profile.builder("f").quality(50).build()));

    // Same quantization and Huffman tables (standard) and subsampling: about the same size.
    assertThat((double) fast.body().length).isCloseTo(viaRgb.length, within(viaRgb.length * 0.05));
    BufferedImage out = TestImages.decode(fast.body());
    assertThat(meanAbsoluteError(decoded, out)).isLessThan(meanAbsoluteError(decoded, TestImages.decode(viaRgb)) * 1.2 + 0.5);
  }

  private static String latin1(byte[] b) {
    return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  static Stream<Arguments> huffmanPaths() {
    byte[] photo = SyntheticImages.jpeg(TestImages.photo(800, 600, 7), 90);
    return Stream.of(
        Arguments.of("jpeg, raster fast path", Distiller.jpeg(), "image/jpeg", photo, 0, 800, 600),
        Arguments.of("jpeg, resized", Distiller.jpeg(), "image/jpeg", photo, 400, 400, 300),
        Arguments.of("jpeg, rotated", Distiller.jpeg(), "image/jpeg", TestImages.withOrientation(photo, 6), 0, 600, 800),
        Arguments.of("png to jpeg", Distiller.png(), "image/png", TestImages.png(TestImages.photo(640, 480, 8)), 0, 640, 480),
        Arguments.of("gif to jpeg", Distiller.gif(), "image/gif", TestImages.gif(TestImages.photo(640, 480, 9)), 0, 640, 480));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("huffmanPaths")
  void optimizedHuffmanTablesAreSmallerThanStandardAtTheSameSize(String path, Distiller distiller, String type,
      byte[] original, int max, int width, int height) throws IOException {
    Profile.Builder p = Profile.builder("h").quality(50).maxDimension(max).toJpeg(true);
    Result standard = distiller.distill(Input.of(type, original, p.huffman(Profile.Huffman.STANDARD).build()));
    Result optimized = distiller.distill(Input.of(type, original, p.huffman(Profile.Huffman.OPTIMIZED).build()));

    assertThat(standard.contentType()).isEqualTo("image/jpeg");
    assertThat(optimized.contentType()).isEqualTo("image/jpeg");
    assertThat(optimized.body().length).isLessThan(standard.body().length);
    for (Result r : List.of(standard, optimized)) {
      BufferedImage out = TestImages.decode(r.body());
      assertThat(out.getWidth()).isEqualTo(width);
      assertThat(out.getHeight()).isEqualTo(height);
    }
  }

  @Test
  void alreadySmallJpegIsNotSmallerAndServedUnchanged() throws IOException {
    byte[] original = SyntheticImages.jpeg(TestImages.photo(400, 300, 2), 20);
    Result r = JPEG.distill(Input.of("image/jpeg", original, Profile.builder("q").quality(95).build()));

    assertThat(r.outcome()).isEqualTo(Outcome.NOT_SMALLER);
    assertThat(r.body()).isSameAs(original);
  }

  @Test
  void grayscaleJpegStaysDecodable() throws IOException {
    BufferedImage gray = new BufferedImage(600, 400, BufferedImage.TYPE_BYTE_GRAY);
    gray.getGraphics().drawImage(TestImages.photo(600, 400, 4), 0, 0, null);
    byte[] original = SyntheticImages.jpeg(gray, 95);

    Result r = JPEG.distill(Input.of("image/jpeg", original, Profile.builder("g").maxDimension(300).build()));

    assertThat(r.outcome()).isEqualTo(Outcome.DISTILLED);
    assertThat(TestImages.decode(r.body()).getWidth()).isEqualTo(300);
  }

  /**
   * A red square top-left on white, stored with an EXIF orientation: after distillation (which
   * applies the orientation and drops EXIF) the square is where a viewer honouring EXIF shows it.
   */
  @ParameterizedTest(name = "orientation {0}")
  @CsvSource({
      "1, left, top", "2, right, top", "3, right, bottom", "4, left, bottom",
      "5, left, top", "6, right, top", "7, right, bottom", "8, left, bottom"})
  void exifOrientationIsAppliedToThePixels(int orientation, String side, String end) throws IOException {
    byte[] original = TestImages.withOrientation(SyntheticImages.jpeg(TestImages.marked(400, 200), 95), orientation);
    Profile p = Profile.builder("o").quality(90).maxDimension(200).build();

    Result r = JPEG.distill(Input.of("image/jpeg", original, p));

    assertThat(r.outcome()).isEqualTo(Outcome.DISTILLED);
    BufferedImage out = TestImages.decode(r.body());
    boolean swapped = orientation >= 5;
    assertThat(out.getWidth()).isEqualTo(swapped ? 100 : 200);
    assertThat(out.getHeight()).isEqualTo(swapped ? 200 : 100);
    int x = side.equals("left") ? 5 : out.getWidth() - 6;
    int y = end.equals("top") ? 5 : out.getHeight() - 6;
    assertThat(isRed(out.getRGB(x, y))).as("marker at %s %s", side, end).isTrue();
    assertThat(isRed(out.getRGB(out.getWidth() - 1 - x, out.getHeight() - 1 - y))).isFalse();
    assertThat(new String(r.body(), 0, Math.min(64, r.body().length), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("Exif");
  }

  private static boolean isRed(int rgb) {
    return (rgb >> 16 & 0xFF) > 200 && (rgb >> 8 & 0xFF) < 60 && (rgb & 0xFF) < 60;
  }

  private static double meanAbsoluteError(BufferedImage a, BufferedImage b) {
    long sum = 0;
    for (int y = 0; y < a.getHeight(); y += 3) {
      for (int x = 0; x < a.getWidth(); x += 3) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        sum += Math.abs((p >> 16 & 0xFF) - (q >> 16 & 0xFF)) + Math.abs((p >> 8 & 0xFF) - (q >> 8 & 0xFF))
            + Math.abs((p & 0xFF) - (q & 0xFF));
      }
    }
    return sum / 3.0 / ((a.getHeight() + 2) / 3) / ((a.getWidth() + 2) / 3);
  }
}
