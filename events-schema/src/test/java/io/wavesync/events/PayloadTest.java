package io.wavesync.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wavesync.events.payload.ApplyStrategy;
import io.wavesync.events.payload.Backoff;
import io.wavesync.events.payload.HookPhase;
import io.wavesync.events.payload.InvalidFieldException;
import io.wavesync.events.payload.LogTail;
import io.wavesync.events.payload.ObjectRef;
import io.wavesync.events.payload.OperationPhase;
import io.wavesync.events.payload.SyncOptions;
import io.wavesync.events.payload.SyncPhase;
import io.wavesync.events.payload.SyncStrategy;
import io.wavesync.events.payload.TaskAction;
import io.wavesync.events.payload.WaveMode;
import io.wavesync.events.payload.WaveTask;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadTest {

  @Test
  void eventsKeepCopiesOfTheCollectionsTheyAreGiven() {
    List<String> finalizers = new ArrayList<>(List.of("wavesync.io/hook-finalizer"));
    Map<String, String> labels = new HashMap<>(Map.of("app.kubernetes.io/instance", "guestbook"));
    HealthObserved observed =
        HealthObserved.of(
            "guestbook",
            null,
            EventSamples.migrateRef(),
            true,
            1,
            null,
            null,
            finalizers,
            null,
            null,
            "1");
    WaveApplyRequested command =
        WaveApplyRequested.of(
            "guestbook",
            "op",
            "op/0/1",
            0,
            1,
            WaveMode.STEP,
            SyncPhase.Sync,
            0,
            false,
            null,
            null,
            labels,
            null,
            null, false, false);

    finalizers.clear();
    labels.clear();

    assertThat(observed.finalizers()).containsExactly("wavesync.io/hook-finalizer");
    assertThat(command.trackingLabels()).containsEntry("app.kubernetes.io/instance", "guestbook");
    assertThatThrownBy(() -> observed.finalizers().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> command.trackingLabels().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void absentCollectionsReadAsEmpty() {
    WaveApplyRequested command =
        WaveApplyRequested.of(
            "guestbook",
            "op",
            "op/0/1",
            0,
            1,
            WaveMode.STEP,
            SyncPhase.Sync,
            0,
            false,
            null,
            null,
            null,
            null,
            null, false, false);

    assertThat(command.tasks()).isEmpty();
    assertThat(command.trackingLabels()).isEmpty();
    assertThat(command.trackingAnnotations()).isEmpty();
  }

  @Test
  void nullElementsInCollectionsAreRefusedByName() {
    List<String> finalizers = new ArrayList<>();
    finalizers.add(null);

    assertThatThrownBy(
            () ->
                HealthObserved.of(
                    "guestbook",
                    null,
                    EventSamples.migrateRef(),
                    true,
                    1,
                    null,
                    null,
                    finalizers,
                    null,
                    null,
                    null))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("missing required field 'finalizers[0]'");
  }

  @Test
  void jsonTreesAreCopiedOnTheWayInAndOnTheWayOut() {
    ObjectNode job = EventSamples.migrateJob();
    WaveTask task =
        new WaveTask(
            "batch/Job/guestbook/migrate",
            SyncPhase.PreSync,
            0,
            true,
            List.of("PreSync"),
            List.of(),
            job,
            null,
            TaskAction.APPLY,
            null,
            false,
            false,
            null,
            true,
            false,
            null);

    job.put("kind", "CronJob");
    task.target().put("kind", "Deployment");

    assertThat(task.target().path("kind").asText()).isEqualTo("Job");
    assertThat(task.strategy()).isEqualTo(ApplyStrategy.defaults());
  }

  @Test
  void applyTasksNeedATargetManifestAndPruneTasksNeedTheLiveObject() {
    assertThatThrownBy(
            () ->
                new WaveTask(
                    "k",
                    SyncPhase.Sync,
                    0,
                    false,
                    null,
                    null,
                    null,
                    null,
                    TaskAction.APPLY,
                    null,
                    false,
                    false,
                    null,
                    true,
                    false,
                    null))
        .hasMessage("missing required field 'target'");
    ObjectNode nameless = EventSamples.migrateJob();
    ((ObjectNode) nameless.get("metadata")).remove("name");
    assertThatThrownBy(
            () ->
                new WaveTask(
                    "k",
                    SyncPhase.Sync,
                    0,
                    false,
                    null,
                    null,
                    nameless,
                    null,
                    TaskAction.APPLY,
                    null,
                    false,
                    false,
                    null,
                    true,
                    false,
                    null))
        .hasMessage("missing required field 'target.metadata.name'");
    assertThatThrownBy(
            () ->
                new WaveTask(
                    "k",
                    SyncPhase.Sync,
                    0,
                    false,
                    null,
                    null,
                    null,
                    null,
                    TaskAction.PRUNE,
                    null,
                    false,
                    false,
                    null,
                    true,
                    false,
                    null))
        .hasMessage("missing required field 'live'");
  }

  @Test
  void aHookNamedByGenerateNameIsAValidTarget() {
    ObjectNode generated = EventSamples.migrateJob();
    ObjectNode metadata = (ObjectNode) generated.get("metadata");
    metadata.remove("name");
    metadata.put("generateName", "migrate-");

    WaveTask task =
        new WaveTask(
            "k",
            SyncPhase.PreSync,
            0,
            true,
            List.of("PreSync"),
            null,
            generated,
            null,
            TaskAction.APPLY,
            null,
            false,
            false,
            null,
            true,
            false,
            null);

    assertThat(task.target().path("metadata").path("generateName").asText()).isEqualTo("migrate-");
  }

  @Test
  void syncOptionsAreLookedUpByKeyAndTheLastOneWins() {
    SyncOptions options =
        new SyncOptions(
            false,
            false,
            List.of(
                "CreateNamespace=true",
                "PrunePropagationPolicy=foreground",
                "CreateNamespace=false"),
            null,
            false,
            null,
            null,
            null,
            null,
            null);

    assertThat(options.syncOption("CreateNamespace")).contains("false");
    assertThat(options.syncOption("PrunePropagationPolicy")).contains("foreground");
    assertThat(options.syncOption("Replace")).isEmpty();
    assertThat(options.strategy()).isEqualTo(SyncStrategy.HOOK);
  }

  @Test
  void malformedSyncOptionsAndDurationsAreRefused() {
    assertThatThrownBy(
            () ->
                new SyncOptions(
                    false, false, List.of("PruneLast"), null, false, null, null, null, null, null))
        .hasMessageContaining("invalid field 'syncOptions[0]'");
    assertThatThrownBy(
            () ->
                new SyncOptions(
                    false, false, null, null, false, null, null, "10 minutes", null, null))
        .hasMessageContaining("invalid field 'timeout'");
    assertThatThrownBy(() -> new Backoff("5s", 0, null))
        .hasMessageContaining("invalid field 'factor'");

    assertThat(new Backoff("30", 2, "1h30m").maxDuration()).isEqualTo("1h30m");
    assertThat(new Backoff("1.5s", 2, "250ms").duration()).isEqualTo("1.5s");
  }

  @Test
  void logTailsAreCutToTheirLast64KibOnACharacterBoundary() {
    String start = "first line that must be dropped\n";
    // 3-byte characters, so a byte cut would land inside one of them.
    String log = start + "\u20ac".repeat(30_000);

    String tail = LogTail.keepLast(log);

    assertThat(tail.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(LogTail.MAX_BYTES);
    assertThat(tail).doesNotContain("first line").matches("\u20ac+");
    assertThat(LogTail.fits(tail)).isTrue();
    assertThat(LogTail.keepLast("short")).isEqualTo("short");
    assertThat(LogTail.keepLast(null)).isNull();

    HookCompleted completed =
        HookCompleted.of(
            "guestbook", null, EventSamples.migrateRef(), null, HookPhase.Failed, null, log, null);
    assertThat(completed.logTail()).isEqualTo(tail);
  }

  @Test
  void aCompletedHookCannotBeRunning() {
    assertThatThrownBy(
            () ->
                HookCompleted.of(
                    "guestbook",
                    null,
                    EventSamples.migrateRef(),
                    null,
                    HookPhase.Running,
                    null,
                    null,
                    null))
        .hasMessageContaining("invalid field 'hookPhase'");
  }

  @Test
  void anAppliedObjectOutsideADryRunCarriesItsUid() {
    ObjectRef noUid = ObjectRef.of("batch", "v1", "Job", "guestbook", "migrate");

    assertThatThrownBy(
            () ->
                ResourceApplied.of(
                    "guestbook",
                    "op",
                    "c",
                    SyncPhase.PreSync,
                    0,
                    noUid,
                    1,
                    null,
                    io.wavesync.events.payload.ResultCode.Synced,
                    null,
                    true,
                    false))
        .hasMessage("missing required field 'ref.uid'");
    assertThat(
            ResourceApplied.of(
                    "guestbook",
                    "op",
                    "c",
                    SyncPhase.PreSync,
                    0,
                    noUid,
                    0,
                    null,
                    io.wavesync.events.payload.ResultCode.Synced,
                    null,
                    true,
                    true)
                .ref()
                .uid())
        .isNull();
  }

  @Test
  void finishedAtIsPresentExactlyWhenTheOperationHasEnded() {
    OperationUpdated sample = EventSamples.operationUpdated();

    assertThatThrownBy(
            () ->
                OperationUpdated.of(
                    "guestbook",
                    "op",
                    OperationPhase.Succeeded,
                    null,
                    null,
                    false,
                    sample.startedAt(),
                    null,
                    0,
                    null,
                    null,
                    null,
                    null))
        .hasMessage("missing required field 'finishedAt'");
    assertThatThrownBy(
            () ->
                OperationUpdated.of(
                    "guestbook",
                    "op",
                    OperationPhase.Terminating,
                    null,
                    null,
                    false,
                    sample.startedAt(),
                    sample.finishedAt(),
                    0,
                    null,
                    null,
                    null,
                    null))
        .hasMessageContaining("invalid field 'finishedAt'");
    // a failed attempt waiting for its retry is Running and has ended
    assertThat(OperationUpdated.of("guestbook", "op", OperationPhase.Running, "retrying", null, false,
            sample.startedAt(), sample.finishedAt(), 1, null, null, null, null).finishedAt())
        .isEqualTo(sample.finishedAt());
  }

  @Test
  void aSyncFailFollowUpBelongsToTheSameOperation() {
    WaveApplyRequested otherOperation =
        WaveApplyRequested.of(
            "guestbook",
            "another-op",
            "c",
            0,
            1,
            WaveMode.SYNC_FAIL,
            SyncPhase.SyncFail,
            0,
            false,
            null,
            null,
            null,
            null,
            null, false, false);

    assertThatThrownBy(
            () -> CleanupRequested.of("guestbook", "op", "c", null, null, otherOperation))
        .hasMessageContaining("invalid field 'followUp'");
    assertThatThrownBy(
            () ->
                WaveApplyRequested.of(
                    "guestbook",
                    "op",
                    "c",
                    0,
                    1,
                    WaveMode.SYNC_FAIL,
                    SyncPhase.PostSync,
                    0,
                    false,
                    null,
                    null,
                    null,
                    null,
                    null, false, false))
        .hasMessageContaining("invalid field 'phase'");
  }

  @Test
  void operationAndHookPhasesTellWhetherTheyAreDone() {
    assertThat(OperationPhase.Running.isCompleted()).isFalse();
    assertThat(OperationPhase.Terminating.isCompleted()).isFalse();
    assertThat(OperationPhase.Succeeded.isSuccessful()).isTrue();
    assertThat(OperationPhase.Failed.isCompleted()).isTrue();
    assertThat(OperationPhase.Error.isSuccessful()).isFalse();
    assertThat(HookPhase.Running.isCompleted()).isFalse();
    assertThat(HookPhase.Error.isCompleted()).isTrue();
    assertThat(HookPhase.Succeeded.isSuccessful()).isTrue();
  }

  @Test
  void theCoreGroupIsTheEmptyString() {
    assertThat(new ObjectRef(null, "v1", "ConfigMap", "guestbook", "settings", null).group())
        .isEmpty();
    assertThat(ObjectRef.of("", "v1", "Namespace", null, "guestbook").withUid("u").uid())
        .isEqualTo("u");
  }
}
