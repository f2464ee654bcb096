package io.wavesync.planner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.wavesync.engine.model.ResourceKey;
import io.wavesync.engine.sync.OperationPhase;
import io.wavesync.engine.sync.RetryStrategy;
import io.wavesync.engine.sync.RunTasksRequest;
import io.wavesync.planner.messaging.AppRecordSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The planner's logic against an in-memory cluster; the record is stored as JSON between inputs. */
class PlannerCoreTest {

  static final String APP = "shop";
  static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  static final String APP_MANIFESTS = """
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: migrate
        annotations:
          argocd.argoproj.io/hook: PreSync
      spec:
        template:
          spec:
            containers: [{name: m, image: app:1, command: ["./migrate"]}]
            restartPolicy: Never
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: shop
      spec:
        replicas: 2
        template:
          spec:
            containers: [{name: shop, image: app:1}]
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: smoke-test
        annotations:
          argocd.argoproj.io/hook: PostSync
          argocd.argoproj.io/hook-delete-policy: HookSucceeded
      spec:
        template:
          spec:
            containers: [{name: t, image: curl, command: ["./smoke"]}]
            restartPolicy: Never
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: notify-failure
        annotations:
          argocd.argoproj.io/hook: SyncFail
          argocd.argoproj.io/hook-delete-policy: HookSucceeded
      spec:
        template:
          spec:
            containers: [{name: n, image: curl, command: ["./page"]}]
            restartPolicy: Never
      """;

  /** Feeds inputs to the core, answers its commands from the cluster, reports what changed. */
  static final class Driver {
    PlannerCore core = new PlannerCore(PlannerCore.Config.DEFAULT);
    final SimCluster cluster = new SimCluster();
    final Deque<PlannerCore.Output> commands = new ArrayDeque<>();
    final List<PlannerCore.Output> sent = new ArrayList<>();
    final List<String> published = new ArrayList<>();
    final List<PlannerCore.Refused> refused = new ArrayList<>();
    byte[] stored;
    Instant now = T;

    AppRecord record() {
      return AppRecordSerde.read(stored);
    }

    void handle(PlannerCore.Input in) {
      PlannerCore.Result r = core.handle(AppRecordSerde.read(stored), APP, in, now);
      stored = AppRecordSerde.write(r.record());
      for (PlannerCore.Output o : r.outputs()) {
        if (o instanceof PlannerCore.Publish p) {
          published.add(p.record().state.phase() + ": " + p.record().state.message());
        } else if (o instanceof PlannerCore.Refused x) {
          refused.add(x);
        } else {
          sent.add(o);
          commands.add(o);
        }
      }
    }

    /** Answers every command, and reports every change the cluster made, until quiet. */
    void pump() {
      for (int guard = 0; guard < 200 && (!commands.isEmpty() || !cluster.changed.isEmpty()); guard++) {
        if (!commands.isEmpty()) {
          PlannerCore.Output c = commands.poll();
          StoredAnswer answer = cluster.answer(c);
          if (c instanceof PlannerCore.SendCleanup cleanup && cleanup.followUp() != null
              && answer.outcomes().stream().allMatch(o -> o.error() == null || o.notFound())) {
            // the cleanup service publishes the SyncFail wave itself once the deletions are done
            sent.add(cleanup.followUp());
            commands.add(cleanup.followUp());
          }
          handle(new PlannerCore.Answer(commandId(c), answer));
        } else {
          Set<ResourceKey> changed = new LinkedHashSet<>(cluster.changed);
          cluster.changed.clear();
          for (ResourceKey k : changed) {
            handle(new PlannerCore.Observed(k.toString(), cluster.objects.get(k)));
          }
        }
      }
    }

    static String commandId(PlannerCore.Output o) {
      return o instanceof PlannerCore.SendRunTasks r ? r.commandId()
          : ((PlannerCore.SendCleanup) o).commandId();
    }

    OperationPhase phase() {
      return record().state.phase();
    }

    String message() {
      return record().state.message();
    }

    List<String> waves() {
      return sent.stream().filter(o -> o instanceof PlannerCore.SendRunTasks)
          .map(o -> ((PlannerCore.SendRunTasks) o).request())
          .filter(r -> r.purpose() != RunTasksRequest.Purpose.VALIDATE)
          .map(r -> r.phase() + "/" + r.wave() + ":" + r.tasks().stream()
              .map(t -> t.target() == null ? t.live().name() : t.target().name()).toList())
          .toList();
    }
  }

  static OperationRequest request(String opId, String manifests) {
    return new OperationRequest(APP, opId, "test", "abcdef1234", "shop", manifests, false, false,
        false, false, null, null, RetryStrategy.NONE, null, null, null);
  }

