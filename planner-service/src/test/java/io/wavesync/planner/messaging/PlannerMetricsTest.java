package io.wavesync.planner.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wavesync.engine.sync.OperationPhase;
import io.wavesync.engine.sync.OperationState;
import io.wavesync.engine.sync.ResourceResult;
import io.wavesync.engine.sync.ResultCode;
import io.wavesync.engine.sync.RetryStrategy;
import io.wavesync.engine.sync.SyncPhase;
import io.wavesync.planner.domain.AppRecord;
import io.wavesync.planner.domain.OperationRequest;
import io.wavesync.planner.domain.PlannerCore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PlannerMetricsTest {

  // one hook with its own timeout, one that falls back to the request's
  static final String MANIFESTS = """
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: migrate
        namespace: shop
        annotations:
          argocd.argoproj.io/hook: PreSync
          wavesync.io/hook-timeout: 10s
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: backup
        namespace: shop
        annotations:
          argocd.argoproj.io/hook: PreSync
      """;

  final MockClock clock = new MockClock();
  final MeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
  final PlannerMetrics metrics = new PlannerMetrics(registry, false, 0);
  final PlannerCore core = new PlannerCore(PlannerCore.Config.DEFAULT);

  static ResourceResult hook(String name, OperationPhase phase, Instant since) {
    return new ResourceResult("batch", "v1", "Job", "shop", name, SyncPhase.PreSync,
        ResultCode.Synced, phase, "", SyncPhase.PreSync, 0, List.of(), 1, "uid-" + name, since, null);
  }

  static AppRecord record(OperationPhase opPhase, List<ResourceResult> results) {
    AppRecord r = new AppRecord();
    r.application = "shop";
    r.request = new OperationRequest("shop", "op-1", "test", "", "shop", MANIFESTS, false, false,
        false, false, List.of(), List.of(), RetryStrategy.NONE, null, null, "60s");
    r.state = new OperationState(opPhase, "", Instant.ofEpochMilli(0), null, 0, results);
    return r;
  }

  double gauge(String name) {
    return registry.get(name).gauge().value();
  }

  @Test
  void deadLetterAndFailureCountersOfBothInputTopicsExistAtZeroBeforeTheFirstRecord() {
    for (String topic : List.of("wavesync.sync-requests", "wavesync.observations")) {
      for (String name : List.of("wavesync.events.consumed", "wavesync.events.failed",
          "wavesync.events.dlq")) {
        assertThat(registry.get(name).tag("service", "planner-service").tag("topic", topic)
            .counter().count()).as(name + " " + topic).isZero();
      }
    }
    metrics.deadLettered("wavesync.observations");
    assertThat(registry.get("wavesync.events.dlq").tag("topic", "wavesync.observations")
        .counter().count()).isEqualTo(1.0);
  }

  @Test
  void runningHooksAreCountedWithTheAgeOfTheOldestAndThoseOverTheirTimeout() {
    Instant start = Instant.ofEpochMilli(clock.wallTime());
    assertThat(gauge("wavesync.hooks.running")).isZero();
    assertThat(gauge("wavesync.hooks.running.oldest.age")).isZero();

    metrics.runningHooks(record(OperationPhase.Running, List.of(
        hook("migrate", OperationPhase.Running, start),
        hook("backup", OperationPhase.Running, start.plusSeconds(5)))), core::hookTimeout);
    clock.add(8, TimeUnit.SECONDS);
    assertThat(gauge("wavesync.hooks.running")).isEqualTo(2);
    assertThat(gauge("wavesync.hooks.running.oldest.age")).isEqualTo(8.0);
    assertThat(gauge("wavesync.hooks.running.overdue")).isZero();

    // migrate's own timeout is 10 s; backup's is the request's 60 s
    clock.add(5, TimeUnit.SECONDS);
    assertThat(gauge("wavesync.hooks.running.overdue")).isEqualTo(1);
    clock.add(60, TimeUnit.SECONDS);
    assertThat(gauge("wavesync.hooks.running.overdue")).isEqualTo(2);

    // migrate completed: only backup is left, 68 s old
    metrics.runningHooks(record(OperationPhase.Running, List.of(
        hook("migrate", OperationPhase.Failed, start),
        hook("backup", OperationPhase.Running, start.plusSeconds(5)))), core::hookTimeout);
    assertThat(gauge("wavesync.hooks.running")).isEqualTo(1);
    assertThat(gauge("wavesync.hooks.running.oldest.age")).isEqualTo(68.0);

    // the operation ended: nothing runs
    metrics.runningHooks(record(OperationPhase.Failed, List.of(
        hook("backup", OperationPhase.Running, start.plusSeconds(5)))), core::hookTimeout);
    assertThat(gauge("wavesync.hooks.running")).isZero();
    assertThat(gauge("wavesync.hooks.running.oldest.age")).isZero();
    assertThat(gauge("wavesync.hooks.running.overdue")).isZero();
  }
}
