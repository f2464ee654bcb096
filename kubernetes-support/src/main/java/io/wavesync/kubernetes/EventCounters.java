package io.wavesync.kubernetes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * The record counters every consuming service has, under the same names so that one dashboard
 * covers them all (Prometheus: {@code wavesync_events_consumed_total}, {@code
 * wavesync_events_failed_total}, {@code wavesync_events_dlq_total}, each tagged {@code service}).
 * Registered when created, so the series exist before the first record.
 *
 * <p>Takes the registry instead of being a bean: the services own their metrics beans and this
 * library stays free of CDI. Micrometer itself is a provided dependency, which the services'
 * metrics extension brings.
 */
public final class EventCounters {

  private final Counter consumed;
  private final Counter failed;
  private final Counter deadLettered;

  /**
   * @param service the {@code service} tag, e.g. {@code phase-runner-service}
   * @param consumedDescription what the service reads, e.g. "Records read from the wave topics"
   */
  public EventCounters(MeterRegistry registry, String service, String consumedDescription) {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(service, "service");
    this.consumed = Counter.builder("wavesync.events.consumed")
        .description(consumedDescription).tag("service", service)
        .register(registry);
    this.failed = Counter.builder("wavesync.events.failed")
        .description("Records that could not be processed").tag("service", service)
        .register(registry);
    this.deadLettered = Counter.builder("wavesync.events.dlq")
        .description("Records sent to a dead-letter topic").tag("service", service)
        .register(registry);
  }

  /** One record read. */
  public void consumed() {
    consumed.increment();
  }

  /** A record that could not be processed and goes to the dead-letter topic. */
  public void deadLettered() {
    failed.increment();
    deadLettered.increment();
  }
}
