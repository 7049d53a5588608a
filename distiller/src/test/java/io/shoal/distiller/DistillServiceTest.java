package io.shoal.distiller;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shoal.distiller.fixture.SyntheticImages;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pool (full, slow, failing), the metrics, the Vary and ETag contract. */
class DistillServiceTest {
  private static final byte[] JPEG = SyntheticImages.jpeg(TestImages.photo(1600, 1200, 31), 90);
  private static final Headers JPEG_RESPONSE = Headers.of("Content-Type", "image/jpeg");

  /** A distiller that signals it started, then waits for a latch: a worker held busy. */
  static final class Blocking implements Distiller {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public String name() {
      return "blocking";
    }

    @Override
    public boolean handles(String mediaType) {
      return mediaType.equals("text/x-block");
    }

    @Override
    public Result distill(Input in) throws IOException {
      started.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Result.skipped(Outcome.NOT_SMALLER, name(), in.contentType(), in.body(), null);
    }
  }

  private static DistillService withBlocking(Blocking b, SimpleMeterRegistry meters, Duration timeout) {
    return DistillService.builder().threads(1).queue(0).timeout(timeout).meterRegistry(meters).distiller(b)
        .selector(ProfileSelector.builder().defaultProfile("b")
            .profile(Profile.builder("b").distillers("blocking", "jpeg").build()).build())
        .build();
  }

  @Test
  void whenThePoolIsFullTheOriginalComesBackAtOnceAndIsCounted() throws Exception {
    Blocking blocking = new Blocking();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (DistillService s = withBlocking(blocking, meters, Duration.ofMinutes(5))) {
      Selection sel = s.select(Headers.none());
      CompletableFuture<Result> first = CompletableFuture.supplyAsync(
          () -> s.distill(sel, Headers.of("Content-Type", "text/x-block"), new byte[] {1}));
      assertThat(blocking.started.await(30, TimeUnit.SECONDS)).isTrue();

      Result second = s.distill(sel, JPEG_RESPONSE, JPEG); // the one worker is held: no wait

      assertThat(second.outcome()).isEqualTo(Outcome.OVERLOADED);
      assertThat(second.body()).isSameAs(JPEG);
      assertThat(meters.get("shoal.distiller.skipped").tag("reason", "overloaded").counter().count()).isEqualTo(1);
      assertThat(meters.get("shoal.distiller.active").gauge().value()).isEqualTo(1);
      assertThat(first).isNotDone();

      blocking.release.countDown();
      assertThat(first.get(30, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.NOT_SMALLER);
      assertThat(s.distill(sel, JPEG_RESPONSE, JPEG).outcome()).isEqualTo(Outcome.DISTILLED);
    }
  }

  @Test
  void aDistillationPastTheTimeoutServesTheOriginal() {
    Blocking blocking = new Blocking();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (DistillService s = withBlocking(blocking, meters, Duration.ofMillis(1))) {
      byte[] body = {1, 2, 3};

      Result r = s.distill(s.select(Headers.none()), Headers.of("Content-Type", "text/x-block"), body);

      assertThat(r.outcome()).isEqualTo(Outcome.TIMEOUT);
      assertThat(r.body()).isSameAs(body);
      assertThat(meters.get("shoal.distiller.skipped").tag("reason", "timeout").counter().count()).isEqualTo(1);
    } finally {
      blocking.release.countDown();
    }
  }

  @Test
  void aDistillerThatThrowsIsAnErrorNeverTheCallersProblem() {
    Distiller broken = new Distiller() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public boolean handles(String mediaType) {
        return true;
      }

      @Override
      public Result distill(Input in) {
        throw new IllegalStateException("bug");
      }
    };
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (DistillService s = DistillService.builder().distiller(broken).meterRegistry(meters)
        .selector(ProfileSelector.builder().defaultProfile("x")
            .profile(Profile.builder("x").distillers("broken").build()).build()).build()) {
      Result r = s.distill(s.select(Headers.none()), JPEG_RESPONSE, JPEG);

      assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
      assertThat(r.detail()).contains("bug");
      assertThat(r.body()).isSameAs(JPEG);
      assertThat(meters.get("shoal.distiller.skipped").tag("reason", "error").counter().count()).isEqualTo(1);
    }
  }

