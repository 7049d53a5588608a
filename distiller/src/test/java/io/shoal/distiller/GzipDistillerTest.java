package io.shoal.distiller;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** gzip through the service: which types, which clients, which origin responses; round trips. */
class GzipDistillerTest {
  private static final byte[] TEXT = ("<p>The owner fetches the object from the origin, distills it, "
      + "stores it and serves it.</p>\n").repeat(200).getBytes(StandardCharsets.UTF_8);

  @ParameterizedTest
  @ValueSource(strings = {"text/html; charset=utf-8", "text/css", "TEXT/PLAIN", "application/json",
      "application/ld+json", "application/javascript", "text/javascript", "image/svg+xml",
      "application/xml", "application/atom+xml"})
  void compressibleTypesRoundTripWithTheirContentTypeKept(String type) throws IOException {
    try (DistillService s = DistillService.builder().build()) {
      Result r = s.distill(s.select(Headers.of("Save-Data", "on", "Accept-Encoding", "br, gzip")),
          Headers.of("Content-Type", type), TEXT);

      assertThat(r.outcome()).isEqualTo(Outcome.DISTILLED);
      assertThat(r.contentEncoding()).isEqualTo("gzip");
      assertThat(r.contentType()).isEqualTo(type);
      assertThat(r.body().length).isLessThan(TEXT.length / 5);
      assertThat(new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes()).isEqualTo(TEXT);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "gzip;q=0",
      "identity",
      "br",
      "*;q=0",
      "gzip;q=0, *"})
  void clientsThatDoNotAcceptGzipGetTheOriginal(String acceptEncoding) {
    try (DistillService s = DistillService.builder().build()) {
      Result r = s.distill(s.select(Headers.of("Save-Data", "on", "Accept-Encoding", acceptEncoding)),
          Headers.of("Content-Type", "text/html"), TEXT);

      assertThat(r.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(r.body()).isSameAs(TEXT);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "x-gzip;q=0.5", "*", "deflate, GZIP;q=1.0"})
  void acceptEncodingVariantsThatAdmitGzip(String acceptEncoding) {
    assertThat(ProfileSelector.defaults().select(Headers.of("Save-Data", "on",
        "Accept-Encoding", acceptEncoding)).gzips()).isTrue();
  }

  @Test
  void originCompressedOrNoTransformOrTinyOrBinaryIsLeftAlone() {
    try (DistillService s = DistillService.builder().build()) {
      Selection sel = s.select(Headers.of("Save-Data", "on", "Accept-Encoding", "gzip"));
      assertThat(s.distill(sel, Headers.of("Content-Type", "text/html", "Content-Encoding", "br"), TEXT)
          .outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(s.distill(sel, Headers.of("Content-Type", "text/html", "Cache-Control", "public, no-transform"), TEXT)
          .outcome()).isEqualTo(Outcome.NO_TRANSFORM);
      assertThat(s.distill(sel, Headers.of("Content-Type", "text/plain"), "hi".getBytes(StandardCharsets.UTF_8))
          .outcome()).isEqualTo(Outcome.NOT_SMALLER);
      assertThat(s.distill(sel, Headers.of("Content-Type", "application/zip"), TEXT)
          .outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(s.distill(sel, Headers.of("Content-Type", "text/html", "Content-Encoding", "identity"), TEXT)
          .outcome()).isEqualTo(Outcome.DISTILLED);
    }
  }
}
