package io.shoal.bench.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Least squares without an intercept and with no cost below 0, of a host's CPU seconds on its
 * counts: a cost the fit puts below 0 is set to 0 and the others fitted again. Columns are scaled
 * to unit length first, so counts of very different sizes stay well conditioned.
 */
final class CpuFit {
  private static final String[] NAMES = {"hits", "misses", "forwardsSent", "forwardsReceived", "relayed"};

  private CpuFit() {}

  static Calibration.Cpu fit(List<Calibration.Observation> observations) {
    Objects.requireNonNull(observations, "observations");
    double[][] x = new double[observations.size()][];
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      Calibration.Observation o = observations.get(i);
      if (!(o.cpuSeconds() >= 0) || Double.isInfinite(o.cpuSeconds())) {
        throw new IllegalArgumentException("fit: observation " + (i + 1) + ": cpuSeconds " + o.cpuSeconds()
            + " (expected: a finite number >= 0)");
      }
      x[i] = new double[] {o.hits(), o.misses(), o.forwardsSent(), o.forwardsReceived(), o.relayed()};
      y[i] = o.cpuSeconds();
    }
    double[] scale = new double[NAMES.length];
    for (int j = 0; j < scale.length; j++) {
      for (double[] row : x) {
        scale[j] += row[j] * row[j];
      }
      scale[j] = Math.sqrt(scale[j]);
      if (scale[j] == 0) {
        throw new IllegalArgumentException("fit: " + NAMES[j] + " is 0 in every observation (expected: runs"
            + " that show each kind: distributed runs at 2 nodes forward, centralized runs relay)");
      }
    }
    List<Integer> free = new ArrayList<>(List.of(0, 1, 2, 3, 4));
    double[] cost = new double[NAMES.length];
    while (true) {
      double[] b = solve(x, y, scale, free);
      int worst = -1;
      for (int k = 0; k < free.size(); k++) {
        if (b[k] < 0 && (worst < 0 || b[k] < b[worst])) {
          worst = k;
        }
      }
      if (worst < 0) {
        java.util.Arrays.fill(cost, 0);
        for (int k = 0; k < free.size(); k++) {
          cost[free.get(k)] = b[k] / scale[free.get(k)];
        }
        return new Calibration.Cpu(cost[0], cost[1], cost[2], cost[3], cost[4]);
      }
      free.remove(worst);
    }
  }

  /** Normal equations over the {@code free} columns (scaled), by Gaussian elimination with pivoting. */
  private static double[] solve(double[][] x, double[] y, double[] scale, List<Integer> free) {
    int n = free.size();
    double[][] a = new double[n][n + 1];
    for (double[] row : x) {
      for (int r = 0; r < n; r++) {
        double xr = row[free.get(r)] / scale[free.get(r)];
        for (int c = 0; c < n; c++) {
          a[r][c] += xr * row[free.get(c)] / scale[free.get(c)];
        }
      }
    }
    for (int i = 0; i < x.length; i++) {
      for (int r = 0; r < n; r++) {
        a[r][n] += x[i][free.get(r)] / scale[free.get(r)] * y[i];
      }
    }
    for (int p = 0; p < n; p++) {
      int best = p;
      for (int r = p + 1; r < n; r++) {
        if (Math.abs(a[r][p]) > Math.abs(a[best][p])) {
          best = r;
        }
      }
      double[] t = a[p];
      a[p] = a[best];
      a[best] = t;
      if (Math.abs(a[p][p]) < 1e-10) {
        throw new IllegalArgumentException("fit: " + NAMES[free.get(p)] + " moves with the other counts in every"
            + " observation (expected: runs where they differ, e.g. centralized and distributed runs, 1 and 2 nodes)");
      }
      for (int r = 0; r < n; r++) {
        if (r != p) {
          double f = a[r][p] / a[p][p];
          for (int c = p; c <= n; c++) {
            a[r][c] -= f * a[p][c];
          }
        }
      }
    }
    double[] b = new double[n];
    for (int r = 0; r < n; r++) {
      b[r] = a[r][n] / a[r][r];
    }
    return b;
  }
}
