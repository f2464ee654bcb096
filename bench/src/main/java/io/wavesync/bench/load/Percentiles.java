package io.wavesync.bench.load;

import java.util.Arrays;
import java.util.Collection;

/**
 * Percentiles of measured samples, by the nearest-rank method: the p-th percentile of n sorted
 * samples is the sample at rank ceil(p/100 · n) (1-based), so it is always a measured value.
 */
public final class Percentiles {

  /** Count, mean, p50, p95, p99 and max of a set of samples (all NaN when there are none). */
  public record Summary(int count, double mean, double p50, double p95, double p99, double max) {
    static final Summary EMPTY =
        new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }

  private Percentiles() {}

  public static Summary summarize(Collection<Double> samples) {
    double[] values = samples.stream().mapToDouble(Double::doubleValue).toArray();
    return summarize(values);
  }

  public static Summary summarize(double[] samples) {
    if (samples.length == 0) {
      return Summary.EMPTY;
    }
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (double v : sorted) {
      sum += v;
    }
    return new Summary(sorted.length, sum / sorted.length, nearestRank(sorted, 50),
        nearestRank(sorted, 95), nearestRank(sorted, 99), sorted[sorted.length - 1]);
  }

  /**
   * The {@code percentile}-th percentile (0 &lt; percentile ≤ 100) of already sorted samples.
   *
   * @throws IllegalArgumentException if there are no samples or the percentile is out of range
   */
  public static double nearestRank(double[] sorted, double percentile) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    if (!(percentile > 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], not " + percentile);
    }
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
    return sorted[Math.max(1, rank) - 1];
  }
}
