package io.wavesync.engine.hook;

import static org.assertj.core.api.Assertions.assertThat;

import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.sync.OperationState;
import io.wavesync.engine.sync.Reconciliation;
import io.wavesync.engine.sync.SyncContext;
import io.wavesync.engine.sync.SyncPhase;
import io.wavesync.engine.sync.SyncSettings;
import io.wavesync.engine.sync.SyncTask;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spec §1.2–§1.5 and the §3.8 detection: scenarios S01–S06 of §6.1 plus the parsing rules around
 * them.
 */
class HookClassificationTest {

  private static final String NS = "fake-argocd-ns";
  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  private static KubeObject pod(String name) {
    return KubeObject.of("v1", "Pod", NS, name);
  }

  /** A Pod with the given hook annotations; null leaves an annotation out. */
  private static KubeObject obj(String argo, String helm) {
    KubeObject o = pod("my-pod");
    if (argo != null) {
      o = o.withAnnotation(Annotations.HOOK, argo);
    }
    if (helm != null) {
      o = o.withAnnotation(Annotations.HELM_HOOK, helm);
    }
    return o;
  }

  private static KubeObject argo(String value) {
    return obj(value, null);
  }

  private static KubeObject helm(String value) {
    return obj(null, value);
  }

  private static KubeObject hook(String name, String type, String policy) {
    KubeObject o = pod(name).withAnnotation(Annotations.HOOK, type);
    return policy == null ? o : o.withAnnotation(Annotations.HOOK_DELETE_POLICY, policy);
  }

  private static KubeObject withAnnotation(KubeObject o, String key, String value) {
    return o.withAnnotation(key, value);
  }

  private static List<SyncTask> plan(List<KubeObject> targets, List<KubeObject> live) {
    SyncSettings s = SyncSettings.builder().namespace(NS).revision("FooBarBaz").build();
    return SyncContext.plan(
        new SyncContext.Input(targets, live, OperationState.started(T), s, T));
  }

