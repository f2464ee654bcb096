package io.wavesync.runner.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import io.wavesync.kubernetes.EventCounters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The runner's metrics, with fixed names (Prometheus: {@code wavesync_events_consumed_total},
 * {@code wavesync_events_failed_total}, {@code wavesync_events_dlq_total}, {@code
 * wavesync_tasks_applied_total}, {@code wavesync_wave_apply_seconds}).
 */
@ApplicationScoped
public class RunnerMetrics {

  static final String SERVICE = "phase-runner-service";

  private final MeterRegistry registry;
  private final EventCounters events;

  public RunnerMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.events = new EventCounters(registry, SERVICE, "Records read from the wave topics");
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

  /** One recorded task result of a wave. */
  public void taskApplied(String phase, String result) {
    Counter.builder("wavesync.tasks.applied")
        .description("Task results recorded by the runner")
        .tag("phase", phase).tag("result", result)
        .register(registry).increment();
  }

  /** The timer of applying one wave in {@code phase}. */
  public Timer waveApply(String phase) {
    return Timer.builder("wavesync.wave.apply")
        .description("Time to apply one wave command")
        .tag("phase", phase)
        .register(registry);
  }
}
