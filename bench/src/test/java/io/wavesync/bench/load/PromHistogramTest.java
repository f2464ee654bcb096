package io.wavesync.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PromHistogramTest {

  static final String NAME = "wavesync_wave_transition_seconds";

  static String scrape(double presyncLow, double presyncMid, double presyncAll, double syncAll,
      double sum) {
    return """
        # HELP wavesync_wave_transition_seconds latency
        # TYPE wavesync_wave_transition_seconds histogram
        wavesync_wave_transition_seconds_bucket{phase="PreSync",le="0.01"} %s
        wavesync_wave_transition_seconds_bucket{phase="PreSync",le="0.02"} %s
        wavesync_wave_transition_seconds_bucket{phase="PreSync",le="+Inf"} %s
        wavesync_wave_transition_seconds_count{phase="PreSync"} %s # {span_id="1cb0",trace_id="c521"} 1.0 1795648273.462
        wavesync_wave_transition_seconds_sum{phase="PreSync"} %s
        wavesync_wave_transition_seconds_bucket{phase="Sync",le="0.01"} 0.0
        wavesync_wave_transition_seconds_bucket{phase="Sync",le="0.02"} %s
        wavesync_wave_transition_seconds_bucket{phase="Sync",le="+Inf"} %s
        wavesync_wave_transition_seconds_count{phase="Sync"} %s
        wavesync_wave_transition_seconds_sum{phase="Sync"} 0.0
        wavesync_wave_transition_seconds_max{phase="Sync"} 0.02
        wavesync_other_seconds_bucket{le="0.01"} 99.0
        """.formatted(presyncLow, presyncMid, presyncAll, presyncAll, sum, syncAll, syncAll,
        syncAll);
  }

  @Test
  void seriesOfEveryPhaseAreSummedPerBucketAndExemplarsAreIgnored() {
    PromHistogram h = PromHistogram.parse(scrape(4, 6, 8, 2, 0.1), NAME);
    assertThat(h.buckets()).containsEntry(0.01, 4.0).containsEntry(0.02, 8.0)
        .containsEntry(Double.POSITIVE_INFINITY, 10.0).hasSize(3);
    assertThat(h.count()).isEqualTo(10.0);
    assertThat(h.sum()).isEqualTo(0.1);
  }

  @Test
  void theDifferenceOfTwoScrapesIsWhatWasRecordedInBetween() {
    PromHistogram before = PromHistogram.parse(scrape(4, 6, 8, 2, 0.1), NAME);
    PromHistogram after = PromHistogram.parse(scrape(14, 16, 18, 2, 0.2), NAME);
    PromHistogram diff = after.minus(before);
    assertThat(diff.buckets()).containsEntry(0.01, 10.0).containsEntry(0.02, 10.0)
        .containsEntry(Double.POSITIVE_INFINITY, 10.0);
    assertThat(diff.count()).isEqualTo(10.0);
    assertThat(diff.mean()).isCloseTo(0.01, within(1e-9));
    // all ten in the first bucket: interpolated between 0 and 10 ms
    assertThat(diff.quantile(0.5)).isCloseTo(0.005, within(1e-9));
  }

  @Test
  void aQuantileIsInterpolatedInsideItsBucketLikeHistogramQuantile() {
    PromHistogram h = PromHistogram.parse(scrape(4, 6, 8, 2, 0.1), NAME);
    // 10 in all: rank 5 is the 1st of the 4 in (0.01, 0.02] → 0.01 + 0.01 * 1/4
    assertThat(h.quantile(0.5)).isCloseTo(0.0125, within(1e-9));
    // rank 9.9 lies in +Inf: the highest finite bound
    assertThat(h.quantile(0.99)).isEqualTo(0.02);
  }

  @Test
  void aScrapeWithoutTheMetricGivesNoQuantile() {
    PromHistogram h = PromHistogram.parse("jvm_threads_live_threads 12.0\n", NAME);
    assertThat(h.count()).isZero();
    assertThat(h.quantile(0.5)).isNaN();
    assertThat(h.mean()).isNaN();
  }
}