  private static SyncTask onlyTask(List<KubeObject> targets, List<KubeObject> live) {
    List<SyncTask> tasks = plan(targets, live);
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  // -----------------------------------------------------------------------------------------------
  // S01 Hook classification (every row of the §1.2 decision table)

  @Test
  void S01_noAnnotationsIsANormalResource() {
    KubeObject o = obj(null, null);

    assertThat(Hooks.isHook(o)).isFalse();
    assertThat(Hooks.isSkip(o)).isFalse();
    assertThat(Hooks.types(o)).isEmpty();
    assertThat(Hooks.phases(o)).containsExactly(SyncPhase.Sync);
    assertThat(Hooks.isIgnored(o)).isFalse();
  }

  @Test
  void S01_eachValidArgoValueIsAHookOfThatType() {
    for (HookType t :
        List.of(HookType.PreSync, HookType.Sync, HookType.PostSync, HookType.SyncFail)) {
      KubeObject o = argo(t.name());

      assertThat(Hooks.isHook(o)).as(t.name()).isTrue();
      assertThat(Hooks.isSkip(o)).as(t.name()).isFalse();
      assertThat(Hooks.types(o)).as(t.name()).containsExactly(t);
      assertThat(Hooks.phases(o)).as(t.name()).containsExactly(t.phase().orElseThrow());
      assertThat(Hooks.isIgnored(o)).as(t.name()).isFalse();
    }
  }

  @Test
  void S01_skipAloneIsASkipAndNotAHook() {
    KubeObject o = argo("Skip");

    assertThat(Hooks.isHook(o)).isFalse();
    assertThat(Hooks.isSkip(o)).isTrue();
    assertThat(Hooks.types(o)).containsExactly(HookType.Skip);
    assertThat(Hooks.phases(o)).isEmpty();
    assertThat(Hooks.isIgnored(o)).isFalse();
  }

  @Test
  void S01_skipNextToGarbageIsStillASkip() {
    for (String v : List.of("Skip,Garbage", "Skip,Skip", " Skip ")) {
      KubeObject o = argo(v);

      assertThat(Hooks.isHook(o)).as(v).isFalse();
      assertThat(Hooks.isSkip(o)).as(v).isTrue();
      assertThat(Hooks.types(o)).as(v).containsExactly(HookType.Skip);
    }
  }

  @Test
  void S01_garbageIsAHookWithoutTypesAndIsIgnored() {
    KubeObject o = argo("Garbage");

    assertThat(Hooks.isHook(o)).isTrue();
    assertThat(Hooks.isSkip(o)).isFalse();
    assertThat(Hooks.types(o)).isEmpty();
    assertThat(Hooks.phases(o)).isEmpty();
    assertThat(Hooks.isIgnored(o)).isTrue();
  }

  @Test
  void S01_valuesAreCaseSensitiveSoWrongCaseIsGarbage() {
    for (String v : List.of("presync", "PRESYNC", "skip", "sync")) {
      KubeObject o = argo(v);

      assertThat(Hooks.isHook(o)).as(v).isTrue();
      assertThat(Hooks.isSkip(o)).as(v).isFalse();
      assertThat(Hooks.types(o)).as(v).isEmpty();
      assertThat(Hooks.isIgnored(o)).as(v).isTrue();
    }
  }

  @Test
  void S01_twoValuesGiveTwoTypes() {
    KubeObject o = argo("PreSync,PostSync");

    assertThat(Hooks.isHook(o)).isTrue();
    assertThat(Hooks.isSkip(o)).isFalse();
    assertThat(Hooks.types(o)).containsExactly(HookType.PreSync, HookType.PostSync);
    assertThat(Hooks.phases(o)).containsExactly(SyncPhase.PreSync, SyncPhase.PostSync);
  }

  @Test
  void S01_duplicateArgoValuesCollapseToOneType() {
    KubeObject o = argo("Sync,Sync");

    assertThat(Hooks.isHook(o)).isTrue();
    assertThat(Hooks.isSkip(o)).isFalse();
    assertThat(Hooks.types(o)).containsExactly(HookType.Sync);
    assertThat(Hooks.phases(o)).containsExactly(SyncPhase.Sync);
  }

  @Test
  void S01_skipWithOtherPhasesIsAHookNotASkip() {
    KubeObject o = argo("Skip,PreSync,PostSync");

    assertThat(Hooks.isHook(o)).isTrue();
    assertThat(Hooks.isSkip(o)).isFalse();
    assertThat(Hooks.types(o)).containsExactly(HookType.Skip, HookType.PreSync, HookType.PostSync);
    assertThat(Hooks.phases(o)).containsExactly(SyncPhase.PreSync, SyncPhase.PostSync);
    assertThat(Hooks.isIgnored(o)).isFalse();
  }

  @Test
  void S01_skipAndPreSyncIsAPreSyncHookNotASkip() {
    KubeObject o = argo("Skip,PreSync");

    assertThat(Hooks.isHook(o)).isTrue();
    assertThat(Hooks.isSkip(o)).isFalse();
    assertThat(Hooks.types(o)).containsExactly(HookType.Skip, HookType.PreSync);
    assertThat(Hooks.phases(o)).containsExactly(SyncPhase.PreSync);
  }

  @Test
  void S01_aValidValueNextToGarbageIsAHookOfTheValidType() {
    KubeObject o = argo("Sync,Garbage");

    assertThat(Hooks.isHook(o)).isTrue();
    assertThat(Hooks.isSkip(o)).isFalse();
    assertThat(Hooks.types(o)).containsExactly(HookType.Sync);
    assertThat(Hooks.phases(o)).containsExactly(SyncPhase.Sync);
  }

  @Test
  void S01_helmPreInstallIsAPreSyncHook() {
    KubeObject o = helm("pre-install");

    assertThat(Hooks.isHook(o)).isTrue();
    assertThat(Hooks.isSkip(o)).isFalse();
    assertThat(Hooks.types(o)).containsExactly(HookType.PreSync);
    assertThat(Hooks.phases(o)).containsExactly(SyncPhase.PreSync);
  }

  @Test
  void S01_helmPreInstallAndPreUpgradeKeepBothTypesButGiveOnePhase() {
    KubeObject o = helm("pre-install,pre-upgrade");

    assertThat(Hooks.isHook(o)).isTrue();
    assertThat(Hooks.isSkip(o)).isFalse();
    assertThat(Hooks.types(o)).containsExactly(HookType.PreSync, HookType.PreSync);
    assertThat(Hooks.phases(o)).containsExactly(SyncPhase.PreSync);
  }

  @Test
  void S01_unsupportedHelmHooksAreHooksWithoutTypesAndAreIgnored() {
    for (String v : List.of("garbage", "pre-rollback", "test-success")) {
      KubeObject o = helm(v);

      assertThat(Hooks.isHook(o)).as(v).isTrue();
      assertThat(Hooks.isSkip(o)).as(v).isFalse();
      assertThat(Hooks.types(o)).as(v).isEmpty();
      assertThat(Hooks.phases(o)).as(v).isEmpty();
      assertThat(Hooks.isIgnored(o)).as(v).isTrue();
    }
  }

  @Test
  void S01_helmCrdInstallIsANormalResource() {
    KubeObject o = helm("crd-install");

    assertThat(Hooks.isHook(o)).isFalse();
    assertThat(Hooks.isSkip(o)).isFalse();
    assertThat(Hooks.types(o)).isEmpty();
    assertThat(Hooks.phases(o)).containsExactly(SyncPhase.Sync);
    assertThat(Hooks.isIgnored(o)).isFalse();
  }

  @Test
  void S01_aValidArgoValueMakesTheHelmAnnotationIrrelevant() {
    KubeObject o = obj("Sync", "pre-install");

    assertThat(Hooks.isHook(o)).isTrue();
    assertThat(Hooks.isSkip(o)).isFalse();
    assertThat(Hooks.types(o)).containsExactly(HookType.Sync);
    assertThat(Hooks.phases(o)).containsExactly(SyncPhase.Sync);
  }

  @Test
  void S01_skipWinsOverAHelmHook() {
    KubeObject o = obj("Skip", "pre-install");

    assertThat(Hooks.isHook(o)).isFalse();
    assertThat(Hooks.isSkip(o)).isTrue();
    assertThat(Hooks.types(o)).containsExactly(HookType.Skip);
    assertThat(Hooks.phases(o)).isEmpty();
  }

  @Test
  void S01_garbageArgoValueFallsBackToTheHelmMapping() {
    KubeObject o = obj("Garbage", "pre-install");

    assertThat(Hooks.isHook(o)).isTrue();
    assertThat(Hooks.isSkip(o)).isFalse();
    assertThat(Hooks.types(o)).containsExactly(HookType.PreSync);
    assertThat(Hooks.phases(o)).containsExactly(SyncPhase.PreSync);
    assertThat(Hooks.isIgnored(o)).isFalse();
  }

  @Test
  void S01_anEmptyHookValueIsAHookWithoutTypesAndIsIgnored() {
    KubeObject o = argo("");

    assertThat(Hooks.isHook(o)).isTrue();
    assertThat(Hooks.isSkip(o)).isFalse();
    assertThat(Hooks.types(o)).isEmpty();
    assertThat(Hooks.phases(o)).isEmpty();
    assertThat(Hooks.isIgnored(o)).isTrue();
  }

  @Test
  void S01_ignoredObjectsLeaveTheTargetSetEntirely() {
    KubeObject garbage = argo("Garbage").withName("garbage");
    KubeObject empty = argo("").withName("empty");
    KubeObject helmTest = helm("test-success").withName("helm-test");
    KubeObject normal = pod("normal");

    Reconciliation r = Reconciliation.of(List.of(garbage, empty, helmTest, normal), List.of(), NS);

    assertThat(r.hooks()).isEmpty();
    assertThat(r.resources()).extracting(Reconciliation.Resource::target).containsExactly(normal);
    assertThat(plan(List.of(garbage, empty, helmTest, normal), List.of()))
        .extracting(SyncTask::name)
        .containsExactly("normal");
  }

  // -----------------------------------------------------------------------------------------------
  // S02 Phases

  @Test
  void S02_phasesOfEachHookValue() {
    assertThat(Hooks.phases(obj(null, null))).containsExactly(SyncPhase.Sync);
    assertThat(Hooks.phases(argo("PreSync"))).containsExactly(SyncPhase.PreSync);
    assertThat(Hooks.phases(argo("Sync"))).containsExactly(SyncPhase.Sync);
    assertThat(Hooks.phases(argo("Skip"))).isEmpty();
    assertThat(Hooks.phases(argo("Garbage"))).isEmpty();
    assertThat(Hooks.phases(argo("PostSync"))).containsExactly(SyncPhase.PostSync);
    assertThat(Hooks.phases(argo("SyncFail"))).containsExactly(SyncPhase.SyncFail);
    assertThat(Hooks.phases(argo("PreSync,PostSync")))
        .containsExactlyInAnyOrder(SyncPhase.PreSync, SyncPhase.PostSync);
    assertThat(Hooks.phases(argo("PreSync,PreSync"))).containsExactly(SyncPhase.PreSync);
    assertThat(Hooks.phases(helm("pre-install,pre-upgrade"))).containsExactly(SyncPhase.PreSync);
  }

  @Test
  void S02_eachPhaseGivesOneTaskAndSkipGivesNone() {
    assertThat(plan(List.of(argo("PreSync,PostSync")), List.of()))
        .extracting(SyncTask::phase)
        .containsExactly(SyncPhase.PreSync, SyncPhase.PostSync);
    assertThat(plan(List.of(argo("PreSync,PreSync")), List.of()))
        .extracting(SyncTask::phase)
        .containsExactly(SyncPhase.PreSync);
    assertThat(plan(List.of(argo("Skip")), List.of())).isEmpty();
    assertThat(plan(List.of(argo("Garbage")), List.of())).isEmpty();
    assertThat(plan(List.of(obj(null, null)), List.of()))
        .extracting(SyncTask::phase)
        .containsExactly(SyncPhase.Sync);
  }

  @Test
  void multiPhaseHooksListTheirPhasesInPhaseOrder() {
    assertThat(Hooks.phases(argo("PostSync,PreSync")))
        .containsExactly(SyncPhase.PreSync, SyncPhase.PostSync);
    assertThat(Hooks.phases(argo("SyncFail,PostSync,Sync,PreSync")))
        .containsExactly(SyncPhase.PreSync, SyncPhase.Sync, SyncPhase.PostSync, SyncPhase.SyncFail);
    assertThat(Hooks.phases(argo("PostSync,Skip,Sync,PostSync")))
        .containsExactly(SyncPhase.Sync, SyncPhase.PostSync);
    assertThat(Hooks.phases(helm("post-upgrade,pre-install")))
        .containsExactly(SyncPhase.PreSync, SyncPhase.PostSync);
  }

  // -----------------------------------------------------------------------------------------------
  // S03 Helm types and weight

  @Test
  void S03_helmInstallAndUpgradeHooksMapToPreSyncAndPostSync() {
    assertThat(Hooks.types(helm("pre-install"))).containsExactly(HookType.PreSync);
    assertThat(Hooks.types(helm("pre-upgrade"))).containsExactly(HookType.PreSync);
    assertThat(Hooks.types(helm("post-install"))).containsExactly(HookType.PostSync);
    assertThat(Hooks.types(helm("post-upgrade"))).containsExactly(HookType.PostSync);
    assertThat(Hooks.helmTypes(helm("pre-install,post-upgrade")))
        .containsExactly(HookType.PreSync, HookType.PostSync);
  }

  @Test
  void S03_crdInstallOnACrdIsNotAHookAndHasNoTypes() {
    KubeObject crd = KubeObject.of("apiextensions.k8s.io/v1", "CustomResourceDefinition", null,
            "widgets.example.com")
        .withAnnotation(Annotations.HELM_HOOK, "crd-install");

    assertThat(Hooks.isHook(crd)).isFalse();
    assertThat(Hooks.types(crd)).isEmpty();
    assertThat(Hooks.helmTypes(crd)).isEmpty();
    assertThat(Hooks.phases(crd)).containsExactly(SyncPhase.Sync);
  }

  @Test
  void S03_crdInstallIsComparedAsTheWholeRawValue() {
    KubeObject combined = helm("crd-install,pre-install");
    assertThat(Hooks.isHook(combined)).isTrue();
    assertThat(Hooks.types(combined)).containsExactly(HookType.PreSync);

    KubeObject padded = helm(" crd-install");
    assertThat(Hooks.isHook(padded)).isTrue();
    assertThat(Hooks.types(padded)).isEmpty();
    assertThat(Hooks.isIgnored(padded)).isTrue();
  }

  @Test
  void S03_rollbackTestAndDeleteHelmHooksHaveNoTypes() {
    for (String v : List.of("pre-rollback", "post-rollback", "test", "test-success", "test-failure",
        "pre-delete", "post-delete")) {
      assertThat(Hooks.types(helm(v))).as(v).isEmpty();
      assertThat(Hooks.helmTypes(helm(v))).as(v).isEmpty();
    }
  }

  @Test
  void S03_anyHelmHookValueMakesAHook() {
    assertThat(Hooks.isHook(helm("anything"))).isTrue();
    assertThat(Hooks.isHook(helm(""))).isTrue();
  }

  @Test
  void S03_helmWeight() {
    assertThat(Hooks.wave(pod("p"))).isZero();
    assertThat(Hooks.wave(pod("p").withAnnotation(Annotations.HELM_HOOK_WEIGHT, "1"))).isEqualTo(1);
  }

  // -----------------------------------------------------------------------------------------------
  // S04 Delete policies

  @Test
  void S04_theDefaultPolicyIsBeforeHookCreation() {
    assertThat(Hooks.deletePolicies(argo("Sync"))).containsExactly(DeletePolicy.BeforeHookCreation);
    assertThat(Hooks.deletePolicies(hook("h", "Sync", "garbage")))
        .containsExactly(DeletePolicy.BeforeHookCreation);
    assertThat(Hooks.deletePolicies(hook("h", "Sync", "")))
        .containsExactly(DeletePolicy.BeforeHookCreation);
    assertThat(Hooks.deletePolicies(
            withAnnotation(argo("Sync"), Annotations.HELM_HOOK_DELETE_POLICY, "garbage")))
        .containsExactly(DeletePolicy.BeforeHookCreation);
  }

  @Test
  void S04_validArgoPolicies() {
    assertThat(Hooks.deletePolicies(hook("h", "Sync", "BeforeHookCreation")))
        .containsExactly(DeletePolicy.BeforeHookCreation);
    assertThat(Hooks.deletePolicies(hook("h", "Sync", "HookSucceeded")))
        .containsExactly(DeletePolicy.HookSucceeded);
    assertThat(Hooks.deletePolicies(hook("h", "Sync", "HookFailed")))
        .containsExactly(DeletePolicy.HookFailed);
    assertThat(Hooks.deletePolicies(hook("h", "Sync", "HookSucceeded,HookFailed")))
        .containsExactly(DeletePolicy.HookSucceeded, DeletePolicy.HookFailed);
    // case-sensitive
    assertThat(Hooks.deletePolicies(hook("h", "Sync", "hooksucceeded")))
        .containsExactly(DeletePolicy.BeforeHookCreation);
  }

  @Test
  void S04_helmPoliciesAreMapped() {
    KubeObject h = argo("Sync");
    assertThat(Hooks.deletePolicies(
            withAnnotation(h, Annotations.HELM_HOOK_DELETE_POLICY, "hook-succeeded")))
        .containsExactly(DeletePolicy.HookSucceeded);
    assertThat(Hooks.deletePolicies(
            withAnnotation(h, Annotations.HELM_HOOK_DELETE_POLICY, "before-hook-creation")))
        .containsExactly(DeletePolicy.BeforeHookCreation);
    assertThat(Hooks.deletePolicies(
            withAnnotation(h, Annotations.HELM_HOOK_DELETE_POLICY, "hook-failed")))
        .containsExactly(DeletePolicy.HookFailed);
    assertThat(Hooks.deletePolicies(withAnnotation(helm("pre-install"),
            Annotations.HELM_HOOK_DELETE_POLICY, "hook-succeeded,hook-failed")))
        .containsExactly(DeletePolicy.HookSucceeded, DeletePolicy.HookFailed);
  }

  @Test
  void S04_derivedPolicyCombinations() {
    // [derived] garbage next to a valid value does not bring the default back
    assertThat(Hooks.deletePolicies(hook("h", "Sync", "HookSucceeded,garbage")))
        .containsExactly(DeletePolicy.HookSucceeded);
    // [derived] Argo values first, then the Helm values (merged)
    assertThat(Hooks.deletePolicies(withAnnotation(hook("h", "Sync", "HookFailed"),
            Annotations.HELM_HOOK_DELETE_POLICY, "hook-succeeded")))
        .containsExactly(DeletePolicy.HookFailed, DeletePolicy.HookSucceeded);
  }

  @Test
  void S04_aNonHookHasNoDeletePolicy() {
    KubeObject p = pod("my-pod").withAnnotation(Annotations.HOOK_DELETE_POLICY, "HookSucceeded");

    assertThat(Hooks.deletePolicies(p)).isEmpty();
    assertThat(Hooks.hasDeletePolicy(p, DeletePolicy.HookSucceeded)).isFalse();

    SyncTask task = onlyTask(List.of(p), List.of(p));
    assertThat(task.isHook()).isFalse();
    assertThat(task.deletePolicies()).isEmpty();
    for (DeletePolicy policy : DeletePolicy.values()) {
      assertThat(task.hasHookDeletePolicy(policy)).as(policy.name()).isFalse();
    }
  }

  @Test
  void S04_deleteBeforeCreation() {
    KubeObject bhcHook = hook("hook", "Sync", "BeforeHookCreation");

    // no live object
    assertThat(onlyTask(List.of(bhcHook), List.of()).deleteBeforeCreation()).isFalse();
    // not a hook
    KubeObject p =
        pod("my-pod").withAnnotation(Annotations.HOOK_DELETE_POLICY, "BeforeHookCreation");
    assertThat(onlyTask(List.of(p), List.of(p)).deleteBeforeCreation()).isFalse();
    // a live hook with BeforeHookCreation
    SyncTask live = onlyTask(List.of(bhcHook), List.of(bhcHook));
    assertThat(live.live()).isNotNull();
    assertThat(live.deleteBeforeCreation()).isTrue();
    // the default policy is BeforeHookCreation
    KubeObject defaultHook = hook("hook", "Sync", null);
    assertThat(onlyTask(List.of(defaultHook), List.of(defaultHook)).deleteBeforeCreation())
        .isTrue();
    // a live hook without BeforeHookCreation
    KubeObject succeeded = hook("hook", "Sync", "HookSucceeded");
    assertThat(onlyTask(List.of(succeeded), List.of(succeeded)).deleteBeforeCreation()).isFalse();
  }

  @Test
  void S04_deleteOnPhaseCompletion() {
    KubeObject p = pod("my-pod");
    SyncTask plain = onlyTask(List.of(p), List.of(p));
    assertThat(plain.deleteOnPhaseSuccessful()).isFalse();
    assertThat(plain.deleteOnPhaseFailed()).isFalse();

    KubeObject succeeded = hook("hook", "Sync", "HookSucceeded");
    SyncTask onSuccess = onlyTask(List.of(succeeded), List.of(succeeded));
    assertThat(onSuccess.deleteOnPhaseSuccessful()).isTrue();
    assertThat(onSuccess.deleteOnPhaseFailed()).isFalse();

    KubeObject failed = hook("hook", "Sync", "HookFailed");
    SyncTask onFailure = onlyTask(List.of(failed), List.of(failed));
    assertThat(onFailure.deleteOnPhaseFailed()).isTrue();
    assertThat(onFailure.deleteOnPhaseSuccessful()).isFalse();

    // without a live object there is nothing to delete
    assertThat(onlyTask(List.of(succeeded), List.of()).deleteOnPhaseSuccessful()).isFalse();
    assertThat(onlyTask(List.of(failed), List.of()).deleteOnPhaseFailed()).isFalse();
  }

  @Test
  void S04_taskHookType() {
    assertThat(onlyTask(List.of(pod("my-pod")), List.of()).hookType()).isNull();
    assertThat(onlyTask(List.of(hook("h", "PreSync", null)), List.of()).hookType())
        .isEqualTo(SyncPhase.PreSync);
    assertThat(onlyTask(List.of(hook("h", "Sync", null)), List.of()).hookType())
        .isEqualTo(SyncPhase.Sync);
    assertThat(onlyTask(List.of(hook("h", "PostSync", null)), List.of()).hookType())
        .isEqualTo(SyncPhase.PostSync);
  }

  // -----------------------------------------------------------------------------------------------
  // S05 Waves

  private static KubeObject waved(String syncWave, String helmWeight) {
    KubeObject o = pod("p");
    if (syncWave != null) {
      o = o.withAnnotation(Annotations.SYNC_WAVE, syncWave);
    }
    if (helmWeight != null) {
      o = o.withAnnotation(Annotations.HELM_HOOK_WEIGHT, helmWeight);
    }
    return o;
  }

  @Test
  void S05_waves() {
    assertThat(Hooks.wave(waved(null, null))).isZero();
    assertThat(Hooks.wave(waved("1", null))).isEqualTo(1);
    assertThat(Hooks.wave(waved(null, "1"))).isEqualTo(1);
  }

  @Test
  void S05_taskWaves() {
    assertThat(onlyTask(List.of(waved(null, null)), List.of()).wave()).isZero();
    assertThat(onlyTask(List.of(waved("1", null)), List.of()).wave()).isEqualTo(1);
  }

  @Test
  void S05_derivedWaves() {
    assertThat(Hooks.wave(waved("-3", null))).isEqualTo(-3);
    assertThat(Hooks.wave(waved(" 5", null))).isZero();
    assertThat(Hooks.wave(waved(" 5", "2"))).isEqualTo(2);
    assertThat(Hooks.wave(waved("abc", "7"))).isEqualTo(7);
    assertThat(Hooks.wave(waved("+4", null))).isEqualTo(4);
  }

  @Test
  void waveParsingFollowsAtoi() {
    assertThat(Hooks.parseAtoi("+4")).contains(4L);
    assertThat(Hooks.parseAtoi("-3")).contains(-3L);
    assertThat(Hooks.parseAtoi("0")).contains(0L);
    assertThat(Hooks.parseAtoi("-0")).contains(0L);
    assertThat(Hooks.parseAtoi("007")).contains(7L);
    assertThat(Hooks.parseAtoi("9223372036854775807")).contains(Long.MAX_VALUE);
    assertThat(Hooks.parseAtoi("-9223372036854775808")).contains(Long.MIN_VALUE);
  }

  @Test
  void waveParsingRejectsWhatAtoiRejects() {
    for (String s : List.of("", " 5", "5 ", "\t5", "1_0", "1,000", "1.0", "1e3", "0x10", "+", "-",
        "+-1", "--1", "++1", "abc", "5a", "\u0663", "\uff15",
        "9223372036854775808", "-9223372036854775809", "99999999999999999999")) {
      assertThat(Hooks.parseAtoi(s)).as("'%s'", s).isEmpty();
    }
    assertThat(Hooks.parseAtoi(null)).isEmpty();
  }

  @Test
  void anInvalidSyncWaveFallsBackToTheHelmWeightThenZero() {
    assertThat(Hooks.wave(waved("1_0", "3"))).isEqualTo(3);
    assertThat(Hooks.wave(waved("9223372036854775808", "-2"))).isEqualTo(-2);
    assertThat(Hooks.wave(waved("", "6"))).isEqualTo(6);
    assertThat(Hooks.wave(waved("x", "y"))).isZero();
    assertThat(Hooks.wave(waved(null, " 3"))).isZero();
    assertThat(Hooks.wave(waved(null, "1_0"))).isZero();
    assertThat(Hooks.wave(waved(null, "+8"))).isEqualTo(8);
  }

  @Test
  void aValidSyncWaveWinsOverTheHelmWeightEvenWhenZero() {
    assertThat(Hooks.wave(waved("2", "9"))).isEqualTo(2);
    assertThat(Hooks.wave(waved("0", "5"))).isZero();
    assertThat(Hooks.wave(waved("-1", "5"))).isEqualTo(-1);
  }

  @Test
  void theHelmWeightAppliesToHooksAndNonHooksAlike() {
    KubeObject plain = pod("p").withAnnotation(Annotations.HELM_HOOK_WEIGHT, "3");
    KubeObject argoHook =
        hook("h", "PreSync", null).withAnnotation(Annotations.HELM_HOOK_WEIGHT, "-4");
    KubeObject helmHook = helm("post-install").withAnnotation(Annotations.HELM_HOOK_WEIGHT, "5");

    assertThat(Hooks.wave(plain)).isEqualTo(3);
    assertThat(Hooks.wave(argoHook)).isEqualTo(-4);
    assertThat(Hooks.wave(helmHook)).isEqualTo(5);
  }

  // -----------------------------------------------------------------------------------------------
  // S06 PreDelete / PostDelete detection and partition

  @Test
  void S06_preAndPostDeleteDetection() {
    assertThat(Hooks.isPreDeleteHook(argo("PreDelete"))).isTrue();
    assertThat(Hooks.isPostDeleteHook(argo("PreDelete"))).isFalse();
    assertThat(Hooks.isPreDeleteHook(helm("pre-delete"))).isTrue();
    assertThat(Hooks.isPostDeleteHook(helm("pre-delete"))).isFalse();

    assertThat(Hooks.isPostDeleteHook(argo("PostDelete"))).isTrue();
    assertThat(Hooks.isPreDeleteHook(argo("PostDelete"))).isFalse();
    assertThat(Hooks.isPostDeleteHook(helm("post-delete"))).isTrue();
    assertThat(Hooks.isPreDeleteHook(helm("post-delete"))).isFalse();

    for (KubeObject both : List.of(argo("PostDelete,PreDelete"), helm("post-delete,pre-delete"))) {
      assertThat(Hooks.isPreDeleteHook(both)).isTrue();
      assertThat(Hooks.isPostDeleteHook(both)).isTrue();
    }

    KubeObject none = obj(null, null);
    assertThat(Hooks.isPreDeleteHook(none)).isFalse();
    assertThat(Hooks.isPostDeleteHook(none)).isFalse();
  }

  @Test
  void S06_argoAndHelmAnnotationsAreCheckedIndependently() {
    KubeObject mixed = obj("PreDelete", "post-delete");
    assertThat(Hooks.isPreDeleteHook(mixed)).isTrue();
    assertThat(Hooks.isPostDeleteHook(mixed)).isTrue();

    // a valid Argo sync value does not hide the Helm pre-delete
    KubeObject syncAndHelmDelete = obj("Sync", "pre-delete");
    assertThat(Hooks.isPreDeleteHook(syncAndHelmDelete)).isTrue();
    assertThat(Hooks.excludedFromSync(syncAndHelmDelete)).isFalse();
  }

  @Test
  void S06_partitionOfTheSyncSet() {
    KubeObject keep = argo("PostSync,PreDelete,PostDelete");
    assertThat(Hooks.isPreDeleteHook(keep)).isTrue();
    assertThat(Hooks.isPostDeleteHook(keep)).isTrue();
    assertThat(Hooks.excludedFromSync(keep)).isFalse();
    assertThat(Hooks.phases(keep)).containsExactly(SyncPhase.PostSync);

    assertThat(Hooks.excludedFromSync(argo("PreDelete"))).isTrue();
    assertThat(Hooks.excludedFromSync(argo("PostDelete"))).isTrue();
    assertThat(Hooks.excludedFromSync(helm("pre-delete"))).isTrue();

    KubeObject helmKeep = helm("pre-install,pre-delete");
    assertThat(Hooks.isPreDeleteHook(helmKeep)).isTrue();
    assertThat(Hooks.excludedFromSync(helmKeep)).isFalse();

    assertThat(Hooks.excludedFromSync(obj(null, null))).isFalse();
  }

  @Test
  void S06_excludedHooksNeverReachTheSync() {
    KubeObject keep = argo("PostSync,PreDelete,PostDelete").withName("keep");
    KubeObject preDelete = argo("PreDelete").withName("pre-delete");
    KubeObject postDelete = argo("PostDelete").withName("post-delete");
    KubeObject helmPreDelete = helm("pre-delete").withName("helm-pre-delete");
    KubeObject helmKeep = helm("pre-install,pre-delete").withName("helm-keep");
    KubeObject normal = pod("normal");
    List<KubeObject> all = List.of(keep, preDelete, postDelete, helmPreDelete, helmKeep, normal);

    Reconciliation r = Reconciliation.of(all, List.of(), NS);
    assertThat(r.hooks()).containsExactly(keep, helmKeep);
    assertThat(r.resources()).extracting(Reconciliation.Resource::target).containsExactly(normal);

    assertThat(plan(all, List.of()))
        .extracting(t -> t.phase() + " " + t.name())
        .containsExactly("PreSync helm-keep", "Sync normal", "PostSync keep");
  }

  @Test
  void preAndPostDeletePartitionFollowsTheSyncPhaseTypes() {
    assertThat(Hooks.excludedFromSync(argo("PreDelete,PostDelete"))).isTrue();
    assertThat(Hooks.excludedFromSync(helm("post-delete"))).isTrue();
    assertThat(Hooks.excludedFromSync(helm("pre-delete,post-delete"))).isTrue();
    // a garbage value next to PreDelete is not a sync phase
    assertThat(Hooks.excludedFromSync(argo("PreDelete,Garbage"))).isTrue();
    // Skip is not a sync phase
    assertThat(Hooks.excludedFromSync(argo("Skip,PostDelete"))).isTrue();
    // any sync phase keeps the object
    for (String p : List.of("PreSync", "Sync", "PostSync", "SyncFail")) {
      assertThat(Hooks.excludedFromSync(argo(p + ",PreDelete"))).as(p).isFalse();
      assertThat(Hooks.excludedFromSync(argo("PostDelete," + p))).as(p).isFalse();
    }
    // the Argo PreDelete value is not a valid sync value, so the Helm mapping gives the phase
    KubeObject helmPhase = obj("PreDelete", "post-install");
    assertThat(Hooks.excludedFromSync(helmPhase)).isFalse();
    assertThat(Hooks.phases(helmPhase)).containsExactly(SyncPhase.PostSync);
    // the detection uses the CSV rule
    assertThat(Hooks.isPreDeleteHook(argo(" PreDelete , Sync"))).isTrue();
    assertThat(Hooks.isPreDeleteHook(argo("predelete"))).isFalse();
  }
}
