package io.shoal.distiller;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.distiller.fixture.SyntheticImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** PNG stays PNG (alpha kept) unless opaque and the profile allows JPEG; still GIF becomes PNG or JPEG. */
class PngGifDistillerTest {

  @Test
  void translucentPngIsDownscaledAndStaysPngWithItsAlpha() throws IOException {
    byte[] original = TestImages.png(TestImages.translucent(900, 600));
    Profile p = Profile.builder("p").maxDimension(300).toJpeg(true).build();

    Result r = Distiller.png().distill(Input.of("image/png", original, p));

    assertThat(r.outcome()).isEqualTo(Outcome.DISTILLED);
    assertThat(r.contentType()).isEqualTo("image/png");
    BufferedImage out = TestImages.decode(r.body());
    assertThat(out.getWidth()).isEqualTo(300);
    assertThat(out.getHeight()).isEqualTo(200);
    assertThat(out.getRGB(10, 100) >>> 24).isZero();
    assertThat(out.getRGB(290, 100) >>> 24).isEqualTo(0xFF);
  }

  @Test
  void opaquePngBecomesJpegOnlyWhenTheProfileAllows() throws IOException {
    byte[] original = TestImages.png(TestImages.photo(640, 480, 21));

    Result jpeg = Distiller.png().distill(Input.of("image/png", original, Profile.builder("j").toJpeg(true).build()));
    Result kept = Distiller.png().distill(Input.of("image/png", original, Profile.builder("k").build()));

    assertThat(jpeg.outcome()).isEqualTo(Outcome.DISTILLED);
    assertThat(jpeg.contentType()).isEqualTo("image/jpeg");
    assertThat(TestImages.decode(jpeg.body()).getWidth()).isEqualTo(640);
    assertThat(jpeg.body().length).isLessThan(original.length / 3);
    assertThat(kept.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(kept.body()).isSameAs(original);
  }

  @Test
  void stillGifBecomesJpegWhenOpaqueAndAllowedOrAPngOtherwise() throws IOException {
    byte[] original = TestImages.gif(TestImages.photo(800, 400, 22));

    Result jpeg = Distiller.gif().distill(Input.of("image/gif", original, Profile.builder("j").toJpeg(true).build()));
    Result png = Distiller.gif().distill(Input.of("image/gif", original, Profile.builder("p").maxDimension(200).build()));

    assertThat(jpeg.contentType()).isEqualTo("image/jpeg");
    assertThat(TestImages.decode(jpeg.body()).getWidth()).isEqualTo(800);
    assertThat(png.outcome()).isEqualTo(Outcome.DISTILLED);
    assertThat(png.contentType()).isEqualTo("image/png");
    BufferedImage out = TestImages.decode(png.body());
    assertThat(out.getWidth()).isEqualTo(200);
    assertThat(out.getHeight()).isEqualTo(100);
  }

  @Test
  void animatedGifIsUnsupported() throws IOException {
    byte[] animated = AnimatedGif.of(TestImages.photo(100, 80, 1), TestImages.photo(100, 80, 2));

    Result r = Distiller.gif().distill(Input.of("image/gif", animated, Profile.builder("a").toJpeg(true).build()));

    assertThat(r.outcome()).isEqualTo(Outcome.UNSUPPORTED);
    assertThat(r.body()).isSameAs(animated);
  }
}
