package io.shoal.traces.stats;

/**
 * A least-squares fit of {@code log(count) = c - s log(rank)} to a rank-frequency curve. The
 * ranks used are spaced geometrically (each about 5% past the last), so every decade of rank
 * weighs the same and the thousands of tail ranks do not drown the head; only ranks whose
 * count is at least 2 are used, since the one-timer plateau is flat by construction.
 *
 * @param exponent the Zipf exponent {@code s} (NaN if fewer than 3 ranks qualify)
 * @param rSquared the coefficient of determination of the fit
 * @param ranks how many ranks the fit used
 * @param maxRank the largest rank used
 */
public record ZipfFit(double exponent, double rSquared, int ranks, int maxRank) {

  /** Fits {@code counts}, which must be sorted in descending order. */
  public static ZipfFit of(long[] counts) {
    int last = 0;
    while (last < counts.length && counts[last] >= 2) {
      last++;
    }
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    int n = 0;
    int maxRank = 0;
    for (int rank = 1; rank <= last; rank = Math.max(rank + 1, (int) Math.ceil(rank * 1.05))) {
      double x = Math.log(rank);
      double y = Math.log(counts[rank - 1]);
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
      syy += y * y;
      n++;
      maxRank = rank;
    }
    if (n < 3) {
      return new ZipfFit(Double.NaN, Double.NaN, n, maxRank);
    }
    double vx = sxx - sx * sx / n;
    double vy = syy - sy * sy / n;
    double cxy = sxy - sx * sy / n;
    double slope = cxy / vx;
    double r2 = vy == 0 ? 1 : cxy * cxy / (vx * vy);
    return new ZipfFit(-slope, r2, n, maxRank);
  }
}