  @Test
  void runsTheApplicationPhaseByPhaseAndDeletesHookSucceededHooksOnSuccess() {
    Driver d = new Driver();
    d.handle(new PlannerCore.StartSync(request("op-1", APP_MANIFESTS)));
    d.pump();
    assertThat(d.phase()).isEqualTo(OperationPhase.Running);
    assertThat(d.message()).isEqualTo("waiting for completion of hook batch/Job/migrate");
    assertThat(d.cluster.objects.keySet()).extracting(ResourceKey::name).containsExactly("migrate");

    d.cluster.finishJob("migrate", true);
    d.pump();
    assertThat(d.message()).isEqualTo("waiting for healthy state of apps/Deployment/shop");

    d.cluster.rollOut("shop");
    d.pump();
    assertThat(d.message()).isEqualTo("waiting for completion of hook batch/Job/smoke-test");

    d.cluster.finishJob("smoke-test", true);
    d.pump();
    assertThat(d.phase()).isEqualTo(OperationPhase.Succeeded);
    assertThat(d.message()).isEqualTo("successfully synced (no more tasks)");
    assertThat(d.waves()).containsExactly("PreSync/0:[migrate]", "Sync/0:[shop]",
        "PostSync/0:[smoke-test]");
    assertThat(d.cluster.objects.keySet()).extracting(ResourceKey::name)
        .containsExactlyInAnyOrder("migrate", "shop");
    assertThat(d.cluster.byName("migrate").finalizers()).isEmpty();
    assertThat(d.cluster.creations).doesNotContainKey("notify-failure");
    // the deletion says which delete policy asked for it, down to the cleanup command's actions
    List<PlannerCore.SendCleanup> deletes = d.sent.stream()
        .filter(o -> o instanceof PlannerCore.SendCleanup c && c.kind() == StoredAnswer.Kind.DELETE)
        .map(o -> (PlannerCore.SendCleanup) o).toList();
    assertThat(deletes).singleElement().satisfies(c -> {
      assertThat(c.reason()).isEqualTo("HookSucceeded");
      assertThat(io.wavesync.planner.messaging.EventMapper.cleanup(APP, c, "wavesync").actions())
          .extracting(io.wavesync.events.payload.CleanupAction::reason)
          .containsOnly("HookSucceeded");
    });
  }

  @Test
  void aFailingPreSyncHookStopsTheSyncAndRunsTheSyncFailHook() {
    Driver d = new Driver();
    d.handle(new PlannerCore.StartSync(request("op-1", APP_MANIFESTS)));
    d.pump();
    d.cluster.finishJob("migrate", false);
    d.pump();
    assertThat(d.message()).isEqualTo("waiting for completion of hook batch/Job/notify-failure");
    d.cluster.finishJob("notify-failure", true);
    d.pump();
    assertThat(d.phase()).isEqualTo(OperationPhase.Failed);
    assertThat(d.message()).isEqualTo("one or more synchronization tasks completed unsuccessfully");
    assertThat(d.cluster.creations).doesNotContainKeys("shop", "smoke-test");
  }

  @Test
  void aSecondSyncWhileOneRunsIsRefused() {
    Driver d = new Driver();
    d.handle(new PlannerCore.StartSync(request("op-1", APP_MANIFESTS)));
    d.pump();
    d.handle(new PlannerCore.StartSync(request("op-2", APP_MANIFESTS)));
    assertThat(d.refused).hasSize(1);
    assertThat(d.refused.get(0).message()).isEqualTo("another operation is already in progress");
    assertThat(d.record().request.operationId()).isEqualTo("op-1");
  }

  @Test
  void theSameRequestDeliveredTwiceStartsOneOperation() {
    Driver d = new Driver();
    d.handle(new PlannerCore.StartSync(request("op-1", APP_MANIFESTS)));
    int sent = d.sent.size();
    d.handle(new PlannerCore.StartSync(request("op-1", APP_MANIFESTS)));
    assertThat(d.sent).hasSize(sent);
    assertThat(d.refused).isEmpty();
  }

  @Test
  void manifestsThatDoNotParseEndTheOperationInErrorNamingTheLine() {
    Driver d = new Driver();
    d.handle(new PlannerCore.StartSync(request("op-1", "apiVersion: v1\nkind: ConfigMap\nmetadata: [oops\n")));
    assertThat(d.phase()).isEqualTo(OperationPhase.Error);
    assertThat(d.message()).startsWith("invalid manifests: request op-1: document 1 (line ");
    assertThat(d.sent).isEmpty();
  }

