package io.wavesync.engine.sync;

import static io.wavesync.engine.sync.Objects.deleting;
import static io.wavesync.engine.sync.Objects.hook;
import static io.wavesync.engine.sync.Objects.pod;
import static io.wavesync.engine.sync.Objects.svc;
import static io.wavesync.engine.sync.Objects.syncOptions;
import static io.wavesync.engine.sync.Objects.wave;
import static io.wavesync.engine.sync.OperationPhase.Error;
import static io.wavesync.engine.sync.OperationPhase.Failed;
import static io.wavesync.engine.sync.OperationPhase.Running;
import static io.wavesync.engine.sync.OperationPhase.Succeeded;
import static io.wavesync.engine.sync.ResultCode.PruneSkipped;
import static io.wavesync.engine.sync.ResultCode.Pruned;
import static io.wavesync.engine.sync.ResultCode.SyncFailed;
import static io.wavesync.engine.sync.ResultCode.Synced;
import static io.wavesync.engine.sync.Scenario.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import io.wavesync.engine.health.HealthStatus;
import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.model.ResourceKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec §6.3–§6.5: the step algorithm, scenarios S14–S42. */
class SyncStepScenariosTest {

  private static ResourceKey key(KubeObject obj) {
    return ResourceKey.of(obj);
  }

  @Nested
  class ResourcesAndWaves {

    @Test
    void S14_singleStepAppliesServiceBeforePodAndSucceeds() {
      Scenario s = new Scenario().targets(pod(), svc());
      s.step();
      assertThat(s.phase()).isEqualTo(Succeeded);
      assertThat(s.message()).isEqualTo("successfully synced (all tasks run)");
      assertThat(s.results()).hasSize(2).allMatch(r -> r.status() == Synced);
      assertThat(s.cluster.appliedNames(false)).containsExactly("my-service", "my-pod");
    }

    @Test
    void S15_singleStepSucceedsAlthoughDegradedAndPrunes() {
      Scenario s = new Scenario().targets(svc()).live(pod()).settings(b -> b.prune(true));
      s.cluster.health.put("my-service", HealthStatus.Degraded);
      s.step();
      assertThat(s.phase()).isEqualTo(Succeeded);
      assertThat(s.result("my-pod").status()).isEqualTo(Pruned);
      assertThat(s.result("my-pod").message()).isEqualTo("pruned");
      assertThat(s.result("my-service").status()).isEqualTo(Synced);
      assertThat(s.result("my-service").message()).isEmpty();
    }

    @Test
    void S16_multiWaveWaitsForHealthBeforeTheNextWave() {
      Scenario s = new Scenario().targets(wave(svc("my-service"), 0), wave(svc("new-svc-2"), 5));
      s.cluster.health.put("my-service", HealthStatus.Healthy);
      s.step();
      assertThat(s.phase()).isEqualTo(Running);
      assertThat(s.message()).isEqualTo("waiting for healthy state of /Service/my-service");
      assertThat(s.results()).hasSize(1);

      s.live(svc("my-service"));
      s.step();
      assertThat(s.phase()).isEqualTo(Succeeded);
      assertThat(s.message()).isEqualTo("successfully synced (all tasks run)");
      assertThat(s.results()).hasSize(2);
    }

    private Scenario resourceDeletionMidstep() {
      KubeObject pod1 = wave(pod("pod-1"), 1);
      KubeObject pod2 = wave(pod("pod-2"), 2);
      return new Scenario().targets(pod1, pod2).settings(b -> b.applyOutOfSyncOnly(true,
          Map.of(key(pod("pod-1")), true, key(pod("pod-2")), true)));
    }

    @Test
    void S17_runningResourceThatDisappearsIsReportedMissingAndFailsTheSync() {
      Scenario s = resourceDeletionMidstep().live(pod("pod-1"), pod("pod-2"));
      s.step();
      assertThat(s.phase()).isEqualTo(Running);
      assertThat(s.results()).hasSize(1);
      assertThat(s.result("pod-1").status()).isEqualTo(Synced);
      assertThat(s.result("pod-1").hookPhase()).isEqualTo(Running);

      s.live(pod("pod-2"));
      s.step();
      assertThat(s.phase()).isEqualTo(Running);
      assertThat(s.result("pod-1").status()).isEqualTo(SyncFailed);
      assertThat(s.result("pod-1").hookPhase()).isEqualTo(Error);
      assertThat(s.result("pod-1").message())
          .isEqualTo("Resource /Pod/pod-1 is missing, it might have been deleted");

      s.step();
      assertThat(s.phase()).isEqualTo(Failed);
      assertThat(s.message()).isEqualTo("one or more synchronization tasks completed unsuccessfully,"
          + " reason: Resource /Pod/pod-1 is missing, it might have been deleted");
    }

    @Test
    void S17_runningResourceWithUnknownHealthKeepsRunning() {
      Scenario s = resourceDeletionMidstep().live(pod("pod-2"));
      s.step();
      s.live(pod("pod-1"), pod("pod-2"));
      s.step();
      assertThat(s.phase()).isEqualTo(Running);
      assertThat(s.result("pod-1").status()).isEqualTo(Synced);
      assertThat(s.result("pod-1").hookPhase()).isEqualTo(Running);
    }

    @Test
    void S17_runningResourceMissingFromCacheButFoundInApiKeepsRunning() {
      Scenario s = resourceDeletionMidstep().live(pod("pod-2"));
      s.step();
      s.cluster.apiHas(pod("pod-1"));
      s.step();
      assertThat(s.phase()).isEqualTo(Running);
      assertThat(s.result("pod-1").status()).isEqualTo(Synced);
      assertThat(s.result("pod-1").hookPhase()).isEqualTo(Running);
    }

