package io.wavesync.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void nearestRankPicksTheSampleAtCeilingOfPTimesNOfTheSortedSamples() {
    List<Double> samples = new ArrayList<>();
    for (int i = 100; i >= 1; i--) {
      samples.add((double) i); // unsorted on purpose
    }
    Percentiles.Summary s = Percentiles.summarize(samples);
    assertThat(s.count()).isEqualTo(100);
    assertThat(s.p50()).isEqualTo(50.0);
    assertThat(s.p95()).isEqualTo(95.0);
    assertThat(s.p99()).isEqualTo(99.0);
    assertThat(s.max()).isEqualTo(100.0);
    assertThat(s.mean()).isEqualTo(50.5);
  }

  @Test
  void aPercentileIsAlwaysAMeasuredValueEvenWithFewSamples() {
    Percentiles.Summary s = Percentiles.summarize(List.of(3.0, 1.0, 2.0));
    assertThat(s.p50()).isEqualTo(2.0);
    assertThat(s.p95()).isEqualTo(3.0);
    assertThat(s.p99()).isEqualTo(3.0);
    assertThat(Percentiles.summarize(List.of(7.0)).p50()).isEqualTo(7.0);
  }

  @Test
  void noSamplesGiveNaNAndABadPercentileIsRefused() {
    Percentiles.Summary s = Percentiles.summarize(List.of());
    assertThat(s.count()).isZero();
    assertThat(s.p50()).isNaN();
    assertThatThrownBy(() -> Percentiles.nearestRank(new double[] {1}, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.nearestRank(new double[] {1}, 101))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
