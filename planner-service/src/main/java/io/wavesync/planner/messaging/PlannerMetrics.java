package io.wavesync.planner.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wavesync.engine.sync.OperationPhase;
import io.wavesync.engine.sync.OperationState;
import io.wavesync.engine.sync.ResourceResult;
import io.wavesync.events.OperationUpdated;
import io.wavesync.planner.config.PlannerConfig;
import io.wavesync.planner.domain.AppRecord;
import io.wavesync.planner.domain.OperationRequest;
import io.wavesync.planner.domain.PlannerCore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/** The planner's meters; the catalogue is in docs/observability.md. */
@ApplicationScoped
public class PlannerMetrics {

  private static final String SERVICE = "planner-service";
  private final MeterRegistry registry;
  private final boolean applicationLabel;
  private final int applicationLimit;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final Set<String> labelled = ConcurrentHashMap.newKeySet();
  /** The hooks running now, by application and result key. */
  private final Map<String, Map<String, RunningHook>> runningHooks = new ConcurrentHashMap<>();

  /** A hook running since {@code since}, with its timeout (null: none). */
  private record RunningHook(Instant since, Duration timeout) {}

  @jakarta.inject.Inject
  public PlannerMetrics(MeterRegistry registry, PlannerConfig config) {
    this(registry, config.metrics().applicationLabel(), config.metrics().applicationLabelLimit());
  }

  public PlannerMetrics(MeterRegistry registry, boolean applicationLabel, int applicationLimit) {
    this.registry = registry;
    this.applicationLabel = applicationLabel;
    this.applicationLimit = applicationLimit;
    registry.gauge("wavesync.operations.in.flight", inFlight, Set::size);
    if (!applicationLabel) {
      // the series exist at 0 before the first operation, so that increase() and rate() count it
      Counter.builder("wavesync.operations.started").description("operations started")
          .tag("application", "").register(registry);
      for (OperationPhase result : java.util.List.of(OperationPhase.Succeeded, OperationPhase.Failed,
          OperationPhase.Error)) {
        Counter.builder("wavesync.operations.completed").description("operations completed by result")
            .tag("result", result.name()).tag("application", "").register(registry);
      }
    }
    for (String topic : java.util.List.of(io.wavesync.events.Topics.SYNC_REQUESTS,
        io.wavesync.events.Topics.OBSERVATIONS)) {
      // at 0 from the start, like the other services' counters, so that the first dead letter
      // shows in increase() and the dead-letter alert fires on it
      consumedCounter(topic);
      failedCounter(topic);
      deadLetterCounter(topic);
    }
    Gauge.builder("wavesync.hooks.running", this, m -> m.runningHookCount())
        .description("hooks running now").register(registry);
    Gauge.builder("wavesync.hooks.running.oldest.age", this, m -> m.oldestRunningHookSeconds())
        .description("age of the longest-running hook, 0 when none runs").baseUnit("seconds")
        .register(registry);
    Gauge.builder("wavesync.hooks.running.overdue", this, m -> m.overdueHooks())
        .description("running hooks older than their timeout (the planner stops a hook at its "
            + "timeout, so a hook stays here only while its stop does not go through)")
        .register(registry);
  }

  // observed so that the container creates this bean, and with it the gauges and the zero-valued
  // counters, at startup: they exist before the first record
  void onStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
  }

  private long nowMillis() {
    return registry.config().clock().wallTime();
  }

  private double runningHookCount() {
    return runningHooks.values().stream().mapToInt(Map::size).sum();
  }

  private double oldestRunningHookSeconds() {
    long now = nowMillis();
    long oldest = runningHooks.values().stream().flatMap(m -> m.values().stream())
        .mapToLong(h -> h.since().toEpochMilli()).min().orElse(now);
    return Math.max(0, now - oldest) / 1000.0;
  }

  private double overdueHooks() {
    long now = nowMillis();
    return runningHooks.values().stream().flatMap(m -> m.values().stream())
        .filter(h -> h.timeout() != null && h.since().plus(h.timeout()).toEpochMilli() < now)
        .count();
  }

  /**
   * The hooks of {@code rec}'s operation that run now, for the running-hook gauges; a hook's
   * timeout is looked up once, when it is first seen running.
   */
  void runningHooks(AppRecord rec, BiFunction<OperationRequest, ResourceResult, Duration> timeoutOf) {
    if (rec.state == null || rec.request == null || !rec.active()) {
      runningHooks.remove(rec.application);
      return;
    }
    Map<String, RunningHook> before = runningHooks.getOrDefault(rec.application, Map.of());
    Map<String, RunningHook> now = new HashMap<>();
    for (ResourceResult r : rec.state.results()) {
      if (!r.isHook() || r.hookPhase() != OperationPhase.Running || r.runningSince() == null) {
        continue;
      }
      RunningHook known = before.get(r.resultKey());
      if (known == null || !known.since().equals(r.runningSince())) {
        known = new RunningHook(r.runningSince(), timeoutOf.apply(rec.request, r));
      }
      now.put(r.resultKey(), known);
    }
    if (now.isEmpty()) {
      runningHooks.remove(rec.application);
    } else {
      runningHooks.put(rec.application, Map.copyOf(now));
    }
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
    consumedCounter(topic).increment();
  }

  void failed(String topic) {
    failedCounter(topic).increment();
  }

  void deadLettered(String topic) {
    deadLetterCounter(topic).increment();
  }

  private Counter consumedCounter(String topic) {
    return Counter.builder("wavesync.events.consumed").description("records consumed")
        .tag("service", SERVICE).tag("topic", topic).register(registry);
  }

  private Counter failedCounter(String topic) {
    return Counter.builder("wavesync.events.failed")
        .description("records that could not be processed")
        .tag("service", SERVICE).tag("topic", topic).register(registry);
  }

  private Counter deadLetterCounter(String topic) {
    return Counter.builder("wavesync.events.dlq")
        .description("records sent to the dead-letter topic")
        .tag("service", SERVICE).tag("topic", topic).register(registry);
  }

  void handled(PlannerCore.Input input, long nanos) {
    // buckets, so that the planner's own share of a transition can be read as percentiles
    Timer.builder("wavesync.planner.handle").description("time to handle one input")
        .tag("input", input.getClass().getSimpleName()).publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(1))
        .register(registry).record(nanos, TimeUnit.NANOSECONDS);
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
