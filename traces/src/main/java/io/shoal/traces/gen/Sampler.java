package io.shoal.traces.gen;

import java.util.SplittableRandom;

/** Draws from the distributions of the SURGE model; one per stream of draws, seeded. */
final class Sampler {
  private final SplittableRandom random;

  Sampler(SplittableRandom random) {
    this.random = random;
  }

  /** Uniform in (0, 1]. */
  double uniform() {
    return 1.0 - random.nextDouble();
  }

  /** Lognormal: {@code exp(mu + sigma Z)}. */
  double lognormal(double mu, double sigma) {
    return Math.exp(mu + sigma * gaussian());
  }

  /** Pareto with minimum {@code k} and tail index {@code alpha}: {@code k / U^(1/alpha)}. */
  double pareto(double k, double alpha) {
    return k / Math.pow(uniform(), 1.0 / alpha);
  }

  /** Weibull with shape {@code alpha} and scale {@code beta}. */
  double weibull(double alpha, double beta) {
    return beta * Math.pow(-Math.log(uniform()), 1.0 / alpha);
  }

  /** Standard normal (Box-Muller, one of the pair). */
  double gaussian() {
    return Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  /** Uniform in [0, bound). */
  int nextInt(int bound) {
    return random.nextInt(bound);
  }
}
