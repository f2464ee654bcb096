package io.wavesync.planner.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wavesync.events.OperationUpdated;
import io.wavesync.planner.domain.PlannerCore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/** The planner's meters (catalogue in docs/observability.md). */
@ApplicationScoped
public class PlannerMetrics {

  private static final String SERVICE = "planner-service";
  private final MeterRegistry registry;

  public PlannerMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void consumed(String topic) {
    Counter.builder("wavesync.events.consumed").tag("service", SERVICE).tag("topic", topic)
        .register(registry).increment();
  }

  void failed(String topic) {
    Counter.builder("wavesync.events.failed").tag("service", SERVICE).tag("topic", topic)
        .register(registry).increment();
  }

  void deadLettered(String topic) {
    Counter.builder("wavesync.events.dlq").tag("service", SERVICE).tag("topic", topic)
        .register(registry).increment();
  }

  void handled(PlannerCore.Input input, long nanos) {
    Timer.builder("wavesync.planner.handle").tag("input", input.getClass().getSimpleName())
        .register(registry).record(nanos, TimeUnit.NANOSECONDS);
  }

  void command(String kind, String detail) {
    Counter.builder("wavesync.planner.commands").tag("kind", kind).tag("detail", detail)
        .register(registry).increment();
  }

  void operation(OperationUpdated update) {
    Counter.builder("wavesync.operations.updates").tag("phase", update.phase().name())
        .register(registry).increment();
    if (update.finishedAt() != null && update.phase().isCompleted()) {
      Counter.builder("wavesync.operations.completed").tag("phase", update.phase().name())
          .register(registry).increment();
      Timer.builder("wavesync.operations.duration").tag("phase", update.phase().name())
          .register(registry)
          .record(java.time.Duration.between(update.startedAt(), update.finishedAt()));
    }
  }
}