  @Test
  void distilledObjectsAreCountedWithBytesInAndOutAndTime() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (DistillService s = DistillService.builder().meterRegistry(meters).build()) {
      Result r = s.distill(s.select(Headers.of("Save-Data", "on")), JPEG_RESPONSE, JPEG);

      assertThat(r.outcome()).isEqualTo(Outcome.DISTILLED);
      assertThat(TestImages.decode(r.body()).getWidth()).isEqualTo(1280);
      assertThat(meters.get("shoal.distiller.distilled").tags("distiller", "jpeg", "profile", "save-data")
          .counter().count()).isEqualTo(1);
      assertThat(meters.get("shoal.distiller.bytes.in").counter().count()).isEqualTo(JPEG.length);
      assertThat(meters.get("shoal.distiller.bytes.out").counter().count()).isEqualTo(r.body().length);
      assertThat(meters.get("shoal.distiller.time").tag("outcome", "distilled").timer().count()).isEqualTo(1);

      Result untouched = s.distill(s.select(Headers.none()), JPEG_RESPONSE, JPEG);
      assertThat(untouched.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(meters.find("shoal.distiller.skipped").counters()).isEmpty(); // no profile: not counted
    }
  }

  @Test
  void varyNamesWhatTheChoiceReadsForDistillableTypesOnly() {
    try (DistillService defaults = DistillService.builder().build();
        DistillService imagesOnly = DistillService.builder().selector(ProfileSelector.builder()
            .profile(Profile.builder("save-data").distillers("jpeg").build())
            .clientHeader("X-Shoal-Profile").build()).build()) {
      assertThat(defaults.vary("image/jpeg")).containsExactly("Save-Data");
      assertThat(defaults.vary("text/html; charset=utf-8")).containsExactly("Save-Data", "Accept-Encoding");
      assertThat(defaults.vary("application/zip")).isEmpty();
      assertThat(defaults.vary(null)).isEmpty();
      assertThat(imagesOnly.vary("image/jpeg")).containsExactly("X-Shoal-Profile", "Save-Data");
      assertThat(imagesOnly.vary("text/html")).isEmpty();
    }
    assertThat(Variants.addVary("Origin", java.util.List.of("Save-Data", "origin"))).isEqualTo("Origin, Save-Data");
    assertThat(Variants.addVary(null, java.util.List.of("Save-Data"))).isEqualTo("Save-Data");
    assertThat(Variants.addVary("*", java.util.List.of("Save-Data"))).isEqualTo("*");
    assertThat(Variants.addVary(null, java.util.List.of())).isNull();
  }

  @Test
  void aDistilledBodyNeverCarriesTheOriginalsEntityTag() {
    try (DistillService s = DistillService.builder().build()) {
      Selection sel = s.select(Headers.of("Save-Data", "on", "Accept-Encoding", "gzip"));
      Result image = s.distill(sel, JPEG_RESPONSE, JPEG);
      Result text = s.distill(sel, Headers.of("Content-Type", "text/plain"), "abc ".repeat(500).getBytes());
      Result skipped = s.distill(sel, Headers.of("Content-Type", "text/plain"), new byte[0]);

      assertThat(Variants.etag("\"v1\"", sel, image)).isEqualTo("\"v1-save-data\"");
      assertThat(Variants.etag("W/\"v1\"", sel, text)).isEqualTo("W/\"v1-save-data-gzip\"");
      assertThat(Variants.etag("\"v1\"", sel, skipped)).isEqualTo("\"v1\"");
      assertThat(Variants.etag("garbage", sel, image)).isNull();
      assertThat(Variants.etag(null, sel, image)).isNull();
    }
  }
}
