package io.wavesync.engine.sync;

import static io.wavesync.engine.sync.Objects.hook;
import static io.wavesync.engine.sync.Objects.pod;
import static io.wavesync.engine.sync.Objects.wave;
import static io.wavesync.engine.sync.OperationPhase.Failed;
import static io.wavesync.engine.sync.OperationPhase.Running;
import static io.wavesync.engine.sync.OperationPhase.Succeeded;
import static io.wavesync.engine.sync.ResultCode.Synced;
import static io.wavesync.engine.sync.Scenario.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wavesync.engine.health.HealthStatus;
import io.wavesync.engine.hook.Annotations;
import io.wavesync.engine.model.KubeObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "Wavesync decisions" of the spec, one or more tests each. */
class WavesyncDecisionsTest {

  @Test
  void decision1_failureReasonsAreDistinctAndSorted() {
    Scenario s = new Scenario().targets(pod("pod-1"), pod("pod-2"), pod("pod-3"));
    s.cluster.applyFailures.put("pod-1", "zeta failed");
    s.cluster.applyFailures.put("pod-2", "alpha failed");
    s.cluster.applyFailures.put("pod-3", "zeta failed");
    s.step();
    assertThat(s.message())
        .isEqualTo("one or more objects failed to apply, reason: alpha failed,zeta failed");
  }

  @Test
  void decision1_tasksWithTheSameNameOrderByGroupThenNamespace() {
    KubeObject b = KubeObject.of("v1", "ConfigMap", "ns-b", "same");
    KubeObject a = KubeObject.of("v1", "ConfigMap", "ns-a", "same");
    Plan plan = Plan.of(List.of(b, a), "default", "", FakeCluster.T);
    assertThat(plan.tasks()).extracting(Plan.Task::namespace).containsExactly("ns-a", "ns-b");
  }

  @Test
  void decision1_multiPhaseHooksGenerateTasksInPhaseOrder() {
    KubeObject h = KubeObject.of("batch/v1", "Job", null, "twice")
        .withAnnotation(Annotations.HOOK, "PostSync,PreSync");
    Plan plan = Plan.of(List.of(h), "default", "", FakeCluster.T);
    assertThat(plan.tasks()).extracting(Plan.Task::phase)
        .containsExactly(SyncPhase.PreSync, SyncPhase.PostSync);
  }

  @Test
  void decision2_syncFailHooksRunWaveByWaveAndAFailingOneDoesNotStopLaterWaves() {
    KubeObject first = wave(hook("alert-first", "SyncFail", "BeforeHookCreation"), 0);
    KubeObject second = wave(hook("cleanup-second", "SyncFail", "BeforeHookCreation"), 1);
    Scenario s = new Scenario().targets(pod(), first, second);
    s.cluster.applyFailures.put("my-pod", "boom");
    s.cluster.health.put("alert-first", HealthStatus.Degraded);
    s.cluster.health.put("cleanup-second", HealthStatus.Healthy);
    s.step();
    assertThat(s.phase()).isEqualTo(Running);
    assertThat(s.message()).isEqualTo("waiting for completion of hook /Pod/alert-first");
    assertThat(s.cluster.appliedNames(false)).containsExactly("my-pod", "alert-first");

    s.live(first);
    s.step();
    assertThat(s.phase()).isEqualTo(Running);
    assertThat(s.result("alert-first").hookPhase()).isEqualTo(Failed);
    assertThat(s.message()).isEqualTo("waiting for completion of hook /Pod/cleanup-second");
    assertThat(s.cluster.appliedNames(false)).containsExactly("my-pod", "alert-first", "cleanup-second");

    s.live(first, second);
    s.step();
    assertThat(s.phase()).isEqualTo(Failed);
    assertThat(s.message())
        .isEqualTo("one or more synchronization tasks completed unsuccessfully, reason: boom");
  }

