package io.wavesync.runner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.model.ResourceKey;
import io.wavesync.engine.sync.ApiException;
import io.wavesync.engine.sync.ApplyStrategy;
import io.wavesync.engine.sync.ClusterOps;
import io.wavesync.engine.sync.OperationPhase;
import io.wavesync.engine.sync.PruneMode;
import io.wavesync.engine.sync.ResultCode;
import io.wavesync.engine.sync.RunState;
import io.wavesync.engine.sync.RunTask;
import io.wavesync.engine.sync.RunTasksRequest;
import io.wavesync.engine.sync.SyncPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WaveRunTest {

  private static final ApplyStrategy APPLY = new ApplyStrategy(false, false, true, false,
      "wavesync");

  /** Answers like a small cluster: objects by name, with a given refusal per name. */
  private static final class FakeCluster implements ClusterOps {
    final Set<String> existing;
    final Map<String, ApiException> refusals;
    final CallLog log;
    final List<String> calls = new ArrayList<>();

    FakeCluster(Set<String> existing, Map<String, ApiException> refusals, CallLog log) {
      this.existing = existing;
      this.refusals = refusals;
      this.log = log;
    }

    @Override
    public void removeHookFinalizer(KubeObject live) {
      calls.add("unfinalize " + live.name());
    }

    @Override
    public synchronized void delete(KubeObject obj, String policy) throws ApiException {
      calls.add("delete " + obj.name() + " " + policy);
      if (!existing.contains(obj.name())) {
        throw ApiException.notFound(obj.name() + " not found");
      }
      log.deleted(ResourceKey.of(obj));
    }

    @Override
    public synchronized Applied apply(KubeObject target, KubeObject live,
        ApplyStrategy.Method method, ApplyStrategy strategy, boolean dryRun) throws ApiException {
      calls.add("apply " + target.name() + " " + method);
      ApiException refusal = refusals.get(target.name());
      if (refusal != null) {
        log.refused(ResourceKey.of(target), refusal.code());
        throw refusal;
      }
      log.written(ResourceKey.of(target), new CallLog.Written(target.name(),
          "uid-" + target.name(), 1, "42"));
      return new Applied("configmap/" + target.name() + " created", "uid-" + target.name(), 1);
    }
  }

  private static RunTask create(String name) {
    return new RunTask("/ConfigMap/ns/" + name + ":Sync", SyncPhase.Sync, 0,
        KubeObject.of("v1", "ConfigMap", "ns", name), null, false, true, false, false, null,
        false, APPLY, null);
  }

  private static RunTask hookWithLive(String name) {
    KubeObject live = KubeObject.of("v1", "ConfigMap", "ns", name).withFinalizer(
        "argocd.argoproj.io/hook-finalizer");
    return new RunTask("/ConfigMap/ns/" + name + ":Sync", SyncPhase.Sync, 0,
        KubeObject.of("v1", "ConfigMap", "ns", name), live, true, true, true, false, null,
        false, APPLY, ResultCode.Synced);
  }

  private static RunTask prune(String name) {
    return new RunTask("/ConfigMap/ns/" + name + ":Sync", SyncPhase.Sync, 0, null,
        KubeObject.of("v1", "ConfigMap", "ns", name), false, true, false, false,
        PruneMode.PRUNE, false, null, null);
  }

  private static RunTasksRequest request(List<RunTask> tasks) {
    return new RunTasksRequest(RunTasksRequest.Purpose.STEP, SyncPhase.Sync, 0, tasks, false,
        false, false, "Foreground");
  }

  @Test
  void reportsEveryTaskInCommandOrderAndTheRecordedOnesAsTheyHappened() {
    List<FakeCluster> clusters = new ArrayList<>();
    WaveRun.Report report = WaveRun.run(
        request(List.of(create("b"), prune("old"), create("a"))),
        log -> {
          FakeCluster c = new FakeCluster(Set.of("old"), Map.of(), log);
          clusters.add(c);
          return c;
        }, Runnable::run);

    assertThat(report.state()).isEqualTo(RunState.SUCCESSFUL);
    assertThat(report.tasks()).extracting(r -> r.task().resultKey()).containsExactly(
        "/ConfigMap/ns/b:Sync", "/ConfigMap/ns/old:Sync", "/ConfigMap/ns/a:Sync");
    // prunes go first (spec 2.5)
    assertThat(report.recorded()).extracting(r -> r.task().resultKey()).containsExactly(
        "/ConfigMap/ns/old:Sync", "/ConfigMap/ns/b:Sync", "/ConfigMap/ns/a:Sync");
    WaveRun.TaskReport pruned = report.tasks().get(1);
    assertThat(pruned.deletionRequested()).isTrue();
    assertThat(pruned.update().orElseThrow().status()).isEqualTo(ResultCode.Pruned);
    WaveRun.TaskReport created = report.tasks().get(0);
    assertThat(created.written()).contains(new CallLog.Written("b", "uid-b", 1, "42"));
    assertThat(created.update().orElseThrow().phase()).isEqualTo(OperationPhase.Running);
    assertThat(clusters.get(0).calls).containsExactly("delete old Foreground", "apply b APPLY",
        "apply a APPLY");
  }

  @Test
  void aBeforeHookCreationDeletionMakesTheWaveWaitWithNothingRecorded() {
    WaveRun.Report report = WaveRun.run(request(List.of(hookWithLive("migrate"))),
        log -> new FakeCluster(Set.of("migrate"), Map.of(), log), Runnable::run);

    assertThat(report.state()).isEqualTo(RunState.PENDING);
    WaveRun.TaskReport hook = report.tasks().get(0);
    assertThat(hook.update()).isEmpty();
    assertThat(hook.deletionRequested()).isTrue();
    assertThat(hook.liveGone()).isFalse();
    assertThat(report.recorded()).isEmpty();
  }

  @Test
  void aHookWhoseOldCopyIsAlreadyGoneIsCreatedAndSaysSo() {
    WaveRun.Report report = WaveRun.run(request(List.of(hookWithLive("migrate"))),
        log -> new FakeCluster(Set.of(), Map.of(), log), Runnable::run);

    assertThat(report.state()).isEqualTo(RunState.SUCCESSFUL);
    WaveRun.TaskReport hook = report.tasks().get(0);
    assertThat(hook.liveGone()).isTrue();
    assertThat(hook.deletionRequested()).isFalse();
    assertThat(hook.update().orElseThrow().message()).isEqualTo("configmap/migrate created");
  }

  @Test
  void aRefusalIsAFailedTaskWithTheApisStatusAndTheOtherTasksStillRun() {
    WaveRun.Report report = WaveRun.run(request(List.of(create("bad"), create("good"))),
        log -> new FakeCluster(Set.of(), Map.of("bad", new ApiException(422,
            "ConfigMap \"bad\" is invalid: data: Invalid value")), log), Runnable::run);

    assertThat(report.state()).isEqualTo(RunState.FAILED);
    WaveRun.TaskReport bad = report.tasks().get(0);
    assertThat(bad.failed()).isTrue();
    assertThat(bad.refusalStatus()).hasValue(422);
    assertThat(bad.update().orElseThrow().message())
        .isEqualTo("ConfigMap \"bad\" is invalid: data: Invalid value");
    assertThat(report.tasks().get(1).failed()).isFalse();
    assertThat(report.tasks().get(1).update().orElseThrow().status())
        .isEqualTo(ResultCode.Synced);
  }
}
