package io.wavesync.planner.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wavesync.engine.sync.OperationPhase;
import io.wavesync.engine.sync.OperationState;
import io.wavesync.engine.sync.ResourceResult;
import io.wavesync.events.OperationUpdated;
import io.wavesync.planner.config.PlannerConfig;
import io.wavesync.planner.domain.AppRecord;
import io.wavesync.planner.domain.PlannerCore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The planner's meters; the catalogue is in docs/observability.md. */
@ApplicationScoped
public class PlannerMetrics {

  private static final String SERVICE = "planner-service";
  private final MeterRegistry registry;
  private final boolean applicationLabel;
  private final int applicationLimit;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final Set<String> labelled = ConcurrentHashMap.newKeySet();

  @jakarta.inject.Inject
  public PlannerMetrics(MeterRegistry registry, PlannerConfig config) {
    this(registry, config.metrics().applicationLabel(), config.metrics().applicationLabelLimit());
  }

  public PlannerMetrics(MeterRegistry registry, boolean applicationLabel, int applicationLimit) {
    this.registry = registry;
    this.applicationLabel = applicationLabel;
    this.applicationLimit = applicationLimit;
    registry.gauge("wavesync.operations.in.flight", inFlight, Set::size);
  }

  private String app(String application) {
    if (!applicationLabel) {
      return "";
    }
    if (labelled.contains(application) || labelled.size() < applicationLimit && labelled.add(application)) {
      return application;
    }
    return "other";
  }

  void consumed(String topic) {
    Counter.builder("wavesync.events.consumed").description("records consumed")
        .tag("service", SERVICE).tag("topic", topic).register(registry).increment();
  }

  void failed(String topic) {
    Counter.builder("wavesync.events.failed").description("records that could not be processed")
        .tag("service", SERVICE).tag("topic", topic).register(registry).increment();
  }

  void deadLettered(String topic) {
    Counter.builder("wavesync.events.dlq").description("records sent to the dead-letter topic")
        .tag("service", SERVICE).tag("topic", topic).register(registry).increment();
  }

  void handled(PlannerCore.Input input, long nanos) {
    Timer.builder("wavesync.planner.handle").description("time to handle one input")
        .tag("input", input.getClass().getSimpleName()).register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  void command(String kind, String detail) {
    Counter.builder("wavesync.planner.commands").description("commands sent")
        .tag("kind", kind).tag("detail", detail).register(registry).increment();
  }

  /** From the observation that completed a wave to the next wave's command. */
  void waveTransition(String phase, Duration d) {
    Timer.builder("wavesync.wave.transition").description(
            "latency from the input that let the next wave start to its command")
        .tag("phase", phase).publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
        .register(registry).record(d.isNegative() ? Duration.ZERO : d);
  }

  void inFlight(String application, boolean active) {
    if (active) {
      inFlight.add(application);
    } else {
      inFlight.remove(application);
    }
  }

  void operation(OperationUpdated update) {
    Counter.builder("wavesync.operations.updates").description("operation updates published")
        .tag("phase", update.phase().name()).register(registry).increment();
  }

  /** Operation starts and ends, and hooks that completed, between two states of an application. */
  void transitions(String previousOp, OperationState previous, AppRecord now, Instant at) {
    if (now.state == null || now.request == null) {
      return;
    }
    String app = app(now.application);
    boolean newOperation = !now.request.operationId().equals(previousOp);
    if (newOperation) {
      Counter.builder("wavesync.operations.started").description("operations started")
          .tag("application", app).register(registry).increment();
      previous = null;
    }
    boolean wasCompleted = previous != null && previous.isCompleted();
    if (now.state.isCompleted() && !wasCompleted) {
      String result = now.state.phase().name();
      Counter.builder("wavesync.operations.completed").description("operations completed by result")
          .tag("result", result).tag("application", app).register(registry).increment();
      Timer.builder("wavesync.operation.duration").description("operation duration by result")
          .tag("result", result).publishPercentileHistogram()
          .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofHours(1))
          .register(registry).record(Duration.between(now.state.startedAt(), at));
    }
    Map<String, ResourceResult> before = new HashMap<>();
    if (previous != null) {
      previous.results().forEach(r -> before.put(r.resultKey(), r));
    }
    for (ResourceResult r : now.state.results()) {
      if (!r.isHook() || r.hookPhase() == null || !r.hookPhase().isCompleted()
          || r.runningSince() == null) {
        continue;
      }
      ResourceResult b = before.get(r.resultKey());
      if (b != null && b.hookPhase() == OperationPhase.Running) {
        Timer.builder("wavesync.hook.duration").description("hook duration by phase, kind and result")
            .tag("phase", r.hookType().name()).tag("kind", r.kind()).tag("result", r.hookPhase().name())
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofHours(1))
            .register(registry).record(Duration.between(r.runningSince(), at));
      }
    }
  }
}
