package io.wavesync.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class EventCountersTest {

  private static double count(MeterRegistry registry, String name) {
    return registry.get(name).tag("service", "test-service").counter().count();
  }

  @Test
  void theSeriesExistBeforeTheFirstRecord() {
    MeterRegistry registry = new SimpleMeterRegistry();
    new EventCounters(registry, "test-service", "Records read");

    assertThat(count(registry, "wavesync.events.consumed")).isZero();
    assertThat(count(registry, "wavesync.events.failed")).isZero();
    assertThat(count(registry, "wavesync.events.dlq")).isZero();
  }

  @Test
  void aDeadLetteredRecordCountsAsFailedToo() {
    MeterRegistry registry = new SimpleMeterRegistry();
    EventCounters counters = new EventCounters(registry, "test-service", "Records read");
    counters.consumed();
    counters.consumed();
    counters.deadLettered();

    assertThat(count(registry, "wavesync.events.consumed")).isEqualTo(2);
    assertThat(count(registry, "wavesync.events.failed")).isEqualTo(1);
    assertThat(count(registry, "wavesync.events.dlq")).isEqualTo(1);
  }
}