  @Test
  void anObjectWithoutKindEndsTheOperationInError() {
    Driver d = new Driver();
    d.handle(new PlannerCore.StartSync(request("op-1", "apiVersion: v1\nmetadata:\n  name: x\n")));
    assertThat(d.phase()).isEqualTo(OperationPhase.Error);
    assertThat(d.message()).contains("kind");
  }

  @Test
  void anInvalidDurationEndsTheOperationInError() {
    Driver d = new Driver();
    OperationRequest r = new OperationRequest(APP, "op-1", "t", "", "shop", APP_MANIFESTS, false,
        false, false, false, null, null, RetryStrategy.NONE, "soon", null, null);
    d.handle(new PlannerCore.StartSync(r));
    assertThat(d.phase()).isEqualTo(OperationPhase.Error);
    assertThat(d.message()).startsWith("invalid timeout: ");
  }

  @Test
  void observationsArrivingDuringAStepAreAppliedOnceItCompletes() {
    Driver d = new Driver();
    d.handle(new PlannerCore.StartSync(request("op-1", APP_MANIFESTS)));
    // the validation command is outstanding: a step is in progress
    assertThat(d.record().stepInProgress()).isTrue();
    d.handle(new PlannerCore.Observed("/ConfigMap/shop/elsewhere",
        io.wavesync.engine.model.KubeObject.of("v1", "ConfigMap", "shop", "elsewhere")));
    assertThat(d.record().observed).isEmpty();
    assertThat(d.record().buffered).hasSize(1);
    d.pump();
    assertThat(d.record().observed).containsKey("/ConfigMap/shop/elsewhere");
    assertThat(d.record().buffered).isEmpty();
  }