  @Test
  void decision3_aSyncFailHookDoesNotMakeASingleWaveSyncWaitForItsResources() {
    Scenario s = new Scenario().targets(pod("app"), hook("check", "Sync", "BeforeHookCreation"),
        hook("alert", "SyncFail", "BeforeHookCreation"));
    s.cluster.health.put("app", HealthStatus.Progressing);
    s.cluster.health.put("check", HealthStatus.Healthy);
    s.step();
    assertThat(s.message()).isEqualTo("waiting for completion of hook /Pod/check");
    s.live(pod("app"), hook("check", "Sync", "BeforeHookCreation"));
    s.step();
    assertThat(s.phase()).isEqualTo(Succeeded);
    assertThat(s.result("app").hookPhase()).isEqualTo(Running);
  }

  @Test
  void decision4_retryMessageTellsTheTimeTheRetryReallyStarts() {
    Instant t = Instant.parse("2026-03-01T10:00:52Z");
    Scenario s = new Scenario().targets(pod());
    s.cluster.applyFailures.put("my-pod", "boom");
    s.now = t;
    Operation.Policy policy = new Operation.Policy(RetryStrategy.limit(2), null, null);
    Operation.Progress p = advance(s, policy);
    assertThat(p.state().phase()).isEqualTo(Running);
    assertThat(p.state().retryCount()).isEqualTo(1);
    // retry #1 waits duration × factor^1 = 10s: 10:01:02, not upstream's 10:00:57
    assertThat(p.state().message())
        .isEqualTo("one or more objects failed to apply, reason: boom. Retrying attempt #1 at 10:01AM.");
    assertThat(p.wakeAt()).isEqualTo(t.plusSeconds(10));

    s.now = t.plusSeconds(9);
    assertThat(advance(s, policy).state().message()).contains("Retrying attempt #1");
    s.now = t.plusSeconds(10);
    s.cluster.applyFailures.clear();
    p = advance(s, policy);
    assertThat(p.state().phase()).isEqualTo(Succeeded);
    assertThat(p.state().retryCount()).isEqualTo(1);
  }

  @Test
  void decision5_terminatingAHookWhoseObjectIsGoneRecordsFailedTerminated() {
    KubeObject h = hook("gone", "Sync", "BeforeHookCreation");
    Scenario s = new Scenario().targets(h)
        .results(recorded(h, SyncPhase.Sync, true, Synced, Running, ""));
    s.terminate();
    assertThat(s.phase()).isEqualTo(Failed);
    assertThat(s.result("gone").hookPhase()).isEqualTo(Failed);
    assertThat(s.result("gone").message()).isEqualTo("Terminated");
  }

  private static KubeObject generation(KubeObject obj, long generation, Long observed) {
    KubeObject copy = obj.deepCopy();
    ((ObjectNode) copy.json().get("metadata")).put("generation", generation);
    if (observed != null) {
      copy.json().putObject("status").put("observedGeneration", observed);
    }
    return copy;
  }

  @Test
  void decision6_healthObservedOnAnOlderGenerationDoesNotCount() {
    KubeObject app = wave(pod("app"), 0);
    KubeObject next = wave(pod("next"), 1);
    ResourceResult applied = recorded(app, SyncPhase.Sync, false, Synced, Running, "")
        .withApplied("uid-1", 3);
    Scenario s = new Scenario().targets(app, next).results(applied);
    s.cluster.health.put("app", HealthStatus.Healthy);

    s.live(generation(app, 2, null));
    s.step();
    assertThat(s.result("app").hookPhase()).as("older generation").isEqualTo(Running);

    s.live(generation(app, 3, 2L));
    s.step();
    assertThat(s.result("app").hookPhase()).as("controller has not observed it").isEqualTo(Running);

    s.live(generation(app, 3, 3L));
    s.step();
    assertThat(s.result("app").hookPhase()).isEqualTo(Succeeded);
  }

  @Test
  void decision6_healthOfAnotherObjectWithTheSameNameDoesNotCount() {
    KubeObject h = hook("job", "Sync", "BeforeHookCreation");
    Scenario s = new Scenario().targets(h)
        .results(recorded(h, SyncPhase.Sync, true, Synced, Running, "").withApplied("new-uid", 1));
    s.cluster.health.put("job", HealthStatus.Healthy);
    KubeObject stale = h.deepCopy();
    ((ObjectNode) stale.json().get("metadata")).put("uid", "old-uid");
    s.live(stale);
    s.step();
    assertThat(s.result("job").hookPhase()).isEqualTo(Running);
  }

