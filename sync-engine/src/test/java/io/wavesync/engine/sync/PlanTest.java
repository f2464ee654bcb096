package io.wavesync.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.wavesync.engine.hook.Annotations;
import io.wavesync.engine.model.KubeObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Plan#of}: the offline task list plus the skipped and ignored objects. */
class PlanTest {

  private static final String NS = FakeCluster.NS;
  private static final long TS = FakeCluster.T.getEpochSecond();

  private static KubeObject pod(String name) {
    return KubeObject.of("v1", "Pod", null, name);
  }

  private static KubeObject generateNamed(String generateName) {
    return KubeObject.parseJson("{\"apiVersion\":\"v1\",\"kind\":\"Pod\","
        + "\"metadata\":{\"generateName\":\"" + generateName + "\"}}");
  }

  private static Plan plan(KubeObject... manifests) {
    return Plan.of(List.of(manifests), NS, FakeCluster.REVISION, FakeCluster.T);
  }

  @Test
  void tasksCarryPhaseWaveIdentityHookTypesAndPolicies() {
    KubeObject web = Objects.wave(pod("web"), 2);
    KubeObject migrate = generateNamed("migrate-")
        .withAnnotation(Annotations.HOOK, "PreSync")
        .withAnnotation(Annotations.HOOK_DELETE_POLICY, "HookSucceeded");
    KubeObject check = pod("check").withAnnotation(Annotations.HOOK, "PostSync,PreSync");
    KubeObject helmHook = KubeObject.of("batch/v1", "Job", "other", "helm-job")
        .withAnnotation(Annotations.HELM_HOOK, "pre-install,pre-upgrade")
        .withAnnotation(Annotations.HELM_HOOK_DELETE_POLICY, "hook-succeeded")
        .withAnnotation(Annotations.HELM_HOOK_WEIGHT, "-1");
    KubeObject notify = pod("notify").withAnnotation(Annotations.HOOK, "PostSync,PreDelete");

    Plan p = plan(web, migrate, check, helmHook, notify);

    assertThat(p.tasks()).containsExactly(
        new Plan.Task(SyncPhase.PreSync, -1, "batch", "Job", "other", "helm-job", true,
            List.of("PreSync"), List.of("HookSucceeded")),
        new Plan.Task(SyncPhase.PreSync, 0, "", "Pod", NS, "check", true,
            List.of("PostSync", "PreSync"), List.of("BeforeHookCreation")),
        new Plan.Task(SyncPhase.PreSync, 0, "", "Pod", NS, "migrate-foobarb-presync-" + TS, true,
            List.of("PreSync"), List.of("HookSucceeded")),
        new Plan.Task(SyncPhase.Sync, 2, "", "Pod", NS, "web", false, List.of(), List.of()),
        new Plan.Task(SyncPhase.PostSync, 0, "", "Pod", NS, "check", true,
            List.of("PostSync", "PreSync"), List.of("BeforeHookCreation")),
        new Plan.Task(SyncPhase.PostSync, 0, "", "Pod", NS, "notify", true,
            List.of("PostSync"), List.of("BeforeHookCreation")));
    assertThat(p.skipped()).isEmpty();
    assertThat(p.ignored()).isEmpty();
  }

  @Test
  void skipObjectsAreListedAsSkippedWithoutTasks() {
    KubeObject skipped = pod("skipped").withAnnotation(Annotations.HOOK, "Skip");
    KubeObject skipWinsOverHelm = KubeObject.of("v1", "ConfigMap", "other", "cm")
        .withAnnotation(Annotations.HOOK, "Skip")
        .withAnnotation(Annotations.HELM_HOOK, "pre-install");
    KubeObject notASkip = pod("not-a-skip").withAnnotation(Annotations.HOOK, "Skip,PreSync");

    Plan p = plan(skipped, skipWinsOverHelm, notASkip);

    assertThat(p.skipped()).containsExactly(
        new Plan.Skipped("Pod", NS, "skipped"),
        new Plan.Skipped("ConfigMap", "other", "cm"));
    assertThat(p.tasks()).extracting(Plan.Task::name).containsExactly("not-a-skip");
    assertThat(p.ignored()).isEmpty();
  }