  static final String TWO_CONFIG_MAP_WAVES = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: first
        annotations:
          argocd.argoproj.io/sync-wave: "0"
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: second
        annotations:
          argocd.argoproj.io/sync-wave: "1"
      """;

  @Test
  void anObservationThatOvertookTheAnswerStartsTheNextWaveAsSoonAsTheStepCompletes() {
    Driver d = new Driver();
    d.handle(new PlannerCore.StartSync(request("op-1", TWO_CONFIG_MAP_WAVES)));
    PlannerCore.Output validation = d.commands.poll();
    d.handle(new PlannerCore.Answer(Driver.commandId(validation), d.cluster.answer(validation)));
    d.cluster.changed.clear();
    PlannerCore.Output firstWave = d.commands.poll();
    StoredAnswer applied = d.cluster.answer(firstWave);
    // the watcher reports the applied ConfigMap before the runner's answer arrives
    for (ResourceKey k : d.cluster.changed) {
      d.handle(new PlannerCore.Observed(k.toString(), d.cluster.objects.get(k)));
    }
    d.cluster.changed.clear();
    assertThat(d.record().buffered).isNotEmpty();
    d.handle(new PlannerCore.Answer(Driver.commandId(firstWave), applied));
    // no further input and no timer: the next wave goes out with the answer
    assertThat(d.waves()).containsExactly("Sync/0:[first]", "Sync/1:[second]");
  }

  @Test
  void terminationRequestedDuringAStepTakesEffectWhenTheStepCompletes() {
    Driver d = new Driver();
    d.handle(new PlannerCore.StartSync(request("op-1", APP_MANIFESTS)));
    d.pump();
    d.cluster.finishJob("migrate", true);
    // deliver the observation but not yet the answers it leads to
    d.handle(new PlannerCore.Observed(ResourceKey.of(d.cluster.byName("migrate")).toString(),
        d.cluster.byName("migrate")));
    assertThat(d.record().stepInProgress()).isTrue();
    d.handle(new PlannerCore.Terminate(null));
    assertThat(d.phase()).isEqualTo(OperationPhase.Running);
    assertThat(d.record().terminateRequested).isTrue();
    d.cluster.changed.clear();
    d.pump();
    assertThat(d.phase()).isEqualTo(OperationPhase.Failed);
    assertThat(d.message()).isEqualTo("Operation terminated");
  }

  @Test
  void anUnansweredCommandIsSentAgainAfterTheResendDelay() {
    Driver d = new Driver();
    d.handle(new PlannerCore.StartSync(request("op-1", APP_MANIFESTS)));
    assertThat(d.sent).hasSize(1);
    d.now = T.plusSeconds(5);
    d.handle(new PlannerCore.Tick());
    assertThat(d.sent).hasSize(1);
    d.now = T.plusSeconds(10);
    d.handle(new PlannerCore.Tick());
    assertThat(d.sent).hasSize(2);
    assertThat(Driver.commandId(d.sent.get(1))).isEqualTo(Driver.commandId(d.sent.get(0)));
  }

  @Test
  void anAnswerToAnotherCommandIsIgnoredAndADuplicateAnswerChangesNothing() {
    Driver d = new Driver();
    d.handle(new PlannerCore.StartSync(request("op-1", APP_MANIFESTS)));
    PlannerCore.Output validate = d.commands.poll();
    StoredAnswer answer = d.cluster.answer(validate);
    d.handle(new PlannerCore.Answer("op-1/0/0/7", answer));
    assertThat(d.record().answers).isEmpty();
    d.handle(new PlannerCore.Answer(Driver.commandId(validate), answer));
    int sent = d.sent.size();
    byte[] before = d.stored;
    d.handle(new PlannerCore.Answer(Driver.commandId(validate), answer));
    assertThat(d.sent).hasSize(sent);
    assertThat(d.stored).isEqualTo(before);
  }

  @Test
  void commandIdsAreDeterministicPerOperationAttemptStepAndCall() {
    Driver d = new Driver();
    d.handle(new PlannerCore.StartSync(request("op-1", APP_MANIFESTS)));
    d.pump();
    assertThat(d.sent).extracting(Driver::commandId).containsExactly("op-1/0/0/0", "op-1/0/0/1");
  }

  @Test
  void aWaveDelayHoldsTheNextStepUntilItHasPassed() {
    Driver d = new Driver();
    OperationRequest r = new OperationRequest(APP, "op-1", "t", "", "shop", """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: first, annotations: {argocd.argoproj.io/sync-wave: "0"}}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: second, annotations: {argocd.argoproj.io/sync-wave: "1"}}
        """, false, false, false, false, null, null, RetryStrategy.NONE, null, "3s", null);
    d.handle(new PlannerCore.StartSync(r));
    d.pump();
    assertThat(d.waves()).containsExactly("Sync/0:[first]");
    assertThat(d.record().notBefore).isEqualTo(T.plus(Duration.ofSeconds(3)));
    d.now = T.plusSeconds(3);
    d.handle(new PlannerCore.Tick());
    d.pump();
    assertThat(d.waves()).containsExactly("Sync/0:[first]", "Sync/1:[second]");
    assertThat(d.phase()).isEqualTo(OperationPhase.Succeeded);
  }

  @Test
  void anObjectOutsideTheApplicationsProjectMakesTheSyncInvalidBeforeAnythingIsApplied() {
    Driver d = new Driver();
    d.core = new PlannerCore(new PlannerCore.Config("wavesync", Duration.ofSeconds(10),
        Duration.ofSeconds(2), 8, app -> new io.wavesync.engine.sync.ProjectPolicy("payments",
            List.of("payments"), List.of("*/*"), List.of())));
    d.handle(new PlannerCore.StartSync(request("op-1", APP_MANIFESTS)));
    assertThat(d.phase()).isEqualTo(OperationPhase.Failed);
    assertThat(d.message()).startsWith("one or more synchronization tasks are not valid: ")
        .contains("namespace shop is not permitted in project payments (destinations: payments)");
    assertThat(d.sent).isEmpty();
  }

  @Test
  void theSyncFailWaveHandedToTheCleanupServiceIsNotSentAgain() {
    Driver d = new Driver();
    String manifests = APP_MANIFESTS.replace("argocd.argoproj.io/hook: PreSync\n",
        "argocd.argoproj.io/hook: PreSync\n    argocd.argoproj.io/hook-delete-policy: HookFailed\n");
    d.handle(new PlannerCore.StartSync(request("op-1", manifests)));
    d.pump();
    d.cluster.finishJob("migrate", false);
    d.pump();
    List<PlannerCore.Output> syncFailWaves = d.sent.stream()
        .filter(o -> o instanceof PlannerCore.SendRunTasks r
            && r.request().purpose() == RunTasksRequest.Purpose.SYNC_FAIL).toList();
    assertThat(syncFailWaves).hasSize(1);
    assertThat(d.sent).anySatisfy(o -> assertThat(o).isInstanceOfSatisfying(
        PlannerCore.SendCleanup.class, c -> assertThat(c.followUp()).isNotNull()));
    // the HookFailed deletion is named as such
    assertThat(d.sent).anySatisfy(o -> assertThat(o).isInstanceOfSatisfying(
        PlannerCore.SendCleanup.class, c -> {
          assertThat(c.kind()).isEqualTo(StoredAnswer.Kind.DELETE);
          assertThat(c.reason()).isEqualTo("HookFailed");
        }));
    assertThat(d.cluster.objects.keySet()).extracting(ResourceKey::name).doesNotContain("migrate");
    d.cluster.finishJob("notify-failure", true);
    d.pump();
    assertThat(d.phase()).isEqualTo(OperationPhase.Failed);
  }
}
