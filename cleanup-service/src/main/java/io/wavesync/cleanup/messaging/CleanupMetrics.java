package io.wavesync.cleanup.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.wavesync.kubernetes.DeleteCounters;
import io.wavesync.kubernetes.EventCounters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The cleanup service's metrics, with fixed names (Prometheus: {@code
 * wavesync_events_consumed_total}, {@code wavesync_events_failed_total}, {@code
 * wavesync_events_dlq_total}, {@code wavesync_cleanup_actions_total}, {@code
 * wavesync_deletes_total}).
 */
@ApplicationScoped
public class CleanupMetrics {

  static final String SERVICE = "cleanup-service";

  private final MeterRegistry registry;
  private final EventCounters events;
  private final DeleteCounters deletes;

  public CleanupMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.events = new EventCounters(registry, SERVICE, "Records read from the cleanup topic");
    this.deletes = new DeleteCounters(registry, SERVICE);
  }

  // observed so that the container creates this bean, and with it the series, at startup: they
  // exist before the first record
  void onStart(@Observes StartupEvent event) {
  }

  public void consumed() {
    events.consumed();
  }

  /** A record that could not be processed and goes to the dead-letter topic. */
  public void deadLettered() {
    events.deadLettered();
  }

  /** One cleanup action and how it ended. */
  public void action(String action, String outcome) {
    Counter.builder("wavesync.cleanup.actions")
        .description("Cleanup actions carried out")
        .tag("action", action).tag("outcome", outcome)
        .register(registry).increment();
  }

  /**
   * One deletion: the object's kind, why it was deleted as the command says (the hook delete
   * policy, {@code Terminate}, {@code HookTimeout}) and how it ended.
   */
  public void deleted(String kind, String policy, String outcome) {
    String result = switch (outcome) {
      case "DONE" -> DeleteCounters.RESULT_DELETED;
      case "NOT_FOUND" -> DeleteCounters.RESULT_NOT_FOUND;
      default -> DeleteCounters.RESULT_FAILED;
    };
    deletes.deleted(kind, policy, result);
  }
}
