package io.wavesync.runner.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import io.wavesync.kubernetes.DeleteCounters;
import io.wavesync.kubernetes.EventCounters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The runner's metrics, with fixed names (Prometheus: {@code wavesync_events_consumed_total},
 * {@code wavesync_events_failed_total}, {@code wavesync_events_dlq_total}, {@code
 * wavesync_tasks_applied_total}, {@code wavesync_wave_apply_seconds}, {@code
 * wavesync_task_apply_duration_seconds_bucket}, {@code wavesync_deletes_total}).
 */
@ApplicationScoped
public class RunnerMetrics {

  static final String SERVICE = "phase-runner-service";

  private final MeterRegistry registry;
  private final EventCounters events;
  private final DeleteCounters deletes;

  public RunnerMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.events = new EventCounters(registry, SERVICE, "Records read from the wave topics");
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

  /**
   * One recorded task result of a wave: applied ({@code Synced}), pruned ({@code Pruned}, {@code
   * PruneSkipped}) or failed ({@code SyncFailed}, {@code Error}), by the object's kind.
   */
  public void taskApplied(String phase, String kind, String result) {
    Counter.builder("wavesync.tasks.applied")
        .description("Task results recorded by the runner")
        .tag("phase", phase).tag("kind", kind).tag("result", result)
        .register(registry).increment();
  }

  /** One write of a task's object to the API server (dry runs of a validation too). */
  public void applyDuration(String phase, String kind, boolean dryRun, long nanos) {
    Timer.builder("wavesync.task.apply.duration")
        .description("Time to write one task's object to the API server")
        .tag("phase", phase).tag("kind", kind).tag("dry_run", Boolean.toString(dryRun))
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(2))
        .register(registry).record(nanos, TimeUnit.NANOSECONDS);
  }

  /** One deletion by the runner (BeforeHookCreation or a prune) and how it ended. */
  public void deleted(String kind, String policy, String result) {
    deletes.deleted(kind, policy, result);
  }

  /** The timer of applying one wave in {@code phase}. */
  public Timer waveApply(String phase) {
    return Timer.builder("wavesync.wave.apply")
        .description("Time to apply one wave command")
        .tag("phase", phase)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(10))
        .register(registry);
  }
}