  @Test
  void decision6_waveDelayDefaultsToZeroAndIsConfigurable() {
    Scenario s = new Scenario().targets(wave(pod("a"), 0), wave(pod("b"), 1));
    Operation.Progress p = advance(s, Operation.Policy.DEFAULT);
    assertThat(p.notBefore()).isNull();

    Scenario delayed = new Scenario().targets(wave(pod("a"), 0), wave(pod("b"), 1));
    p = advance(delayed, new Operation.Policy(null, null, Duration.ofSeconds(2)));
    assertThat(p.notBefore()).isEqualTo(FakeCluster.T.plusSeconds(2));
  }

  @Test
  void decision7_hookOverItsTimeoutIsStoppedRecordedFailedAndSyncFailRuns() {
    KubeObject slow = hook("slow", "PreSync", "BeforeHookCreation")
        .withAnnotation(Annotations.HOOK_TIMEOUT, "10m");
    KubeObject alert = hook("alert", "SyncFail", "BeforeHookCreation");
    Scenario s = new Scenario().targets(slow, alert);
    s.cluster.health.put("slow", HealthStatus.Progressing);
    s.step();
    assertThat(s.result("slow").runningSince()).isEqualTo(FakeCluster.T);

    s.live(slow);
    s.now = FakeCluster.T.plus(Duration.ofMinutes(9));
    s.step();
    assertThat(s.result("slow").hookPhase()).isEqualTo(Running);

    s.now = FakeCluster.T.plus(Duration.ofMinutes(10));
    s.step();
    assertThat(s.result("slow").hookPhase()).isEqualTo(Failed);
    assertThat(s.result("slow").message()).isEqualTo("hook timed out after 10m0s");
    assertThat(s.cluster.deletes).containsExactly("slow");
    assertThat(s.phase()).isEqualTo(Running);
    assertThat(s.message()).isEqualTo("waiting for completion of hook /Pod/alert");
  }

  @Test
  void decision7_operationTimeoutTerminatesTheOperation() {
    KubeObject slow = hook("slow", "PreSync", "BeforeHookCreation");
    Scenario s = new Scenario().targets(slow);
    s.cluster.health.put("slow", HealthStatus.Progressing);
    Operation.Policy policy = new Operation.Policy(null, Duration.ofMinutes(5), null);
    Operation.Progress p = advance(s, policy);
    assertThat(p.wakeAt()).isEqualTo(FakeCluster.T.plus(Duration.ofMinutes(5)));
    s.live(slow);
    s.now = FakeCluster.T.plus(Duration.ofMinutes(5));
    p = advance(s, policy);
    assertThat(p.state().phase()).isEqualTo(Failed);
    assertThat(p.state().message())
        .isEqualTo("Operation terminated, triggered by controller sync timeout");
    assertThat(s.result("slow").message()).isEqualTo("Terminated");
    assertThat(s.cluster.deletes).containsExactly("slow");
  }

  @Test
  void decision8_hookLogsAreKeptInTheResultWhenTheHookCompletes() {
    KubeObject migrate = hook("migrate", "PreSync", "HookSucceeded");
    Scenario s = new Scenario().targets(migrate);
    s.cluster.health.put("migrate", HealthStatus.Healthy);
    s.step();
    s.live(migrate);
    SyncSettings settings = s.settings.healthOverride(s.cluster.healthOverride()).build();
    s.state = SyncContext.step(new SyncContext.Input(s.targets, s.cluster.liveSnapshot(), s.state,
        settings, s.now, k -> k.name().equals("migrate") ? "Running migrations...\ndone\n" : null),
        s.cluster);
    assertThat(s.phase()).isEqualTo(Succeeded);
    assertThat(s.result("migrate").logTail()).isEqualTo("Running migrations...\ndone\n");
    assertThat(s.cluster.deletes).containsExactly("migrate");
  }

  static Operation.Progress advance(Scenario s, Operation.Policy policy) {
    SyncSettings settings = s.settings.healthOverride(s.cluster.healthOverride()).build();
    Operation.Progress p = Operation.advance(
        new SyncContext.Input(s.targets, s.cluster.liveSnapshot(), s.state, settings, s.now),
        s.cluster, policy);
    s.state = p.state();
    return p;
  }

}
