package io.shoal.traces.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.shoal.traces.TraceRequest;
import io.shoal.traces.stats.TraceStats;
import io.shoal.traces.stats.ZipfFit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The generated distributions against the model's parameters. Tolerances are several standard
 * errors wide for the sample sizes used, so a correct generator fails about never.
 */
class SurgeGeneratorTest {

  @Test
  void countsFollowZipfExactly() {
    List<TraceRequest> trace = generate(2000, 200_000, 42);
    TraceStats.Summary s = TraceStats.of(trace.stream(), 1);
    assertThat(s.requests()).isEqualTo(200_000);
    assertThat(s.objects()).isEqualTo(2000);
    // 200000 / H(2000) = 24454.76 requests for rank 1.
    assertThat(s.popularity().top().get(0).requests()).isBetween(24_454L, 24_455L);
    assertThat(s.popularity().zipf().exponent()).isCloseTo(1.0, within(0.02));
    assertThat(s.popularity().zipf().rSquared()).isGreaterThan(0.99);
  }

  @Test
  void otherZipfExponentsToo() {
    SurgeGenerator gen = SurgeGenerator.builder().files(3000).requests(300_000).zipf(0.7).build();
    TraceStats.Summary s;
    try (var requests = gen.requests()) {
      s = TraceStats.of(requests, 1);
    }
    assertThat(s.popularity().zipf().exponent()).isCloseTo(0.7, within(0.02));
  }

  @Test
  void sizesHaveTheLognormalBodyAndTheParetoTail() {
    Sampler sampler = new Sampler(new SplittableRandom(7));
    int n = 200_000;
    double[] sizes = new double[n];
    for (int i = 0; i < n; i++) {
      sizes[i] = SurgeGenerator.size(sampler);
    }
    Arrays.sort(sizes);
    // The median lies in the body: exp(9.357) = 11,588 bytes.
    assertThat(sizes[n / 2]).isCloseTo(Math.exp(SurgeModel.SIZE_BODY_MU), within(300.0));
    // The body's mass above k = 133 KB, P(Z > (ln k - mu)/sigma) = 3.2%, goes to the tail.
    long tail = Arrays.stream(sizes).filter(x -> x > SurgeModel.SIZE_TAIL_K).count();
    assertThat(tail / (double) n).isCloseTo(0.032, within(0.003));
    // Hill estimator of the tail index over the tail: alpha = n / sum(ln(x / k)); se ~ 0.01.
    double logSum = Arrays.stream(sizes).filter(x -> x > SurgeModel.SIZE_TAIL_K)
        .map(x -> Math.log(x / SurgeModel.SIZE_TAIL_K)).sum();
    assertThat(tail / logSum).isCloseTo(SurgeModel.SIZE_TAIL_ALPHA, within(0.06));
    // The body's sigma from its interquartile range: IQR = 2 * 0.6745 sigma.
    double q1 = Math.log(sizes[n / 4]);
    double q3 = Math.log(sizes[3 * n / 4]);
    assertThat((q3 - q1) / (2 * 0.6745)).isCloseTo(SurgeModel.SIZE_BODY_SIGMA, within(0.05));
  }

  @Test
  void embeddedReferencesAndThinkTimesArePareto() {
    Sampler sampler = new Sampler(new SplittableRandom(11));
    int n = 100_000;
    double embedded = 0;
    double[] think = new double[n];
    for (int i = 0; i < n; i++) {
      embedded += SurgeGenerator.embedded(sampler);
      think[i] = sampler.pareto(SurgeModel.THINK_K, SurgeModel.THINK_ALPHA);
    }
    // E[floor(X)] for X ~ Pareto(1, 2.43) is zeta(2.43) = 1.378 (capped at 150: no change).
    assertThat(embedded / n).isCloseTo(1.378, within(0.02));
    Arrays.sort(think);
    // The median of Pareto(k, a) is k * 2^(1/a) = 1.587 s.
    assertThat(think[n / 2]).isCloseTo(Math.pow(2, 1 / SurgeModel.THINK_ALPHA), within(0.03));
  }

  @Test
  void reReferencesAreNearInTheLruStack() {
    List<TraceRequest> trace = generate(2000, 100_000, 3);
    List<TraceRequest> shuffled = new ArrayList<>(trace);
    java.util.Collections.shuffle(shuffled, new java.util.Random(3));
    double generated = medianStackDistance(trace);
    double independent = medianStackDistance(shuffled);
    // The lognormal(1.5, 0.8) depth has median exp(1.5) = 4.5; files dropped from the
    // generator's stack when used up still count in a measured LRU stack, so allow some more.
    assertThat(generated).isBetween(3.0, 12.0);
    assertThat(independent).isGreaterThan(10 * generated);
  }

  @Test
  void timesAreOrderedAndUsersTakeTurns() {
    List<TraceRequest> trace = generate(500, 20_000, 5);
    for (int i = 1; i < trace.size(); i++) {
      assertThat(trace.get(i).timeMicros()).isGreaterThanOrEqualTo(trace.get(i - 1).timeMicros());
    }
    Map<String, Long> perUser = trace.stream()
        .collect(Collectors.groupingBy(TraceRequest::client, Collectors.counting()));
    // Every user requests; think times are heavy-tailed, so some much less than the mean 1%.
    assertThat(perUser).hasSize(100);
    assertThat(perUser.values()).allSatisfy(c -> assertThat(c).isLessThan(20_000 / 20));
  }

  @Test
  void deterministicForASeed() {
    assertThat(generate(300, 5000, 9)).isEqualTo(generate(300, 5000, 9));
    assertThat(generate(300, 5000, 9)).isNotEqualTo(generate(300, 5000, 10));
  }

  @Test
  void builderFailsFast() {
    assertThatThrownBy(() -> SurgeGenerator.builder().files(0))
        .hasMessage("files: 0 (expected: > 0)");
    assertThatThrownBy(() -> SurgeGenerator.builder().requests(-3))
        .hasMessage("requests: -3 (expected: > 0)");
    assertThatThrownBy(() -> SurgeGenerator.builder().users(0))
        .hasMessage("users: 0 (expected: > 0)");
    assertThatThrownBy(() -> SurgeGenerator.builder().zipf(Double.NaN))
        .hasMessage("zipf: NaN (expected: 0..10)");
  }

  static List<TraceRequest> generate(int files, long requests, long seed) {
    try (var stream = SurgeGenerator.builder().files(files).requests(requests).seed(seed).build()
        .requests()) {
      return stream.collect(Collectors.toList());
    }
  }

  /**
   * The median LRU stack depth (0 = the last object requested) of re-references: the number of
   * distinct keys requested since the key's last request, counted with a Fenwick tree over the
   * positions that are the latest request of their key.
   */
  private static double medianStackDistance(List<TraceRequest> trace) {
    int n = trace.size();
    long[] tree = new long[n + 1];
    Map<String, Integer> last = new HashMap<>();
    List<Long> distances = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Integer previous = last.put(trace.get(i).key(), i);
      if (previous != null) {
        distances.add(sum(tree, i) - sum(tree, previous + 1));
        add(tree, previous, -1);
      }
      add(tree, i, 1);
    }
    distances.sort(null);
    return distances.get(distances.size() / 2);
  }

  private static void add(long[] tree, int index, int delta) {
    for (int i = index + 1; i < tree.length; i += i & -i) {
      tree[i] += delta;
    }
  }

  /** The sum over positions [0, end). */
  private static long sum(long[] tree, int end) {
    long sum = 0;
    for (int i = end; i > 0; i -= i & -i) {
      sum += tree[i];
    }
    return sum;
  }
}