    @Test
    void S18_applyFailureFailsTheSyncWithTheApiMessage() {
      Scenario s = new Scenario().targets(svc());
      s.cluster.applyFailures.put("my-service", "foo");
      s.step();
      assertThat(s.phase()).isEqualTo(Failed);
      assertThat(s.message()).isEqualTo("one or more objects failed to apply, reason: foo");
      assertThat(s.result("my-service").status()).isEqualTo(SyncFailed);
      assertThat(s.result("my-service").message()).isEqualTo("foo");
    }

    @Test
    void S18_pruneFailureFailsTheSync() {
      Scenario s = new Scenario().live(pod()).settings(b -> b.prune(true));
      s.cluster.deleteFailures.put("my-pod", new ApiException(500, "foo"));
      s.step();
      assertThat(s.phase()).isEqualTo(Failed);
      assertThat(s.result("my-pod").status()).isEqualTo(SyncFailed);
      assertThat(s.result("my-pod").message()).isEqualTo("foo");
    }

    @Test
    void S19_permissionViolationMakesTasksInvalid() {
      Scenario s = new Scenario().targets(pod()).settings(b -> b.permissionValidator((o, r) -> {
        throw new IllegalStateException("not permitted in project");
      }));
      s.step();
      assertThat(s.phase()).isEqualTo(Failed);
      assertThat(s.results().get(0).message()).contains("not permitted in project");
      assertThat(s.message()).startsWith("one or more synchronization tasks are not valid");
    }

    @Test
    void S19_discoveryErrorIsNamedInTheNotValidMessage() {
      Scenario s = new Scenario().targets(pod()).settings(b -> b.discovery((g, v, k) -> {
        throw new ApiException(500, "discovery failed");
      }));
      s.step();
      assertThat(s.phase()).isEqualTo(Failed);
      assertThat(s.message())
          .contains("one or more synchronization tasks are not valid")
          .contains("discovery failed");
    }

