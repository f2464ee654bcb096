package io.wavesync.cleanup.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The cleanup service's metrics, with fixed names (Prometheus: {@code
 * wavesync_events_consumed_total}, {@code wavesync_events_failed_total}, {@code
 * wavesync_events_dlq_total}, {@code wavesync_cleanup_actions_total}).
 */
@ApplicationScoped
public class CleanupMetrics {

  static final String SERVICE = "cleanup-service";

  private final MeterRegistry registry;
  private final Counter consumed;
  private final Counter failed;
  private final Counter deadLettered;

  public CleanupMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.consumed = Counter.builder("wavesync.events.consumed")
        .description("Records read from the cleanup topic").tag("service", SERVICE)
        .register(registry);
    this.failed = Counter.builder("wavesync.events.failed")
        .description("Records that could not be processed").tag("service", SERVICE)
        .register(registry);
    this.deadLettered = Counter.builder("wavesync.events.dlq")
        .description("Records sent to a dead-letter topic").tag("service", SERVICE)
        .register(registry);
  }

  // registered at startup so that the series exist before the first record
  void onStart(@Observes StartupEvent event) {
    consumed.count();
  }

  public void consumed() {
    consumed.increment();
  }

  /** A record that could not be processed and goes to the dead-letter topic. */
  public void deadLettered() {
    failed.increment();
    deadLettered.increment();
  }

  /** One cleanup action and how it ended. */
  public void action(String action, String outcome) {
    Counter.builder("wavesync.cleanup.actions")
        .description("Cleanup actions carried out")
        .tag("action", action).tag("outcome", outcome)
        .register(registry).increment();
  }
}
