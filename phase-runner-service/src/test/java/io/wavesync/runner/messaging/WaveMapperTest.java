package io.wavesync.runner.messaging;

import static io.wavesync.runner.messaging.Commands.apply;
import static io.wavesync.runner.messaging.Commands.configMap;
import static org.assertj.core.api.Assertions.assertThat;

import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.sync.ApplyStrategy;
import io.wavesync.engine.sync.OperationPhase;
import io.wavesync.engine.sync.RunState;
import io.wavesync.engine.sync.RunTask;
import io.wavesync.engine.sync.RunTasksRequest;
import io.wavesync.engine.sync.TaskUpdate;
import io.wavesync.events.ResourceApplied;
import io.wavesync.events.ResourceApplyFailed;
import io.wavesync.events.WaveApplied;
import io.wavesync.events.WaveApplyRequested;
import io.wavesync.events.WavesyncEvent;
import io.wavesync.events.payload.ApplyMethod;
import io.wavesync.events.payload.HookPhase;
import io.wavesync.events.payload.LiveRef;
import io.wavesync.events.payload.ResultCode;
import io.wavesync.events.payload.StepResult;
import io.wavesync.events.payload.SyncPhase;
import io.wavesync.events.payload.TaskOutcome;
import io.wavesync.events.payload.WaveMode;
import io.wavesync.runner.domain.CallLog;
import io.wavesync.runner.domain.WaveRun;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class WaveMapperTest {

  private static final LiveRef OLD_HOOK = new LiveRef("batch", "v1", "Job", "ns", "migrate",
      "uid-old", "17", true, true);

  private static WaveApplyRequested command(List<io.wavesync.events.payload.WaveTask> tasks) {
    return new WaveApplyRequested("00000000-0000-0000-0000-000000000001", WaveApplyRequested.TYPE,
        1, Instant.parse("2026-01-02T03:04:05.678Z"), "shop", "op-1", "op-1/0/2/0", 0, 2,
        WaveMode.STEP, SyncPhase.PreSync, -1, false, "Background", "argocd-controller",
        Map.of("team", "payments"), Map.of("wavesync.io/operation", "op-1"), tasks, false, true);
  }

  @Test
  void theRequestCarriesTheCommandsSettings() {
    WaveApplyRequested command = command(List.of(apply(configMap("ns", "c", "v"),
        SyncPhase.PreSync)));

    RunTasksRequest request = WaveMapper.request(command);

    assertThat(request.purpose()).isEqualTo(RunTasksRequest.Purpose.STEP);
    assertThat(request.phase()).isEqualTo(io.wavesync.engine.sync.SyncPhase.PreSync);
    assertThat(request.wave()).isEqualTo(-1);
    assertThat(request.dryRun()).isFalse();
    assertThat(request.pruneConfirmed()).isTrue();
    assertThat(request.propagationPolicy()).isEqualTo("Background");
    assertThat(request.tasks()).hasSize(1);
  }

  @Test
  void targetsGetTheTrackingLabelsAndAnnotations() {
    RunTask task = WaveMapper.request(command(List.of(apply(configMap("ns", "c", "v"),
        SyncPhase.PreSync)))).tasks().get(0);

    KubeObject target = task.target();
    assertThat(target.labels())
        .containsEntry("app.kubernetes.io/managed-by", "wavesync")
        .containsEntry("app.kubernetes.io/instance", "shop")
        .containsEntry("wavesync.io/application", "shop")
        .containsEntry("team", "payments");
    assertThat(target.annotations())
        .containsEntry("wavesync.io/operation", "op-1")
        .containsEntry("wavesync.io/tracking-id", "shop:/ConfigMap:ns/c");
    assertThat(target.pathText("data", "key")).isEqualTo("v");
    assertThat(task.live()).isNull();
    assertThat(task.strategy()).isEqualTo(new ApplyStrategy(false, false, true, false,
        "argocd-controller"));
  }

  @Test
  void theLiveObjectIsRebuiltFromItsReference() {
    RunTask task = WaveMapper.request(command(List.of(Commands.hook(
        Commands.job("ns", "migrate", "true"), SyncPhase.PreSync, OLD_HOOK, true)))).tasks()
        .get(0);

    KubeObject live = task.live();
    assertThat(live.apiVersion()).isEqualTo("batch/v1");
    assertThat(live.kind()).isEqualTo("Job");
    assertThat(live.namespace()).isEqualTo("ns");
    assertThat(live.name()).isEqualTo("migrate");
    assertThat(live.uid()).isEqualTo("uid-old");
    assertThat(live.resourceVersion()).isEqualTo("17");
    assertThat(live.isBeingDeleted()).isTrue();
    assertThat(live.deletionTimestamp()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(live.finalizers()).containsExactly("argocd.argoproj.io/hook-finalizer");
    assertThat(task.hook()).isTrue();
    assertThat(task.deleteBeforeCreation()).isTrue();
    assertThat(task.syncStatus()).isEqualTo(io.wavesync.engine.sync.ResultCode.Synced);
  }

  @Test
  void anyMethodButApplyMeansReplaceAndPrunesHaveNoStrategy() {
    RunTask replace = WaveMapper.request(command(List.of(apply(configMap("ns", "c", "v"),
        SyncPhase.PreSync, Commands.method(ApplyMethod.CREATE))))).tasks().get(0);
    assertThat(replace.strategy().replace()).isTrue();

    RunTask prune = WaveMapper.request(command(List.of(Commands.prune(new LiveRef("", "v1",
        "ConfigMap", "ns", "gone", "u", null, false, false), SyncPhase.PreSync)))).tasks().get(0);
    assertThat(prune.isPrune()).isTrue();
    assertThat(prune.strategy()).isNull();
    assertThat(prune.pruneMode()).isEqualTo(io.wavesync.engine.sync.PruneMode.PRUNE);
  }

  @Test
  void theAnswerListsRecordedResultsThenTheWave() {
    WaveApplyRequested command = command(List.of(
        apply(configMap("ns", "ok", "v"), SyncPhase.PreSync),
        apply(configMap("ns", "bad", "v"), SyncPhase.PreSync),
        apply(configMap("ns", "later", "v"), SyncPhase.PreSync)));
    List<RunTask> tasks = WaveMapper.request(command).tasks();
    TaskUpdate ok = new TaskUpdate(tasks.get(0).resultKey(),
        io.wavesync.engine.sync.ResultCode.Synced, OperationPhase.Running,
        "configmap/ok created", true, false, "uid-ok", 1);
    TaskUpdate bad = TaskUpdate.result(tasks.get(1).resultKey(),
        io.wavesync.engine.sync.ResultCode.SyncFailed, OperationPhase.Failed,
        "ConfigMap \"bad\" is invalid");
    WaveRun.Report report = new WaveRun.Report(RunState.FAILED, List.of(
        new WaveRun.TaskReport(tasks.get(0), Optional.of(ok), false, false,
            Optional.of(new CallLog.Written("ok", "uid-ok", 1, "99")), OptionalInt.empty()),
        new WaveRun.TaskReport(tasks.get(1), Optional.of(bad), false, false, Optional.empty(),
            OptionalInt.of(422)),
        new WaveRun.TaskReport(tasks.get(2), Optional.empty(), false, false, Optional.empty(),
            OptionalInt.empty())),
        List.of(), List.of());
    report = new WaveRun.Report(report.state(), report.tasks(),
        List.of(report.tasks().get(1), report.tasks().get(0)), List.of());

    List<WavesyncEvent> events = WaveMapper.answer(command, report);

    assertThat(events).hasSize(3);
    ResourceApplyFailed failed = (ResourceApplyFailed) events.get(0);
    assertThat(failed.httpStatus()).isEqualTo(422);
    assertThat(failed.ref().name()).isEqualTo("bad");
    assertThat(failed.message()).isEqualTo("ConfigMap \"bad\" is invalid");
    ResourceApplied applied = (ResourceApplied) events.get(1);
    assertThat(applied.ref().uid()).isEqualTo("uid-ok");
    assertThat(applied.resourceVersion()).isEqualTo("99");
    assertThat(applied.generation()).isEqualTo(1);
    assertThat(applied.phase()).isEqualTo(SyncPhase.PreSync);
    assertThat(applied.wave()).isEqualTo(report.tasks().get(0).task().wave());
    WaveApplied wave = (WaveApplied) events.get(2);
    assertThat(wave.commandId()).isEqualTo("op-1/0/2/0");
    assertThat(wave.stepResult()).isEqualTo(StepResult.FAILED);
    assertThat(wave.results()).extracting(TaskOutcome::resultKey)
        .containsExactly(tasks.get(0).resultKey(), tasks.get(1).resultKey(),
            tasks.get(2).resultKey());
    TaskOutcome first = wave.results().get(0);
    assertThat(first.resultCode()).isEqualTo(ResultCode.Synced);
    assertThat(first.hookPhase()).isEqualTo(HookPhase.Running);
    assertThat(first.uid()).isEqualTo("uid-ok");
    assertThat(wave.results().get(1).hookPhase()).isEqualTo(HookPhase.Failed);
    TaskOutcome untouched = wave.results().get(2);
    assertThat(untouched.resultCode()).isNull();
    assertThat(untouched.hookPhase()).isNull();
    assertThat(untouched.message()).isNull();
  }
}