  @Test
  void objectsWithoutASupportedHookTypeAreListedAsIgnored() {
    KubeObject garbage = pod("garbage").withAnnotation(Annotations.HOOK, "Garbage");
    KubeObject empty = pod("empty").withAnnotation(Annotations.HOOK, "");
    KubeObject helmTest = KubeObject.of("v1", "Pod", "tests", "helm-test")
        .withAnnotation(Annotations.HELM_HOOK, "test-success");
    KubeObject unnamed = generateNamed("g-").withAnnotation(Annotations.HOOK, "presync");
    KubeObject fallback = pod("fallback")
        .withAnnotation(Annotations.HOOK, "Garbage")
        .withAnnotation(Annotations.HELM_HOOK, "post-install");

    Plan p = plan(garbage, empty, helmTest, unnamed, fallback);

    assertThat(p.ignored()).containsExactly(
        new Plan.Ignored("Pod", NS, "garbage",
            "no supported hook type in argocd.argoproj.io/hook=\"Garbage\""),
        new Plan.Ignored("Pod", NS, "empty",
            "no supported hook type in argocd.argoproj.io/hook=\"\""),
        new Plan.Ignored("Pod", "tests", "helm-test",
            "no supported hook type in helm.sh/hook=\"test-success\""),
        new Plan.Ignored("Pod", NS, "g-",
            "no supported hook type in argocd.argoproj.io/hook=\"presync\""));
    assertThat(p.tasks()).extracting(t -> t.phase() + " " + t.name())
        .containsExactly("PostSync fallback");
    assertThat(p.skipped()).isEmpty();
  }

  @Test
  void deleteOnlyHooksAreListedAsIgnored() {
    String reason = "PreDelete/PostDelete hook: runs only when the application is deleted";
    KubeObject preDelete = pod("pre").withAnnotation(Annotations.HOOK, "PreDelete");
    KubeObject postDelete = pod("post").withAnnotation(Annotations.HOOK, "PostDelete");
    KubeObject helmPreDelete = pod("helm-pre").withAnnotation(Annotations.HELM_HOOK, "pre-delete");
    KubeObject helmPostDelete =
        pod("helm-post").withAnnotation(Annotations.HELM_HOOK, "post-delete");
    KubeObject both = pod("both").withAnnotation(Annotations.HOOK, "PreDelete,PostDelete");
    KubeObject kept = pod("kept").withAnnotation(Annotations.HOOK, "PostSync,PreDelete,PostDelete");
    KubeObject helmKept =
        pod("helm-kept").withAnnotation(Annotations.HELM_HOOK, "pre-install,pre-delete");

    Plan p = plan(preDelete, postDelete, helmPreDelete, helmPostDelete, both, kept, helmKept);

    assertThat(p.ignored()).containsExactly(
        new Plan.Ignored("Pod", NS, "pre", reason),
        new Plan.Ignored("Pod", NS, "post", reason),
        new Plan.Ignored("Pod", NS, "helm-pre", reason),
        new Plan.Ignored("Pod", NS, "helm-post", reason),
        new Plan.Ignored("Pod", NS, "both", reason));
    assertThat(p.tasks()).extracting(t -> t.phase() + " " + t.name())
        .containsExactly("PreSync helm-kept", "PostSync kept");
    assertThat(p.skipped()).isEmpty();
  }

  @Test
  void anEmptyPlan() {
    Plan p = plan();

    assertThat(p.tasks()).isEmpty();
    assertThat(p.skipped()).isEmpty();
    assertThat(p.ignored()).isEmpty();
  }

  @Test
  void thePlanDoesNotChangeTheManifests() {
    KubeObject hook = generateNamed("h-").withAnnotation(Annotations.HOOK, "PreSync");
    KubeObject copy = hook.deepCopy();

    plan(hook, pod("web"));

    assertThat(hook).isEqualTo(copy);
    assertThat(hook.finalizers()).isEmpty();
  }
}
