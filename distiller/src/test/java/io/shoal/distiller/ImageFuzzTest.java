package io.shoal.distiller;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes, under any image type, through the service: the original array comes back untouched
 * or a smaller body that ImageIO decodes, never an exception. Under plain {@code mvn verify} Jazzer
 * runs only the seeds in {@code ImageFuzzTestInputs/}; to fuzz, run
 * {@code JAZZER_FUZZ=1 mvn -pl distiller test -Dtest=ImageFuzzTest}.
 */
class ImageFuzzTest {
  private static final DistillService SERVICE = DistillService.builder().threads(1).queue(1)
      .maxPixels(1 << 20).timeout(java.time.Duration.ofMinutes(1))
      .selector(ProfileSelector.builder().defaultProfile("f")
          .profile(Profile.builder("f").quality(30).maxDimension(64).toJpeg(true).build()).build())
      .build();

  @FuzzTest(maxDuration = "60s")
  void anyBytesComeBackUntouchedOrAsADecodableSmallerImage(byte[] input) {
    for (String type : new String[] {"image/jpeg", "image/png", "image/gif"}) {
      Result r = SERVICE.distill(SERVICE.select(Headers.none()), Headers.of("Content-Type", type), input);
      if (r.distilled()) {
        assertThat(r.body().length).isLessThan(input.length);
        assertThat(TestImages.decode(r.body()).getWidth()).isBetween(1, 64);
      } else {
        assertThat(r.body()).isSameAs(input);
        assertThat(r.outcome()).isNotIn(Outcome.ERROR, Outcome.TIMEOUT, Outcome.OVERLOADED);
      }
    }
  }
}
