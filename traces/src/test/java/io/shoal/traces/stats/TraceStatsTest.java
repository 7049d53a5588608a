package io.shoal.traces.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.shoal.traces.TraceRequest;
import io.shoal.traces.Traces;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TraceStatsTest {
  @Test
  void smallTraceByHand() {
    List<TraceRequest> trace = List.of(
        new TraceRequest(5_000_000, "a", "GET", "/x", 100, 200),
        new TraceRequest(1_000_000, "b", "GET", "/y", 10, 200),
        new TraceRequest(9_000_000, "a", "GET", "/x", 100, 200),
        new TraceRequest(7_000_000, "", "GET", "/z", -1, -1),
        new TraceRequest(8_000_000, "c", "GET", "/x", 300, 200));
    TraceStats.Summary s = TraceStats.of(trace.stream(), 2);
    assertThat(s.requests()).isEqualTo(5);
    assertThat(s.objects()).isEqualTo(3);
    assertThat(s.clients()).isEqualTo(3);
    assertThat(s.bytes().sizedRequests()).isEqualTo(4);
    assertThat(s.bytes().total()).isEqualTo(510);
    assertThat(s.bytes().unique()).isEqualTo(110);
    assertThat(s.popularity().oneTimers()).isEqualTo(2);
    assertThat(s.popularity().top()).containsExactly(new TraceStats.TopObject("/x", 3, 100),
        new TraceStats.TopObject("/y", 1, 10));
    assertThat(s.idealHitRatio()).isEqualTo(2 / 5.0);
    assertThat(s.idealByteHitRatio()).isEqualTo(400 / 510.0);
    assertThat(s.time().first()).isEqualTo(1_000_000);
    assertThat(s.time().last()).isEqualTo(9_000_000);
    assertThat(s.sizes().percentile(50)).isEqualTo(10);
    assertThat(s.sizes().percentile(100)).isEqualTo(100);
  }

  @Test
  void zipfFitRecoversTheExponentOfAnExactPowerLaw() {
    for (double exponent : new double[] {0.6, 1.0, 1.4}) {
      long[] counts = LongStream.rangeClosed(1, 5000)
          .map(r -> Math.round(1e7 * Math.pow(r, -exponent))).filter(c -> c >= 2).toArray();
      ZipfFit fit = ZipfFit.of(counts);
      assertThat(fit.exponent()).isCloseTo(exponent, within(0.01));
      assertThat(fit.rSquared()).isGreaterThan(0.999);
    }
  }

  @Test
  void zipfFitNeedsThreeRanks() {
    assertThat(ZipfFit.of(new long[] {5, 3}).exponent()).isNaN();
    assertThat(ZipfFit.of(new long[0]).ranks()).isZero();
  }

  @Test
  void buTraceMatchesAnIndependentCount() {
    // Oracle: a ten-line Python count of the same file (see traces/README.md).
    TraceStats.Summary s;
    Stream<TraceRequest> requests = Traces.open("webcachesim:classpath:bu-1998-webcachesim.tr.gz").requests();
    try (requests) {
      s = TraceStats.of(requests, 3);
    }
    assertThat(s.requests()).isEqualTo(66_987);
    assertThat(s.objects()).isEqualTo(36_815);
    assertThat(s.popularity().oneTimers()).isEqualTo(29_858);
    assertThat(s.bytes().total()).isEqualTo(485_457_552L);
    assertThat(s.bytes().unique()).isEqualTo(278_854_232L);
    assertThat(s.bytes().repeat()).isEqualTo(206_603_320L);
    List<String> top = new ArrayList<>();
    s.popularity().top().forEach(t -> top.add(t.key() + "=" + t.requests()));
    assertThat(top).containsExactly("134=1031", "2=851", "1=848");
    assertThat(s.popularity().zipf().exponent()).isBetween(0.4, 1.2);
  }
}
