package io.wavesync.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Prometheus histogram read from a {@code /q/metrics} scrape, its series summed (all label
 * sets, e.g. every phase, added up per bucket bound), so that two scrapes can be subtracted and the
 * quantiles of what happened in between estimated the way PromQL's {@code histogram_quantile}
 * does: linear interpolation inside the bucket the rank falls in.
 *
 * @param buckets cumulative counts by upper bound ({@code +Inf} as {@link Double#POSITIVE_INFINITY})
 * @param count the {@code _count} samples summed
 * @param sum the {@code _sum} samples summed (seconds for timers)
 */
public record PromHistogram(TreeMap<Double, Double> buckets, double count, double sum) {

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)\\})?\\s+(\\S+)(\\s+\\S+)?$");
  private static final Pattern LE = Pattern.compile("(?:^|,)\\s*le=\"([^\"]*)\"");

  public static final PromHistogram EMPTY = new PromHistogram(new TreeMap<>(), 0, 0);

  /**
   * Reads histogram {@code name} (the base name, e.g. {@code wavesync_wave_transition_seconds})
   * from the Prometheus text format; a scrape without it gives {@link #EMPTY}.
   */
  public static PromHistogram parse(String text, String name) {
    TreeMap<Double, Double> buckets = new TreeMap<>();
    double count = 0;
    double sum = 0;
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      // OpenMetrics exemplars follow the value after " # ": they are not part of the sample
      int exemplar = line.indexOf(" # ");
      String sample = exemplar >= 0 ? line.substring(0, exemplar) : line;
      Matcher m = SAMPLE.matcher(sample.trim());
      if (!m.matches()) {
        continue;
      }
      String metric = m.group(1);
      double value = number(m.group(4));
      if (metric.equals(name + "_bucket")) {
        Matcher le = LE.matcher(m.group(3) == null ? "" : m.group(3));
        if (le.find()) {
          buckets.merge(number(le.group(1)), value, Double::sum);
        }
      } else if (metric.equals(name + "_count")) {
        count += value;
      } else if (metric.equals(name + "_sum")) {
        sum += value;
      }
    }
    return new PromHistogram(buckets, count, sum);
  }

  /** What was recorded between {@code before} and this scrape: bucket by bucket differences. */
  public PromHistogram minus(PromHistogram before) {
    TreeMap<Double, Double> diff = new TreeMap<>();
    for (Map.Entry<Double, Double> e : buckets.entrySet()) {
      diff.put(e.getKey(), e.getValue() - before.buckets.getOrDefault(e.getKey(), 0.0));
    }
    return new PromHistogram(diff, count - before.count, sum - before.sum);
  }

  /** Mean of the recorded values, NaN when none. */
  public double mean() {
    return count > 0 ? sum / count : Double.NaN;
  }

  /**
   * The q-quantile (0 &lt; q &lt; 1) as {@code histogram_quantile} computes it: find the first
   * bucket whose cumulative count reaches q · total and interpolate linearly between its lower and
   * upper bound (the lowest bucket starts at 0; a rank in the {@code +Inf} bucket gives the highest
   * finite bound). NaN when nothing was recorded.
   */
  public double quantile(double q) {
    if (buckets.isEmpty()) {
      return Double.NaN;
    }
    double total = buckets.lastEntry().getValue();
    if (total <= 0) {
      return Double.NaN;
    }
    double rank = q * total;
    double lowerBound = 0;
    double lowerCount = 0;
    List<Map.Entry<Double, Double>> entries = new ArrayList<>(buckets.entrySet());
    for (Map.Entry<Double, Double> e : entries) {
      double upper = e.getKey();
      double cumulative = e.getValue();
      if (cumulative >= rank) {
        if (Double.isInfinite(upper)) {
          return lowerBound;
        }
        double inBucket = cumulative - lowerCount;
        if (inBucket <= 0) {
          return upper;
        }
        return lowerBound + (upper - lowerBound) * (rank - lowerCount) / inBucket;
      }
      lowerBound = upper;
      lowerCount = cumulative;
    }
    return lowerBound;
  }

  private static double number(String text) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }
}