    @Test
    void S19_discoveryErrorsAreCachedPerKindWithinAStep() {
      AtomicInteger calls = new AtomicInteger();
      Scenario s = new Scenario().targets(svc("a"), svc("b")).settings(b -> b.discovery((g, v, k) -> {
        calls.incrementAndGet();
        throw new ApiException(500, "discovery failed");
      }));
      s.step();
      assertThat(calls).hasValue(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void S19_discoveryRetriesUnauthorizedUpToFiveAttempts(int failures) {
      AtomicInteger calls = new AtomicInteger();
      Scenario s = new Scenario().targets(pod()).settings(b -> b.discovery((g, v, k) -> {
        if (calls.incrementAndGet() <= failures) {
          throw new ApiException(401, "Unauthorized");
        }
        return new Discovery.ApiResource("pods", true);
      }));
      s.step();
      if (failures < 5) {
        assertThat(s.phase()).isEqualTo(Succeeded);
        assertThat(calls).hasValue(failures + 1);
      } else {
        assertThat(s.phase()).isEqualTo(Failed);
        assertThat(s.message()).contains("not valid");
        assertThat(calls).hasValue(5);
      }
      assertThat(s.results()).hasSize(1);
    }

    @Test
    void S19_discoveryConflictIsNotRetried() {
      AtomicInteger calls = new AtomicInteger();
      Scenario s = new Scenario().targets(pod()).settings(b -> b.discovery((g, v, k) -> {
        calls.incrementAndGet();
        throw new ApiException(409, "conflict");
      }));
      s.step();
      assertThat(s.phase()).isEqualTo(Failed);
      assertThat(calls).hasValue(1);
      assertThat(s.results()).hasSize(1);
    }

    @Test
    void S20_namespaceIsCreatedBeforeValidationAndWaitedFor() {
      Scenario s = new Scenario().targets(pod()).settings(b -> b.namespaceModifier((m, l) -> true));
      s.cluster.apiAddsApplied = true;
      s.step();
      assertThat(s.phase()).isEqualTo(Running);
      assertThat(s.message()).isEqualTo("waiting for healthy state of /Namespace/fake-argocd-ns");
      assertThat(s.results()).hasSize(1);
      assertThat(s.result(FakeCluster.NS).kind()).isEqualTo("Namespace");
      assertThat(s.result(FakeCluster.NS).status()).isEqualTo(Synced);
    }

    @Test
    void S20_dryRunFailureAfterNamespaceCreationFailsTheSync() {
      Scenario s = new Scenario().targets(pod()).settings(b -> b.namespaceModifier((m, l) -> true));
      s.cluster.apiAddsApplied = true;
      s.cluster.dryRunFailures.put("my-pod", "invalid object failing dry-run");
      s.step();
      assertThat(s.phase()).isEqualTo(Failed);
      assertThat(s.message()).isEqualTo("one or more objects failed to apply (dry run)");
      assertThat(s.results()).hasSize(2);
      assertThat(s.result(FakeCluster.NS).status()).isEqualTo(Synced);
      assertThat(s.result("my-pod").status()).isEqualTo(SyncFailed);
      assertThat(s.result("my-pod").message()).isEqualTo("invalid object failing dry-run");
    }

    @Test
    void S21_nextPruneWaveWaitsUntilPrunedObjectsAreGone() {
      KubeObject pod1 = wave(pod("pod-1"), 1);
      KubeObject pod2 = wave(pod("pod-2"), 2);
      KubeObject pod3 = wave(pod("pod-3"), 3);
      Scenario s = new Scenario().live(pod1, pod2, pod3).settings(b -> b.prune(true));
      s.step();
      assertThat(s.phase()).isEqualTo(Running);
      assertThat(s.results()).hasSize(1);
      assertThat(s.result("pod-3").status()).isEqualTo(Pruned);

      s.live(pod1, pod2);
      s.step();
      assertThat(s.phase()).isEqualTo(Running);
      assertThat(s.results()).hasSize(2);
      assertThat(s.result("pod-2").status()).isEqualTo(Pruned);

      s.live(pod1, deleting(pod2));
      s.step();
      assertThat(s.phase()).isEqualTo(Running);
      assertThat(s.message()).isEqualTo("waiting for deletion of /Pod/pod-2");
      assertThat(s.results()).hasSize(2);

      s.live(pod1);
      s.step();
      assertThat(s.phase()).isEqualTo(Succeeded);
      assertThat(s.results()).extracting(ResourceResult::name).containsExactly("pod-3", "pod-2", "pod-1");
      assertThat(s.results()).allMatch(r -> r.status() == Pruned);
    }

    @Test
    void S22_appLevelPruneFalseSkipsThePrune() {
      Scenario s = new Scenario().live(pod()).settings(b -> b.prune(true).pruneDefault("false"));
      s.step();
      assertThat(s.phase()).isEqualTo(Succeeded);
      assertThat(s.result("my-pod").status()).isEqualTo(PruneSkipped);
      assertThat(s.result("my-pod").message()).isEqualTo("ignored (no prune)");
      s.step();
      assertThat(s.phase()).isEqualTo(Succeeded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "true", "false"})
    void S22_objectPruneFalseOverridesTheAppDefault(String appDefault) {
      Scenario s = new Scenario().live(syncOptions(pod(), "Prune=false"))
          .settings(b -> b.prune(true).pruneDefault(appDefault.isEmpty() ? null : appDefault));
      s.step();
      assertThat(s.phase()).isEqualTo(Succeeded);
      assertThat(s.result("my-pod").status()).isEqualTo(PruneSkipped);
      assertThat(s.result("my-pod").message()).isEqualTo("ignored (no prune)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"object", "app"})
    void S22_pruneConfirmWaitsForConfirmation(String where) {
      KubeObject live = where.equals("object") ? syncOptions(pod(), "Prune=confirm") : pod();
      Scenario s = new Scenario().live(live).settings(b -> b.prune(true)
          .pruneDefault(where.equals("app") ? "confirm" : "true"));
      s.step();
      assertThat(s.phase()).isEqualTo(Running);
      assertThat(s.results()).isEmpty();
      assertThat(s.message()).isEqualTo("waiting for pruning confirmation of /Pod/my-pod");

      s.settings(b -> b.pruneConfirmed(true));
      s.step();
      assertThat(s.phase()).isEqualTo(Succeeded);
      assertThat(s.result("my-pod").status()).isEqualTo(Pruned);
      assertThat(s.result("my-pod").message()).isEqualTo("pruned");
    }

    @Test
    void S22_operationWithoutPruneSkipsWithRequiresPruning() {
      Scenario s = new Scenario().live(pod());
      s.step();
      assertThat(s.phase()).isEqualTo(Succeeded);
      assertThat(s.result("my-pod").status()).isEqualTo(PruneSkipped);
      assertThat(s.result("my-pod").message()).isEqualTo("ignored (requires pruning)");
    }

    private Scenario outOfSyncOnly(Map<ResourceKey, Boolean> diff) {
      return new Scenario().targets(pod("pod-1"), pod("pod-3")).live(pod("pod-2"), pod("pod-3"))
          .settings(b -> b.applyOutOfSyncOnly(true, diff));
    }

    private final Map<ResourceKey, Boolean> diff = Map.of(
        key(pod("pod-1")), true, key(pod("pod-2")), true, key(pod("pod-3")), false);

    @Test
    void S23_applyOutOfSyncOnlyWithoutDiffAppliesEverything() {
      Scenario s = outOfSyncOnly(Map.of());
      s.step();
      assertThat(s.phase()).isEqualTo(Succeeded);
      assertThat(s.results()).hasSize(3);
    }

    @Test
    void S23_applyOutOfSyncOnlySkipsUnmodifiedResources() {
      Scenario s = outOfSyncOnly(diff);
      s.step();
      assertThat(s.phase()).isEqualTo(Succeeded);
      assertThat(s.results()).hasSize(2);
      assertThat(s.result("pod-1").status()).isEqualTo(Synced);
      assertThat(s.result("pod-2").status()).isEqualTo(PruneSkipped);
      assertThat(s.results()).noneMatch(r -> r.name().equals("pod-3"));
    }

    @Test
    void S23_resourcesAbsentFromTheDiffAreApplied() {
      Scenario s = outOfSyncOnly(diff).targets(pod("pod-4"));
      s.cluster.addLive(pod("pod-4"));
      s.step();
      assertThat(s.phase()).isEqualTo(Succeeded);
      assertThat(s.results()).hasSize(3);
    }

    @Test
    void S23_applyOutOfSyncOnlyStillPrunes() {
      Scenario s = outOfSyncOnly(diff).settings(b -> b.prune(true));
      s.step();
      assertThat(s.phase()).isEqualTo(Succeeded);
      assertThat(s.results()).hasSize(2);
      assertThat(s.result("pod-2").status()).isEqualTo(Pruned);
    }

    @Test
    void S23_unmodifiedWaveIsSkippedAndAppliedResourceIsWaitedFor() {
      Scenario s = new Scenario()
          .targets(wave(pod("pod-1"), 2), wave(pod("pod-3"), 1))
          .live(wave(pod("pod-2"), 3), wave(pod("pod-3"), 1))
          .settings(b -> b.prune(true).applyOutOfSyncOnly(true, diff));
      s.cluster.apiHas(pod("pod-1"));
      s.step();
      assertThat(s.phase()).isEqualTo(Running);
      assertThat(s.results()).hasSize(1);
      assertThat(s.result("pod-1").hookPhase()).isEqualTo(Running);
      s.step();
      assertThat(s.phase()).isEqualTo(Running);
      assertThat(s.result("pod-1").status()).isEqualTo(Synced);
      assertThat(s.result("pod-1").hookPhase()).isEqualTo(Running);
    }

    @Test
    void S23_clusterScopedUnmodifiedResourcesAreSkipped() {
      KubeObject ns1 = KubeObject.of("v1", "Namespace", null, "ns-1");
      KubeObject ns2 = KubeObject.of("v1", "Namespace", "spurious", "ns-2");
      KubeObject ns3 = KubeObject.of("v1", "Namespace", null, "ns-3");
      KubeObject live2 = KubeObject.of("v1", "Namespace", null, "ns-2");
      Scenario s = new Scenario().targets(ns1, ns2, ns3).live(live2, ns3)
          .settings(b -> b.applyOutOfSyncOnly(true, Map.of(
              key(ns1), true, key(live2), false, key(ns3), false)));
      s.step();
      assertThat(s.phase()).isEqualTo(Succeeded);
      assertThat(s.results()).extracting(ResourceResult::name).containsExactly("ns-1");
    }

    private FakeCluster.Applied applied(Scenario s, String name) {
      return s.cluster.applies.stream().filter(a -> !a.dryRun() && a.name().equals(name))
          .findFirst().orElseThrow();
    }

    @Test
    void S24_replaceOptionSelectsReplaceOrCreate() {
      Scenario plain = new Scenario().targets(pod("a")).live(pod("a"));
      plain.step();
      assertThat(applied(plain, "a").method()).isEqualTo(ApplyStrategy.Method.APPLY);

      Scenario onTarget = new Scenario().targets(syncOptions(pod("a"), "Replace=true")).live(pod("a"));
      onTarget.step();
      assertThat(applied(onTarget, "a").method()).isEqualTo(ApplyStrategy.Method.REPLACE);

      Scenario onLive = new Scenario().targets(pod("a")).live(syncOptions(pod("a"), "Replace=true"));
      onLive.step();
      assertThat(applied(onLive, "a").method()).isEqualTo(ApplyStrategy.Method.REPLACE);

      Scenario noLive = new Scenario().targets(syncOptions(pod("a"), "Replace=true"));
      noLive.step();
      assertThat(applied(noLive, "a").method()).isEqualTo(ApplyStrategy.Method.CREATE);
    }

    @Test
    void S24_forceOptionPassesForce() {
      Scenario force = new Scenario().targets(syncOptions(pod("a"), "Force=true")).live(pod("a"));
      force.step();
      assertThat(applied(force, "a").method()).isEqualTo(ApplyStrategy.Method.APPLY);
      assertThat(applied(force, "a").strategy().force()).isTrue();

      Scenario both = new Scenario().targets(syncOptions(pod("a"), "Force=true,Replace=true"))
          .live(pod("a"));
      both.step();
      assertThat(applied(both, "a").method()).isEqualTo(ApplyStrategy.Method.REPLACE);
      assertThat(applied(both, "a").strategy().force()).isTrue();

      Scenario onLive = new Scenario().targets(pod("a"))
          .live(syncOptions(pod("a"), "Force=true,Replace=true"));
      onLive.step();
      assertThat(applied(onLive, "a").method()).isEqualTo(ApplyStrategy.Method.REPLACE);
      assertThat(applied(onLive, "a").strategy().force()).isTrue();

      Scenario create = new Scenario().targets(syncOptions(pod("a"), "Force=true,Replace=true"));
      create.step();
      assertThat(applied(create, "a").method()).isEqualTo(ApplyStrategy.Method.CREATE);
    }

    @Test
    void S24_serverSideApplyIsChosenPerObjectAndNeverForDryRuns() {
      Scenario ssa = new Scenario().targets(syncOptions(pod("a"), "ServerSideApply=true"));
      ssa.step();
      assertThat(applied(ssa, "a").strategy().serverSide()).isTrue();
      assertThat(applied(ssa, "a").strategy().fieldManager()).isEqualTo("wavesync");
      assertThat(ssa.cluster.applies.stream().filter(FakeCluster.Applied::dryRun))
          .allMatch(a -> !a.strategy().serverSide());

      Scenario off = new Scenario().targets(syncOptions(pod("a"), "ServerSideApply=false"))
          .settings(b -> b.serverSideApply(true));
      off.step();
      assertThat(applied(off, "a").strategy().serverSide()).isFalse();

      Scenario replace = new Scenario()
          .targets(syncOptions(pod("a"), "Replace=true,ServerSideApply=true")).live(pod("a"));
      replace.step();
      assertThat(applied(replace, "a").method()).isEqualTo(ApplyStrategy.Method.REPLACE);
      assertThat(applied(replace, "a").strategy().serverSide()).isFalse();

      KubeObject ns = KubeObject.of("v1", "Namespace", null, "ns-a");
      Scenario namespace = new Scenario()
          .targets(syncOptions(ns, "Replace=true,ServerSideApply=true")).live(ns);
      namespace.step();
      assertThat(applied(namespace, "ns-a").method()).isEqualTo(ApplyStrategy.Method.UPDATE);

      Scenario dryRunOp = new Scenario().targets(syncOptions(pod("a"), "ServerSideApply=true"))
          .settings(b -> b.dryRun(true));
      dryRunOp.step();
      assertThat(dryRunOp.cluster.applies).allMatch(a -> !a.strategy().serverSide());
    }

    @Test
    void S24_validateFalseTurnsOffValidation() {
      Scenario on = new Scenario().targets(pod("a"), syncOptions(pod("b"), "Validate=true"));
      on.step();
      assertThat(applied(on, "a").strategy().validate()).isTrue();
      assertThat(applied(on, "b").strategy().validate()).isTrue();
      Scenario off = new Scenario().targets(syncOptions(pod("a"), "Validate=false"));
      off.step();
      assertThat(applied(off, "a").strategy().validate()).isFalse();
    }
  }

  @Nested
  class HooksSyncFailAndDeletePolicies {

    private Scenario syncAndSyncFailHooks() {
      return new Scenario().targets(pod(),
          hook("hook-1", "Sync", "BeforeHookCreation"),
          hook("sync-fail-hook", "SyncFail", "HookSucceeded"));
    }

    @Test
    void S25_syncHookWithSyncFailHookSucceedsWithoutRunningTheSyncFailHook() {
      Scenario s = syncAndSyncFailHooks();
      s.cluster.health.put("my-pod", HealthStatus.Healthy);
      s.cluster.health.put("hook-1", HealthStatus.Healthy);
      s.step();
      assertThat(s.phase()).isEqualTo(Running);
      // decision 3: the single-wave step waits for the hook alone
      assertThat(s.message()).isEqualTo("waiting for completion of hook /Pod/hook-1");
      assertThat(s.results()).hasSize(2);

      s.live(pod(), hook("hook-1", "Sync", "BeforeHookCreation"));
      s.step();
      assertThat(s.phase()).isEqualTo(Succeeded);
      assertThat(s.message()).isEqualTo("successfully synced (no more tasks)");
      assertThat(s.results()).hasSize(2);
      assertThat(s.cluster.updates).containsExactly("hook-1");
      assertThat(s.cluster.deletes).isEmpty();
      assertThat(s.cluster.appliedNames(false)).doesNotContain("sync-fail-hook");
    }

    @Test
    void S26_failedSyncHookRunsSyncFailHooks() {
      Scenario s = syncAndSyncFailHooks();
      s.cluster.health.put("hook-1", HealthStatus.Degraded);
      s.cluster.health.put("sync-fail-hook", HealthStatus.Healthy);
      s.step();
      assertThat(s.phase()).isEqualTo(Running);
      assertThat(s.message()).isEqualTo("waiting for completion of hook /Pod/hook-1");
      assertThat(s.results()).hasSize(2);

      s.live(pod(), hook("hook-1", "Sync", "BeforeHookCreation"));
      s.step();
      assertThat(s.phase()).isEqualTo(Running);
      assertThat(s.message()).isEqualTo("waiting for completion of hook /Pod/sync-fail-hook");
      assertThat(s.results()).hasSize(3);

      s.cluster.addLive(hook("sync-fail-hook", "SyncFail", "HookSucceeded"));
      s.step();
      assertThat(s.phase()).isEqualTo(Failed);
      assertThat(s.message()).isEqualTo("one or more synchronization tasks completed unsuccessfully");
      assertThat(s.results()).hasSize(3);
      assertThat(s.cluster.deletes).isEmpty();
    }

    @Test
    void S27_applyFailureRunsAllSyncFailHooksAndReportsTheFailedOne() {
      Scenario s = new Scenario().targets(pod(),
          hook("successful-sync-fail-hook", "SyncFail", "BeforeHookCreation"),
          hook("failed-sync-fail-hook", "SyncFail", "BeforeHookCreation"));
      s.cluster.applyFailures.put("my-pod", "fake pod failure");
      s.cluster.applyFailures.put("failed-sync-fail-hook", "fake hook failure");
      s.cluster.health.put("successful-sync-fail-hook", HealthStatus.Healthy);
      s.step();
      assertThat(s.phase()).isEqualTo(Running);
      assertThat(s.message())
          .isEqualTo("waiting for completion of hook /Pod/failed-sync-fail-hook and 1 more hooks");
      assertThat(s.result("my-pod").status()).isEqualTo(SyncFailed);
      assertThat(s.result("my-pod").hookPhase()).isEqualTo(Failed);
      assertThat(s.result("failed-sync-fail-hook").status()).isEqualTo(SyncFailed);
      assertThat(s.result("failed-sync-fail-hook").hookPhase()).isEqualTo(Failed);
      assertThat(s.result("successful-sync-fail-hook").status()).isEqualTo(Synced);
      assertThat(s.result("successful-sync-fail-hook").hookPhase()).isEqualTo(Running);

      s.live(hook("successful-sync-fail-hook", "SyncFail", "BeforeHookCreation"));
      s.step();
      assertThat(s.phase()).isEqualTo(Failed);
      assertThat(s.message()).isEqualTo("one or more synchronization tasks completed unsuccessfully,"
          + " reason: fake pod failure\none or more SyncFail hooks failed, reason: fake hook failure");
      assertThat(s.result("successful-sync-fail-hook").status()).isEqualTo(Synced);
      assertThat(s.result("successful-sync-fail-hook").hookPhase()).isEqualTo(Succeeded);
    }

    @Test
    void S28_beforeHookCreationDeletesThenRecreatesTheHook() {
      KubeObject existing = hook("my-pod", "Sync", "BeforeHookCreation");
      Scenario s = new Scenario().targets(existing).live(existing);
      s.step();
      assertThat(s.cluster.updates).containsExactly("my-pod");
      assertThat(s.cluster.deletes).containsExactly("my-pod");
      assertThat(s.phase()).isEqualTo(Running);
      assertThat(s.message()).isEqualTo("waiting for deletion of hook /Pod/my-pod");

      s.cluster.deleteFailures.put("my-pod", ApiException.notFound("pods \"my-pod\" not found"));
      s.step();
      assertThat(s.cluster.appliedNames(false)).containsExactly("my-pod");
      assertThat(s.phase()).isEqualTo(Running);
      assertThat(s.results()).hasSize(1);
      assertThat(s.result("my-pod").hookPhase()).isEqualTo(Running);
      assertThat(s.message()).isEqualTo("waiting for completion of hook /Pod/my-pod");
    }

    private KubeObject[] existingHooks() {
      return new KubeObject[] {
        hook("existing-hook-1", "PreSync", "BeforeHookCreation"),
        hook("existing-hook-2", "PreSync", "HookFailed"),
        hook("existing-hook-3", "PreSync", "HookSucceeded")
      };
    }

    @Test
    void S29_existingHooksAreUnfinalizedAndOnlyBeforeHookCreationOnesDeleted() {
      KubeObject[] hooks = existingHooks();
      Scenario s = new Scenario().targets(hooks).live(hooks);
      s.step();
      assertThat(s.cluster.updates).hasSize(3);
      assertThat(s.cluster.deletes).containsExactly("existing-hook-1");
      assertThat(s.phase()).isEqualTo(Running);
      assertThat(s.message()).isEqualTo("waiting for deletion of hook /Pod/existing-hook-1");

      s.live(hooks[1], hooks[2]);
      s.step();
      assertThat(s.cluster.appliedNames(false))
          .containsExactlyInAnyOrder("existing-hook-1", "existing-hook-2", "existing-hook-3");
      assertThat(s.cluster.deletes).containsExactly("existing-hook-1");
    }

    @Test
    void S30_beforeHookCreationOnVanishedObjectCreatesItInTheSameStep() {
      KubeObject h = syncOptions(hook("my-pod", "PreSync", "BeforeHookCreation"), "Replace=true");
      Scenario s = new Scenario().targets(h).live(h);
      s.cluster.deleteFailures.put("my-pod", ApiException.notFound("not found"));
      s.step();
      assertThat(s.cluster.deletes).containsExactly("my-pod");
      FakeCluster.Applied created = s.cluster.applies.stream().filter(a -> !a.dryRun())
          .findFirst().orElseThrow();
      assertThat(created.method()).isEqualTo(ApplyStrategy.Method.CREATE);
      assertThat(s.result("my-pod").hookPhase()).isEqualTo(Running);
    }

    private Scenario phaseWithThreeHooks(HealthStatus h1, HealthStatus h2, HealthStatus h3) {
      KubeObject hook1 = hook("hook-1", "PreSync", "BeforeHookCreation");
      KubeObject hook2 = hook("hook-2", "PreSync", "HookFailed");
      KubeObject hook3 = hook("hook-3", "PreSync", "HookSucceeded");
      Scenario s = new Scenario().targets(hook1, hook2, hook3).live(hook1, hook2, hook3).results(
          recorded(hook1, SyncPhase.PreSync, true, Synced, Running, ""),
          recorded(hook2, SyncPhase.PreSync, true, Synced, Running, ""),
          recorded(hook3, SyncPhase.PreSync, true, Synced, Running, ""));
      s.cluster.health.put("hook-1", h1);
      s.cluster.health.put("hook-2", h2);
      s.cluster.health.put("hook-3", h3);
      return s;
    }

    @Test
    void S31_noHookIsUnfinalizedOrDeletedWhileAPhaseIsIncomplete() {
      Scenario s = phaseWithThreeHooks(
          HealthStatus.Progressing, HealthStatus.Healthy, HealthStatus.Healthy);
      s.step();
      assertThat(s.phase()).isEqualTo(Running);
      assertThat(s.message()).isEqualTo("waiting for completion of hook /Pod/hook-1");
      assertThat(s.cluster.updates).isEmpty();
      assertThat(s.cluster.deletes).isEmpty();
    }

    @Test
    void S32_hookSucceededHooksAreDeletedWhenTheSyncSucceeds() {
      Scenario s = phaseWithThreeHooks(HealthStatus.Healthy, HealthStatus.Healthy, HealthStatus.Healthy);
      s.step();
      assertThat(s.phase()).isEqualTo(Succeeded);
      assertThat(s.message()).isEqualTo("successfully synced (no more tasks)");
      assertThat(s.cluster.updates).hasSize(3);
      assertThat(s.cluster.deletes).containsExactly("hook-3");
    }

    @Test
    void S33_hookFailedHooksAreDeletedWhenTheSyncFailsEvenIfTheyThemselvesSucceeded() {
      Scenario s = phaseWithThreeHooks(HealthStatus.Degraded, HealthStatus.Healthy, HealthStatus.Healthy);
      s.step();
      assertThat(s.phase()).isEqualTo(Failed);
      assertThat(s.message()).isEqualTo("one or more synchronization tasks completed unsuccessfully");
      assertThat(s.cluster.updates).hasSize(3);
      assertThat(s.cluster.deletes).containsExactly("hook-2");
    }

    @Test
    void S34_skippedHooksAreNeitherCreatedNorPruned() {
      KubeObject create = hook("do-not-create-me", "PreSync", "BeforeHookCreation");
      KubeObject prune = KubeObject.of("v1", "Service", FakeCluster.NS, "do-not-prune-me")
          .withAnnotation("argocd.argoproj.io/hook", "PreSync");
      Scenario s = new Scenario().targets(create, prune).live(prune)
          .settings(b -> b.skipHooks(true).prune(true));
      s.step();
      assertThat(s.phase()).isEqualTo(Succeeded);
      assertThat(s.results()).isEmpty();
      assertThat(s.cluster.deletes).isEmpty();
      assertThat(s.cluster.appliedNames(false)).isEmpty();
    }

    @Test
    void S35_waveCallbackIsInvokedOncePerAppliedWaveWithTheFinalFlag() {
      List<String> calls = new ArrayList<>();
      Scenario s = new Scenario()
          .targets(wave(pod("pod-1"), -1), wave(pod("pod-2"), 0),
              pod("pod-3").withAnnotation("argocd.argoproj.io/hook", "PostSync"))
          .settings(b -> b.waveHook((p, w, f) -> calls.add(p + "/" + w + "/" + f)));
      s.step();
      assertThat(calls).containsExactly("Sync/-1/false");
      s.step();
      assertThat(calls).containsExactly("Sync/-1/false");
      markSucceeded(s, "pod-1");
      s.step();
      assertThat(calls).containsExactly("Sync/-1/false", "Sync/0/false");
      markSucceeded(s, "pod-2");
      s.step();
      assertThat(calls).containsExactly("Sync/-1/false", "Sync/0/false", "PostSync/0/true");
    }

    private void markSucceeded(Scenario s, String name) {
      List<ResourceResult> results = new ArrayList<>();
      for (ResourceResult r : s.results()) {
        results.add(r.name().equals(name) ? r.with(r.status(), Succeeded, r.message()) : r);
      }
      s.state = s.state.withResults(results);
    }

    @Test
    void S36_waveCallbackErrorTerminatesRunningHooksWithError() {
      Scenario s = new Scenario().targets(pod("pod-1"),
              hook("sync-hook", "Sync", "BeforeHookCreation"),
              hook("sync-fail-hook", "SyncFail", "BeforeHookCreation"))
          .settings(b -> b.waveHook((p, w, f) -> {
            throw new IllegalStateException("intentional error");
          }));
      s.step();
      assertThat(s.phase()).isEqualTo(Error);
      assertThat(s.message()).isEqualTo("SyncWaveHook failed: intentional error");
      assertThat(s.results()).hasSize(2);
      assertThat(s.result("pod-1").hookPhase()).isIn(Running, Succeeded);
      assertThat(s.result("sync-hook").message()).isEqualTo("Terminated");
      // decision 5: the hook's object could not be found, so it is recorded Failed
      assertThat(s.result("sync-hook").hookPhase()).isEqualTo(Failed);
      assertThat(s.cluster.appliedNames(false)).doesNotContain("sync-fail-hook");
    }

    @Test
    void S37_applyFailureReasonsAreDistinct() {
      Scenario s = new Scenario().targets(pod("pod-1"), pod("pod-2"));
      s.cluster.applyFailures.put("pod-1", "namespace not found");
      s.cluster.applyFailures.put("pod-2", "namespace not found");
      s.step();
      assertThat(s.phase()).isEqualTo(Failed);
      assertThat(s.message())
          .isEqualTo("one or more objects failed to apply, reason: namespace not found");
    }

    @Test
    void S37_runningSyncFailHookKeepsTheOperationRunning() {
      KubeObject sf = hook("sync-fail-hook", "SyncFail", "BeforeHookCreation");
      Scenario s = new Scenario().targets(pod(), sf).live(pod(), sf).results(
          recorded(pod(), SyncPhase.Sync, false, SyncFailed, Failed, "task in error"),
          recorded(sf, SyncPhase.SyncFail, true, Synced, Running, ""));
      s.cluster.health.put("sync-fail-hook", HealthStatus.Progressing);
      s.step();
      assertThat(s.phase()).isEqualTo(Running);
      assertThat(s.message()).isEqualTo("waiting for completion of hook /Pod/sync-fail-hook");
    }

    @Test
    void S37_failedSyncFailHookIsAppendedToTheApplyFailureMessage() {
      KubeObject ok = hook("sf-1", "SyncFail", "BeforeHookCreation");
      KubeObject bad = hook("sf-2", "SyncFail", "BeforeHookCreation");
      Scenario s = new Scenario().targets(pod("pod-1"), ok, bad).live(ok).results(
          recorded(ok, SyncPhase.SyncFail, true, Synced, Succeeded, ""),
          recorded(bad, SyncPhase.SyncFail, true, SyncFailed, Failed, "failed to apply"));
      s.cluster.applyFailures.put("pod-1", "task in error");
      s.step();
      assertThat(s.phase()).isEqualTo(Failed);
      assertThat(s.message()).isEqualTo("one or more objects failed to apply, reason: task in error"
          + "\none or more SyncFail hooks failed, reason: failed to apply");
    }

    @Test
    void S38_runningMessagesNameTheFirstHookAndCountTheRest() {
      SyncTask myPod = task(pod("my-pod"));
      SyncTask pod1 = task(pod("pod-1"));
      SyncTask pod2 = task(pod("pod-2"));
      SyncTask pod3 = task(pod("pod-3"));
      SyncTask hook1 = task(hook("hook-1", "Sync", "BeforeHookCreation"));
      SyncTask hook2 = task(hook("hook-2", "Sync", "BeforeHookCreation"));
      assertThat(SyncContext.runningMessage(List.of(), false)).isEmpty();
      assertThat(SyncContext.runningMessage(List.of(myPod), false))
          .isEqualTo("waiting for healthy state of /Pod/my-pod");
      assertThat(SyncContext.runningMessage(List.of(pod1, pod2, pod3), false))
          .isEqualTo("waiting for healthy state of /Pod/pod-1 and 2 more resources");
      assertThat(SyncContext.runningMessage(List.of(hook1), false))
          .isEqualTo("waiting for completion of hook /Pod/hook-1");
      assertThat(SyncContext.runningMessage(List.of(hook1, hook2), false))
          .isEqualTo("waiting for completion of hook /Pod/hook-1 and 1 more hooks");
      assertThat(SyncContext.runningMessage(List.of(pod1, hook1, pod2), false))
          .isEqualTo("waiting for completion of hook /Pod/hook-1 and 2 more resources");
      assertThat(SyncContext.runningMessage(List.of(myPod), true))
          .isEqualTo("waiting for deletion of /Pod/my-pod");
      assertThat(SyncContext.runningMessage(List.of(pod1, pod2, pod3), true))
          .isEqualTo("waiting for deletion of /Pod/pod-1 and 2 more resources");
      assertThat(SyncContext.runningMessage(List.of(hook1), true))
          .isEqualTo("waiting for deletion of hook /Pod/hook-1");
      assertThat(SyncContext.runningMessage(List.of(hook1, hook2), true))
          .isEqualTo("waiting for deletion of hook /Pod/hook-1 and 1 more hooks");
      assertThat(SyncContext.runningMessage(List.of(pod1, hook1, pod2), true))
          .isEqualTo("waiting for deletion of hook /Pod/hook-1 and 2 more resources");
    }

    private SyncTask task(KubeObject obj) {
      return new SyncTask(SyncPhase.Sync, obj, null);
    }
  }

  @Nested
  class Termination {

    private Scenario runningHooks(HealthStatus health) {
      KubeObject hook1 = hook("hook-1", "Sync", "BeforeHookCreation");
      KubeObject hook2 = hook("hook-2", "Sync", "HookFailed");
      KubeObject hook3 = hook("hook-3", "Sync", "HookSucceeded");
      Scenario s = new Scenario().targets(pod(), hook1, hook2, hook3)
          .live(pod(), hook1, hook2, hook3).results(
              recorded(hook1, SyncPhase.Sync, true, Synced, Running, ""),
              recorded(hook2, SyncPhase.Sync, true, Synced, Running, ""),
              recorded(hook3, SyncPhase.Sync, true, Synced, Running, ""),
              recorded(pod(), SyncPhase.Sync, false, Synced, Running, ""));
      for (String h : List.of("hook-1", "hook-2", "hook-3")) {
        s.cluster.health.put(h, health);
      }
      return s;
    }

    @Test
    void S39_terminateDeletesRunningHooksAndFailsTheOperation() {
      Scenario s = runningHooks(HealthStatus.Progressing);
      s.terminate();
      assertThat(s.phase()).isEqualTo(Failed);
      assertThat(s.message()).isEqualTo("Operation terminated");
      assertThat(s.results()).hasSize(4);
      for (String h : List.of("hook-1", "hook-2", "hook-3")) {
        assertThat(s.result(h).hookPhase()).isEqualTo(Failed);
        assertThat(s.result(h).message()).isEqualTo("Terminated");
        assertThat(s.result(h).status()).isEqualTo(Synced);
      }
      assertThat(s.cluster.updates).hasSize(3);
      assertThat(s.cluster.deletes).hasSize(3);
    }

    @Test
    void S39_terminateWithoutHooksFailsTheOperation() {
      Scenario s = new Scenario().targets(pod()).live(pod())
          .results(recorded(pod(), SyncPhase.Sync, false, Synced, Running, ""));
      s.terminate();
      assertThat(s.phase()).isEqualTo(Failed);
      assertThat(s.message()).isEqualTo("Operation terminated");
    }

    @Test
    void S40_terminateRecordsHooksThatAlreadyFinishedWithTheirRealResult() {
      Scenario s = runningHooks(HealthStatus.Healthy);
      s.terminate();
      assertThat(s.phase()).isEqualTo(Failed);
      assertThat(s.message()).isEqualTo("Operation terminated");
      for (String h : List.of("hook-1", "hook-2", "hook-3")) {
        assertThat(s.result(h).hookPhase()).isEqualTo(Succeeded);
        assertThat(s.result(h).message()).isEqualTo("test");
      }
      assertThat(s.cluster.updates).hasSize(3);
      assertThat(s.cluster.deletes).containsExactly("hook-2");
    }

    @Test
    void S41_terminateLeavesCompletedHooksInPlace() {
      KubeObject hook1 = hook("hook-1", "Sync", "BeforeHookCreation");
      KubeObject hook2 = hook("hook-2", "Sync", "HookFailed");
      KubeObject hook3 = hook("hook-3", "Sync", "HookSucceeded");
      List<ResourceResult> recorded = List.of(
          recorded(hook1, SyncPhase.Sync, true, Synced, Succeeded, "hook1 completed"),
          recorded(hook2, SyncPhase.Sync, true, Synced, Failed, "hook2 failed"),
          recorded(hook3, SyncPhase.Sync, true, Synced, Error, "hook3 error"),
          recorded(pod(), SyncPhase.Sync, false, Synced, Running, ""));
      Scenario s = new Scenario().targets(pod(), hook1, hook2, hook3)
          .live(pod(), hook1, hook2, hook3).results(recorded.toArray(ResourceResult[]::new));
      s.terminate();
      assertThat(s.phase()).isEqualTo(Failed);
      assertThat(s.message()).isEqualTo("Operation terminated");
      assertThat(s.results()).isEqualTo(recorded);
      assertThat(s.cluster.updates).hasSize(3);
      assertThat(s.cluster.deletes).isEmpty();
    }

    @Test
    void S42_terminateThatCannotRemoveAFinalizerEndsInError() {
      KubeObject hook1 = hook("hook-1", "Sync", "BeforeHookCreation");
      Scenario s = new Scenario().targets(hook1).live(hook1)
          .results(recorded(hook1, SyncPhase.Sync, true, Synced, Running, ""));
      s.cluster.health.put("hook-1", HealthStatus.Progressing);
      s.cluster.updateFailures.put("hook-1", new ApiException(500, "update failed"));
      s.terminate();
      assertThat(s.phase()).isEqualTo(Error);
      assertThat(s.message()).isEqualTo("Operation termination had errors");
      assertThat(s.result("hook-1").hookPhase()).isEqualTo(Error);
      assertThat(s.result("hook-1").message()).contains("update failed");
    }
  }
}
