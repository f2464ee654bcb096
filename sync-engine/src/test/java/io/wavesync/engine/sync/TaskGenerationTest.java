package io.wavesync.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.wavesync.engine.health.HealthStatus;
import io.wavesync.engine.hook.Annotations;
import io.wavesync.engine.model.KubeObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Spec §2.1–§2.3 and §5.7: scenarios S07–S13 of §6.2 plus the generation and validation rules
 * around them.
 */
class TaskGenerationTest {

  private static final String NS = FakeCluster.NS;
  private static final long TS = FakeCluster.T.getEpochSecond();

  // -----------------------------------------------------------------------------------------------
  // helpers

  private static KubeObject json(String json) {
    return KubeObject.parseJson(json);
  }

  private static SyncTask task(SyncPhase phase, KubeObject target) {
    return new SyncTask(phase, target, null);
  }

  private static List<SyncTask> sorted(List<SyncTask> tasks) {
    List<SyncTask> out = new ArrayList<>(tasks);
    SyncTasks.sort(out);
    return out;
  }

  /** The tasks a step of the scenario generates, with cluster access. */
  private static List<SyncTask> generate(Scenario sc) {
    SyncSettings s = sc.settings.healthOverride(sc.cluster.healthOverride()).build();
    return SyncContext.tasksForTest(
        new SyncContext.Input(sc.targets, sc.cluster.liveSnapshot(), sc.state, s, sc.now),
        sc.cluster);
  }

  private static List<SyncTask> generate(List<KubeObject> targets, List<KubeObject> live) {
    Scenario sc = new Scenario().targets(targets.toArray(KubeObject[]::new));
    sc.live(live.toArray(KubeObject[]::new));
    return generate(sc);
  }

  private static KubeObject namespace(String name) {
    return KubeObject.of("v1", "Namespace", null, name);
  }

  private static KubeObject job(String namespace, String name) {
    return KubeObject.of("batch/v1", "Job", namespace, name);
  }

  private static KubeObject unnamedHook(String generateName, String type) {
    KubeObject o = KubeObject.of("v1", "Pod", NS, null);
    if (generateName != null) {
      o = json(o.toJson().replace("\"metadata\":{", "\"metadata\":{\"generateName\":\""
          + generateName + "\","));
    }
    return o.withAnnotation(Annotations.HOOK, type);
  }

  private static Map<String, Long> wavesByName(List<SyncTask> tasks) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (SyncTask t : tasks) {
      out.put(t.name(), t.wave());
    }
    return out;
  }

  // -----------------------------------------------------------------------------------------------
  // S07 Sort

  @Test
  void S07_tasksSortByPhaseWaveKindAndName() {
    SyncTask pod = task(SyncPhase.Sync, json("{\"kind\":\"Pod\"}"));
    SyncTask service = task(SyncPhase.Sync, json("{\"kind\":\"Service\"}"));
    SyncTask pv = task(SyncPhase.Sync, json("{\"kind\":\"PersistentVolume\"}"));
    SyncTask syncFail = task(SyncPhase.SyncFail, json("{}"));
    SyncTask wave1 = task(SyncPhase.Sync, json("{}").withAnnotation(Annotations.SYNC_WAVE, "1"));
    SyncTask nameB = task(SyncPhase.Sync, json("{\"metadata\":{\"name\":\"b\"}}"));
    SyncTask nameA = task(SyncPhase.Sync, json("{\"metadata\":{\"name\":\"a\"}}"));
    SyncTask waveMinus1 =
        task(SyncPhase.Sync, json("{}").withAnnotation(Annotations.SYNC_WAVE, "-1"));
    SyncTask noKind = task(SyncPhase.Sync, json("{}"));
    SyncTask preSync = task(SyncPhase.PreSync, json("{}"));
    SyncTask postSync = task(SyncPhase.PostSync, json("{}"));
    SyncTask configMap = task(SyncPhase.Sync, json("{\"kind\":\"ConfigMap\"}"));
    List<SyncTask> unsorted = List.of(pod, service, pv, syncFail, wave1, nameB, nameA, waveMinus1,
        noKind, preSync, postSync, configMap);
    List<SyncTask> expected = List.of(preSync, waveMinus1, configMap, pv, service, pod, noKind,
        nameA, nameB, wave1, postSync, syncFail);

    assertThat(sorted(unsorted)).containsExactlyElementsOf(expected);

    List<SyncTask> reversed = new ArrayList<>(unsorted);
    Collections.reverse(reversed);
    assertThat(sorted(reversed)).containsExactlyElementsOf(expected);
    Random random = new Random(42);
    for (int i = 0; i < 20; i++) {
      List<SyncTask> shuffled = new ArrayList<>(unsorted);
      Collections.shuffle(shuffled, random);
      assertThat(sorted(shuffled)).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void S07_kindOrder() {
    assertThat(SyncTasks.kindOrder("Namespace")).isEqualTo(-35);
    assertThat(SyncTasks.kindOrder("APIService")).isEqualTo(-1);
    assertThat(SyncTasks.kindOrder("MyCRD")).isZero();

    SyncTask workflow = task(SyncPhase.Sync,
        KubeObject.of("argoproj.io/v1alpha1", "Workflow", null, null));
    SyncTask ns = task(SyncPhase.Sync, KubeObject.of("v1", "Namespace", null, null));
    assertThat(sorted(List.of(workflow, ns))).containsExactly(ns, workflow);
  }

  @Test
  void S07_multiStep() {
    SyncTask single = task(SyncPhase.Sync, json("{}").withAnnotation(Annotations.SYNC_WAVE, "-1"));
    List<SyncTask> one = sorted(List.of(single));
    assertThat(one.get(0).phase()).isEqualTo(SyncPhase.Sync);
    assertThat(one.get(0).wave()).isEqualTo(-1);
    assertThat(one.get(one.size() - 1).phase()).isEqualTo(SyncPhase.Sync);
    assertThat(one.get(one.size() - 1).wave()).isEqualTo(-1);
    assertThat(SyncTasks.multiStep(one)).isFalse();

    SyncTask pre = task(SyncPhase.PreSync, json("{}").withAnnotation(Annotations.SYNC_WAVE, "-1"));
    SyncTask post = task(SyncPhase.PostSync, json("{}").withAnnotation(Annotations.SYNC_WAVE, "1"));
    List<SyncTask> two = sorted(List.of(post, pre));
    assertThat(two.get(0).phase()).isEqualTo(SyncPhase.PreSync);
    assertThat(two.get(0).wave()).isEqualTo(-1);
    assertThat(two.get(1).phase()).isEqualTo(SyncPhase.PostSync);
    assertThat(two.get(1).wave()).isEqualTo(1);
    assertThat(SyncTasks.multiStep(two)).isTrue();

    assertThat(SyncTasks.multiStep(List.of())).isFalse();
    // same wave, different phases
    assertThat(SyncTasks.multiStep(
        sorted(List.of(task(SyncPhase.Sync, json("{}")), task(SyncPhase.PostSync, json("{}"))))))
        .isTrue();
  }

  @Test
  void theKindOrderListHasExactlyTheSpecs35KindsInOrder() {
    List<String> spec = List.of(("Namespace, NetworkPolicy, ResourceQuota, LimitRange, "
        + "PodSecurityPolicy, PodDisruptionBudget, ServiceAccount, Secret, SecretList, "
        + "ConfigMap, StorageClass, PersistentVolume, PersistentVolumeClaim, "
        + "CustomResourceDefinition, ClusterRole, ClusterRoleList, ClusterRoleBinding, "
        + "ClusterRoleBindingList, Role, RoleList, RoleBinding, RoleBindingList, Service, "
        + "DaemonSet, Pod, ReplicationController, ReplicaSet, Deployment, "
        + "HorizontalPodAutoscaler, StatefulSet, Job, CronJob, IngressClass, Ingress, "
        + "APIService").split(", "));

    assertThat(spec).hasSize(35);
    assertThat(SyncTasks.KIND_ORDER).containsExactlyElementsOf(spec);
    for (int i = 0; i < spec.size(); i++) {
      assertThat(SyncTasks.kindOrder(spec.get(i))).as(spec.get(i)).isEqualTo(i - 35);
    }
    for (String unknown : List.of("Workflow", "Rollout", "Endpoints", "namespace", "pod", "")) {
      assertThat(SyncTasks.kindOrder(unknown)).as(unknown).isZero();
    }
  }

  @Test
  void theKindOrderUsesTheKindNameOnlyAndUnknownKindsGoLast() {
    SyncTask knativeService = task(SyncPhase.Sync,
        KubeObject.of("serving.knative.dev/v1", "Service", NS, "z"));
    SyncTask pod = task(SyncPhase.Sync, KubeObject.of("v1", "Pod", NS, "a"));
    SyncTask widget = task(SyncPhase.Sync, KubeObject.of("example.com/v1", "Widget", NS, "a"));
    SyncTask apiService = task(SyncPhase.Sync,
        KubeObject.of("apiregistration.k8s.io/v1", "APIService", null, "z"));

    assertThat(sorted(List.of(widget, apiService, pod, knativeService)))
        .containsExactly(knativeService, pod, apiService, widget);
  }

  @Test
  void namesCompareByteWise() {
    List<SyncTask> tasks = new ArrayList<>();
    for (String n : List.of("b", "a1", "B", "a-1", "a")) {
      tasks.add(task(SyncPhase.Sync, KubeObject.of("v1", "ConfigMap", NS, n)));
    }
    assertThat(sorted(tasks)).extracting(SyncTask::name)
        .containsExactly("B", "a", "a-1", "a1", "b");
  }

  private static SyncTask widget(String apiVersion, String namespace, String name) {
    return task(SyncPhase.Sync, KubeObject.of(apiVersion, "Widget", namespace, name));
  }

  @Test
  void sortTiesBreakByGroupThenNamespace() {
    SyncTask coreB = widget("v1", "ns-b", "same");
    SyncTask alphaB = widget("a.example.com/v1", "ns-b", "same");
    SyncTask alphaA = widget("a.example.com/v1", "ns-a", "same");
    SyncTask betaA = widget("b.example.com/v1", "ns-a", "same");
    SyncTask betaNone = widget("b.example.com/v1", null, "same");
    List<SyncTask> expected = List.of(coreB, alphaA, alphaB, betaNone, betaA);

    Random random = new Random(7);
    for (int i = 0; i < 30; i++) {
      List<SyncTask> shuffled = new ArrayList<>(expected);
      Collections.shuffle(shuffled, random);
      assertThat(sorted(shuffled)).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void sortTieBreakersComeAfterTheName() {
    SyncTask nameAGroupZ = widget("z.example.com/v1", "z", "a");
    SyncTask nameBGroupA = widget("a.example.com/v1", "a", "b");

    assertThat(sorted(List.of(nameBGroupA, nameAGroupZ))).containsExactly(nameAGroupZ, nameBGroupA);
  }

  @Test
  void generatedTasksAreOrderedTheSameWhateverTheManifestOrder() {
    KubeObject webB = KubeObject.of("v1", "Pod", "b", "web");
    KubeObject webA = KubeObject.of("v1", "Pod", "a", "web");
    KubeObject webDefault = KubeObject.of("v1", "Pod", null, "web");
    KubeObject otherGroup = KubeObject.of("y.example.com/v1", "Pod", NS, "web");
    List<String> expected = List.of("/Pod/a/web", "/Pod/b/web", "/Pod/fake-argocd-ns/web",
        "y.example.com/Pod/fake-argocd-ns/web");

    assertThat(generate(List.of(webB, otherGroup, webDefault, webA), List.of()))
        .extracting(t -> t.resourceKey().toString())
        .containsExactlyElementsOf(expected);
    assertThat(generate(List.of(webA, webDefault, otherGroup, webB), List.of()))
        .extracting(t -> t.resourceKey().toString())
        .containsExactlyElementsOf(expected);
  }

  // -----------------------------------------------------------------------------------------------
  // S08 Namespace bubbling, S09 CRD before CR

  @Test
  void S08_namespacesBubbleBeforeTheHooksThatLiveInThem() {
    SyncTask job1 = task(SyncPhase.PreSync, job("myNamespace1", "mySyncHookJob1")
        .withAnnotation(Annotations.HOOK, "PreSync"));
    SyncTask job2 = task(SyncPhase.PreSync, job("myNamespace2", "mySyncHookJob2")
        .withAnnotation(Annotations.HOOK, "PreSync"));
    SyncTask ns1 = task(SyncPhase.Sync, Objects.wave(namespace("myNamespace1"), 1));
    SyncTask ns2 = task(SyncPhase.Sync, Objects.wave(namespace("myNamespace2"), 2));

    assertThat(sorted(List.of(job1, job2, ns1, ns2))).containsExactly(ns1, job1, ns2, job2);
    assertThat(ns1.phase()).isEqualTo(SyncPhase.PreSync);
    assertThat(ns1.wave()).isZero();
    assertThat(ns2.phase()).isEqualTo(SyncPhase.PreSync);
    assertThat(ns2.wave()).isZero();
  }

  @Test
  void S08_namespacesBubbleInGeneratedTasks() {
    KubeObject job1 =
        job("myNamespace1", "mySyncHookJob1").withAnnotation(Annotations.HOOK, "PreSync");
    KubeObject job2 =
        job("myNamespace2", "mySyncHookJob2").withAnnotation(Annotations.HOOK, "PreSync");
    KubeObject ns1 = Objects.wave(namespace("myNamespace1"), 1);
    KubeObject ns2 = Objects.wave(namespace("myNamespace2"), 2);

    List<SyncTask> tasks = generate(List.of(ns2, job2, ns1, job1), List.of());

    assertThat(tasks).extracting(SyncTask::name)
        .containsExactly("myNamespace1", "mySyncHookJob1", "myNamespace2", "mySyncHookJob2");
    assertThat(tasks).extracting(SyncTask::phase).containsOnly(SyncPhase.PreSync);
    assertThat(tasks).extracting(SyncTask::wave).containsOnly(0L);
    assertThat(tasks.get(0).isHook()).isFalse();
  }

  @Test
  void S08_aNamespaceAlreadyBeforeItsObjectsKeepsItsPhaseAndWave() {
    SyncTask ns = task(SyncPhase.Sync, Objects.wave(namespace("apps"), -1));
    SyncTask pod = task(SyncPhase.Sync, KubeObject.of("v1", "Pod", "apps", "p"));

    assertThat(sorted(List.of(pod, ns))).containsExactly(ns, pod);
    assertThat(ns.phase()).isEqualTo(SyncPhase.Sync);
    assertThat(ns.wave()).isEqualTo(-1);
  }

  @Test
  void dependencyBubblingIgnoresPruneTasks() {
    SyncTask hook = task(SyncPhase.PreSync,
        job("old", "migrate").withAnnotation(Annotations.HOOK, "PreSync"));
    SyncTask prunedNs = new SyncTask(SyncPhase.Sync, null, Objects.wave(namespace("old"), 3));

    assertThat(sorted(List.of(prunedNs, hook))).containsExactly(hook, prunedNs);
    assertThat(prunedNs.phase()).isEqualTo(SyncPhase.Sync);
    assertThat(prunedNs.wave()).isEqualTo(3);
  }

  @Test
  void pruneTasksDoNotPullTheirNamespaceForward() {
    SyncTask ns = task(SyncPhase.Sync, Objects.wave(namespace("apps"), 5));
    SyncTask prunedPod =
        new SyncTask(SyncPhase.Sync, null, KubeObject.of("v1", "Pod", "apps", "old"));

    assertThat(sorted(List.of(ns, prunedPod))).containsExactly(prunedPod, ns);
    assertThat(ns.wave()).isEqualTo(5);
  }

  @Test
  void onlyCoreNamespacesBubble() {
    SyncTask pod = task(SyncPhase.PreSync,
        KubeObject.of("v1", "Pod", "apps", "p").withAnnotation(Annotations.HOOK, "PreSync"));
    SyncTask notANamespace =
        task(SyncPhase.Sync, KubeObject.of("example.com/v1", "Namespace", null, "apps"));

    assertThat(sorted(List.of(notANamespace, pod))).containsExactly(pod, notANamespace);
    assertThat(notANamespace.phase()).isEqualTo(SyncPhase.Sync);
  }

  private static KubeObject workflowCrd() {
    return json("{\"apiVersion\":\"apiextensions.k8s.io/v1\",\"kind\":\"CustomResourceDefinition\","
        + "\"metadata\":{\"name\":\"workflows.argoproj.io\"},"
        + "\"spec\":{\"group\":\"argoproj.io\",\"names\":{\"kind\":\"Workflow\"}}}");
  }

  @Test
  void S09_crdsSortBeforeTheirCustomResources() {
    SyncTask cr = task(SyncPhase.PreSync,
        json("{\"apiVersion\":\"argoproj.io/v1\",\"kind\":\"Workflow\"}"));
    SyncTask crd = task(SyncPhase.Sync, workflowCrd());

    assertThat(sorted(List.of(cr, crd))).containsExactly(crd, cr);
    assertThat(crd.phase()).isEqualTo(SyncPhase.PreSync);
    assertThat(crd.wave()).isZero();
  }

  @Test
  void S09_crdsSortBeforeTheirCustomResourcesInGeneratedTasks() {
    KubeObject cr = KubeObject.of("argoproj.io/v1alpha1", "Workflow", NS, "wf")
        .withAnnotation(Annotations.HOOK, "PreSync")
        .withAnnotation(Annotations.SYNC_WAVE, "4");
    KubeObject otherCrd = json(workflowCrd().toJson()
        .replace("workflows.argoproj.io", "rollouts.argoproj.io").replace("Workflow", "Rollout"));

    List<SyncTask> tasks = generate(List.of(cr, otherCrd, workflowCrd()), List.of());

    assertThat(tasks).extracting(SyncTask::name)
        .containsExactly("workflows.argoproj.io", "wf", "rollouts.argoproj.io");
    assertThat(tasks.get(0).phase()).isEqualTo(SyncPhase.PreSync);
    assertThat(tasks.get(0).wave()).isEqualTo(4);
    assertThat(tasks.get(0).isHook()).isFalse();
    assertThat(tasks.get(2).phase()).isEqualTo(SyncPhase.Sync);
    assertThat(tasks.get(2).wave()).isZero();
  }

  // -----------------------------------------------------------------------------------------------
  // S10 Prune wave reversal

  private static final KubeObject NS_OBJ = namespace("ns");

  private static KubeObject pod(int i) {
    return Objects.pod("pod-" + i);
  }

  private static KubeObject pod(int i, long wave) {
    return Objects.wave(pod(i), wave);
  }

  private static Map<String, Long> pruneWaves(
      List<KubeObject> targets, List<KubeObject> live, boolean pruneLast, int expectedTasks) {
    Scenario sc = new Scenario().targets(targets.toArray(KubeObject[]::new));
    sc.live(live.toArray(KubeObject[]::new));
    sc.settings(b -> b.pruneLast(pruneLast));
    List<SyncTask> tasks = generate(sc);
    assertThat(tasks).hasSize(expectedTasks);
    return wavesByName(tasks);
  }

  @Test
  void S10_sameWaveNeverChanges() {
    List<KubeObject> all = List.of(NS_OBJ, pod(1), pod(2), pod(3), pod(4));
    Map<String, Long> zeros = Map.of("ns", 0L, "pod-1", 0L, "pod-2", 0L, "pod-3", 0L, "pod-4", 0L);

    assertThat(pruneWaves(all, List.of(), false, 5)).isEqualTo(zeros);
    assertThat(pruneWaves(List.of(), all, false, 5)).isEqualTo(zeros);
    assertThat(pruneWaves(
            List.of(NS_OBJ, pod(2)), List.of(NS_OBJ, pod(1), pod(3), pod(4)), false, 5))
        .isEqualTo(zeros);
  }

  @Test
  void S10_pruneWavesAreMirrored() {
    KubeObject ns = Objects.wave(NS_OBJ, 0);
    List<KubeObject> all = List.of(ns, pod(1, 1), pod(2, 2), pod(3, 3), pod(4, 4));

    assertThat(pruneWaves(all, List.of(), false, 5))
        .isEqualTo(Map.of("ns", 0L, "pod-1", 1L, "pod-2", 2L, "pod-3", 3L, "pod-4", 4L));
    assertThat(pruneWaves(List.of(), all, false, 5))
        .isEqualTo(Map.of("ns", 4L, "pod-1", 3L, "pod-2", 2L, "pod-3", 1L, "pod-4", 0L));
    assertThat(pruneWaves(List.of(ns, pod(2, 2)), List.of(ns, pod(1, 1), pod(3, 3), pod(4, 4)),
            false, 5))
        .isEqualTo(Map.of("pod-1", 4L, "pod-3", 3L, "pod-4", 1L, "ns", 0L, "pod-2", 2L));
  }

  @Test
  void S10_pruneLastMovesPrunesAfterTheLastSyncWave() {
    KubeObject ns = Objects.wave(NS_OBJ, 0);
    List<KubeObject> live = List.of(ns, pod(1, 1),
        Objects.syncOptions(pod(2, 2), "PruneLast=true"), pod(3, 3), pod(4, 4));

    assertThat(pruneWaves(List.of(ns), live, true, 5))
        .isEqualTo(Map.of("pod-1", 5L, "pod-2", 5L, "pod-3", 5L, "pod-4", 5L, "ns", 0L));
    assertThat(pruneWaves(List.of(ns), live, false, 5))
        .isEqualTo(Map.of("pod-1", 4L, "pod-2", 5L, "pod-3", 2L, "pod-4", 1L, "ns", 0L));
  }

  @Test
  void S10_mixedWavesMirrorOverTheDistinctPruneWavesOnly() {
    KubeObject ns = Objects.wave(NS_OBJ, -1);
    List<KubeObject> targets = List.of(ns, pod(2, 3), pod(6, 5));
    List<KubeObject> live = List.of(ns, pod(1, 1), pod(3, 3), pod(4, 3), pod(5, 4), pod(7, 5));

    assertThat(pruneWaves(targets, live, false, 8)).isEqualTo(Map.of(
        "pod-1", 5L, "pod-3", 4L, "pod-4", 4L, "pod-5", 3L, "pod-7", 1L,
        "ns", -1L, "pod-2", 3L, "pod-6", 5L));
  }

  @Test
  void S10_pruneLastTakesTheWaveAfterTheLastSyncWave() {
    // app-level PruneLast, all wave 0
    Scenario same = new Scenario().targets(pod(1)).live(pod(2), pod(3));
    same.settings(b -> b.pruneLast(true));
    List<SyncTask> sameTasks = generate(same);
    assertThat(sameTasks).hasSize(3);
    assertThat(sameTasks.get(sameTasks.size() - 1).wave()).isEqualTo(1);
    assertThat(wavesByName(sameTasks)).isEqualTo(Map.of("pod-1", 0L, "pod-2", 1L, "pod-3", 1L));

    // app-level PruneLast, different waves
    Scenario different = new Scenario().targets(pod(1, 2)).live(pod(2, 1), pod(3, 7));
    different.settings(b -> b.pruneLast(true));
    List<SyncTask> differentTasks = generate(different);
    assertThat(differentTasks).hasSize(3);
    assertThat(differentTasks.get(differentTasks.size() - 1).wave()).isEqualTo(8);
    assertThat(wavesByName(differentTasks))
        .isEqualTo(Map.of("pod-1", 2L, "pod-2", 8L, "pod-3", 8L));

    // annotation only
    Scenario annotated = new Scenario().targets(pod(1, 2)).live(
        Objects.syncOptions(pod(2, 1), "PruneLast=true"),
        Objects.syncOptions(pod(3, 7), "PruneLast=true"));
    List<SyncTask> annotatedTasks = generate(annotated);
    assertThat(annotatedTasks).hasSize(3);
    assertThat(annotatedTasks.get(annotatedTasks.size() - 1).wave()).isEqualTo(8);
  }

  @Test
  void pruneLastIsNeverBeforeWaveOne() {
    Scenario sc = new Scenario().targets(pod(1, -5)).live(pod(2, -3));
    sc.settings(b -> b.pruneLast(true));

    assertThat(wavesByName(generate(sc))).isEqualTo(Map.of("pod-1", -5L, "pod-2", 1L));
  }

  @Test
  void pruneLastStaysBeforePostSync() {
    KubeObject postSync = Objects.wave(Objects.hook("post", "PostSync", "BeforeHookCreation"), 10);
    Scenario sc = new Scenario().targets(pod(1, 2), postSync).live(pod(2, 0));
    sc.settings(b -> b.pruneLast(true));

    List<SyncTask> tasks = generate(sc);

    assertThat(tasks).extracting(t -> t.phase() + "/" + t.wave() + " " + t.name())
        .containsExactly("Sync/2 pod-1", "Sync/3 pod-2", "PostSync/10 post");
  }

  @Test
  void liveCopiesOfHooksAndSkippedObjectsAreNeverPruned() {
    KubeObject oldHook = Objects.hook("old-hook", "PreSync", "BeforeHookCreation");
    KubeObject skipped = Objects.pod("skipped").withAnnotation(Annotations.HOOK, "Skip");

    List<SyncTask> tasks = generate(List.of(skipped), List.of(oldHook, skipped, pod(1)));

    assertThat(tasks).extracting(SyncTask::name).containsExactly("pod-1");
    assertThat(tasks.get(0).isPrune()).isTrue();
  }

  // -----------------------------------------------------------------------------------------------
  // S11 Hook naming

  @Test
  void S11_unnamedHooksGetUniqueNamesPerPhase() {
    KubeObject hook = unnamedHook(null, "PreSync,PostSync");

    List<SyncTask> tasks = generate(List.of(hook), List.of());

    assertThat(tasks).hasSize(2);
    assertThat(tasks.get(0).name()).contains("foobarb-presync-");
    assertThat(tasks.get(1).name()).contains("foobarb-postsync-");
    assertThat(hook.name()).isEmpty();
  }

  @Test
  void S11_aShortRevisionIsUsedWhole() {
    KubeObject hook = unnamedHook(null, "PreSync,PostSync");
    Scenario sc = new Scenario().targets(hook);
    sc.settings(b -> b.revision("foobar"));

    List<SyncTask> tasks = generate(sc);

    assertThat(tasks).hasSize(2);
    assertThat(tasks.get(0).name()).contains("foobar-presync-");
    assertThat(tasks.get(1).name()).contains("foobar-postsync-");
    assertThat(hook.name()).isEmpty();
  }

  @Test
  void S11_managedResourcesAreNotNamed() {
    KubeObject pod = KubeObject.of("v1", "Pod", NS, null);

    List<SyncTask> tasks = generate(List.of(pod), List.of());

    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).name()).isEmpty();
    assertThat(pod.name()).isEmpty();
  }

  @Test
  void S11_theFullGeneratedName() {
    List<SyncTask> tasks =
        generate(List.of(unnamedHook("my-hook-", "PreSync,PostSync")), List.of());

    assertThat(tasks).extracting(SyncTask::name).containsExactly(
        "my-hook-foobarb-presync-" + TS, "my-hook-foobarb-postsync-" + TS);
  }

  @Test
  void S11_anUnnamedHookRunsInBothPhasesUnderItsGeneratedNames() {
    KubeObject hook = unnamedHook("hook-", "PreSync,PostSync");
    String pre = "hook-foobarb-presync-" + TS;
    String post = "hook-foobarb-postsync-" + TS;
    KubeObject preLive = hook.withName(pre).withFinalizer(Annotations.HOOK_FINALIZER);
    KubeObject postLive = hook.withName(post).withFinalizer(Annotations.HOOK_FINALIZER);
    Scenario sc = new Scenario().targets(Objects.pod(), hook);

    sc.step();
    assertThat(sc.phase()).isEqualTo(OperationPhase.Running);
    assertThat(sc.cluster.appliedNames(false)).containsExactly(pre);

    sc.cluster.health.put(pre, HealthStatus.Healthy);
    sc.live(preLive);
    sc.step();
    assertThat(sc.phase()).isEqualTo(OperationPhase.Running);
    assertThat(sc.cluster.appliedNames(false)).containsExactly(pre, "my-pod");

    sc.cluster.health.put("my-pod", HealthStatus.Healthy);
    sc.live(preLive, Objects.pod());
    sc.step();
    assertThat(sc.phase()).isEqualTo(OperationPhase.Running);
    assertThat(sc.cluster.appliedNames(false)).containsExactly(pre, "my-pod", post);

    sc.cluster.health.put(post, HealthStatus.Healthy);
    sc.live(preLive, Objects.pod(), postLive);
    sc.step();
    assertThat(sc.phase()).isEqualTo(OperationPhase.Succeeded);
    assertThat(sc.results()).hasSize(3);
    assertThat(sc.results().get(0).name()).contains("presync");
    assertThat(sc.results().get(2).name()).contains("postsync");
    assertThat(sc.results()).extracting(ResourceResult::name).containsExactly(pre, "my-pod", post);
  }

  @Test
  void generatedNamesUseSevenRevisionCharactersFromEightOn() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("FooBarBaz", "foobarb");
    expected.put("abcdefgh", "abcdefg");
    expected.put("abcdefg", "abcdefg");
    expected.put("ABC", "abc");
    expected.put("", "");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      Scenario sc = new Scenario().targets(unnamedHook("h-", "Sync"));
      sc.settings(b -> b.revision(e.getKey()));

      assertThat(generate(sc)).extracting(SyncTask::name).as("revision '%s'", e.getKey())
          .containsExactly("h-" + e.getValue() + "-sync-" + TS);
    }
  }

  @Test
  void onlyTheGeneratedPostfixIsLowerCased() {
    List<SyncTask> tasks = generate(List.of(unnamedHook("MyHook-", "SyncFail")), List.of());

    assertThat(tasks).extracting(SyncTask::name).containsExactly("MyHook-foobarb-syncfail-" + TS);
  }

  @Test
  void aNamedHookKeepsItsNameEvenWithGenerateName() {
    KubeObject hook = unnamedHook("gen-", "PreSync,PostSync").withName("fixed");

    assertThat(generate(List.of(hook), List.of())).extracting(SyncTask::name)
        .containsExactly("fixed", "fixed");
  }

  @Test
  void generatedNamesDependOnTheOperationStartOnly() {
    Scenario sc = new Scenario().targets(unnamedHook("h-", "PreSync"));
    sc.now = FakeCluster.T.plusSeconds(3600);

    assertThat(generate(sc)).extracting(SyncTask::name).containsExactly("h-foobarb-presync-" + TS);
  }

  // -----------------------------------------------------------------------------------------------
  // Hook finalizer and multi-phase generation

  @Test
  void theHookFinalizerIsAddedOnceToEveryHookTask() {
    KubeObject already = Objects.hook("already", "PreSync,PostSync", "HookSucceeded");
    KubeObject without = Objects.pod("without").withAnnotation(Annotations.HOOK, "Sync");
    KubeObject other = Objects.pod("other")
        .withAnnotation(Annotations.HOOK, "PostSync")
        .withFinalizer("example.com/keep");
    KubeObject plain = Objects.pod("plain").withFinalizer("example.com/keep");
    KubeObject alreadyCopy = already.deepCopy();
    KubeObject withoutCopy = without.deepCopy();

    List<SyncTask> tasks = generate(List.of(already, without, other, plain), List.of());

    Map<String, List<String>> finalizers = new LinkedHashMap<>();
    for (SyncTask t : tasks) {
      finalizers.put(t.phase() + " " + t.name(), t.target().finalizers());
    }
    assertThat(finalizers).containsExactly(
        Map.entry("PreSync already", List.of(Annotations.HOOK_FINALIZER)),
        Map.entry("Sync plain", List.of("example.com/keep")),
        Map.entry("Sync without", List.of(Annotations.HOOK_FINALIZER)),
        Map.entry("PostSync already", List.of(Annotations.HOOK_FINALIZER)),
        Map.entry("PostSync other", List.of("example.com/keep", Annotations.HOOK_FINALIZER)));
    // the caller's objects are not changed
    assertThat(already).isEqualTo(alreadyCopy);
    assertThat(without).isEqualTo(withoutCopy);
    assertThat(without.finalizers()).isEmpty();
  }

  @Test
  void multiPhaseHooksGenerateOneTaskPerPhaseInPhaseOrder() {
    KubeObject hook = Objects.pod("multi")
        .withAnnotation(Annotations.HOOK, "SyncFail,PostSync,Sync,PreSync,PostSync");

    List<SyncTask> tasks = generate(List.of(hook), List.of());

    assertThat(tasks).extracting(SyncTask::phase).containsExactly(
        SyncPhase.PreSync, SyncPhase.Sync, SyncPhase.PostSync, SyncPhase.SyncFail);
    assertThat(tasks).extracting(SyncTask::resultKey).containsExactly(
        "/Pod/fake-argocd-ns/multi:PreSync", "/Pod/fake-argocd-ns/multi:Sync",
        "/Pod/fake-argocd-ns/multi:PostSync", "/Pod/fake-argocd-ns/multi:SyncFail");
    assertThat(tasks).allMatch(SyncTask::isHook);
  }

  @Test
  void hookTasksFindTheirLiveCopy() {
    KubeObject hook = Objects.hook("hook", "PreSync,PostSync", "BeforeHookCreation");

    List<SyncTask> tasks = generate(List.of(hook), List.of(hook));

    assertThat(tasks).hasSize(2);
    assertThat(tasks).allMatch(t -> hook.equals(t.live()));
  }

  @Test
  void clusterScopedHooksFindTheirLiveCopyWithoutANamespace() {
    KubeObject hook =
        KubeObject.of("rbac.authorization.k8s.io/v1", "ClusterRole", null, "hook-role")
            .withAnnotation(Annotations.HOOK, "PreSync");

    List<SyncTask> tasks = generate(List.of(hook), List.of(hook));

    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).namespace()).isEqualTo(NS);
    assertThat(tasks.get(0).live()).isEqualTo(hook);
  }

  @Test
  void hooksAreNotGeneratedWhenSkipped() {
    Scenario sc = new Scenario()
        .targets(Objects.pod(), Objects.hook("hook", "PreSync", "HookSucceeded"));
    sc.live(Objects.hook("old", "Sync", "HookSucceeded"));
    sc.settings(b -> b.skipHooks(true));

    assertThat(generate(sc)).extracting(SyncTask::name).containsExactly("my-pod");
  }

  // -----------------------------------------------------------------------------------------------
  // S12 Dedup, namespace, selective filter, CreateNamespace

  @Test
  void S12_anObjectThatIsBothAResourceAndAHookGivesOnlyTheHookTask() {
    KubeObject pod = Objects.pod().withAnnotation(Annotations.HOOK, "Sync");

    List<SyncTask> tasks = generate(List.of(pod), List.of(pod));

    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).isHook()).isTrue();
    assertThat(tasks.get(0).isPrune()).isFalse();
    assertThat(tasks.get(0).phase()).isEqualTo(SyncPhase.Sync);
  }

  @Test
  void S12_objectsWithoutANamespaceGetTheDestinationNamespace() {
    KubeObject pod = KubeObject.of("v1", "Pod", null, "my-pod");
    KubeObject podCopy = pod.deepCopy();
    KubeObject clusterRole =
        KubeObject.of("rbac.authorization.k8s.io/v1", "ClusterRole", null, "cr");
    KubeObject hook =
        KubeObject.of("v1", "Pod", null, "hook").withAnnotation(Annotations.HOOK, "Sync");

    List<SyncTask> tasks = generate(List.of(pod, clusterRole, hook), List.of());

    assertThat(tasks).extracting(SyncTask::namespace).containsExactly(NS, NS, NS);
    assertThat(pod.namespace()).isEmpty();
    assertThat(pod).isEqualTo(podCopy);
    assertThat(hook.namespace()).isEmpty();
  }

  @Test
  void S12_theResourceFilterSelectsTasks() {
    Scenario sc = new Scenario().targets(Objects.pod("pod-1"), Objects.pod("pod-2"));
    sc.settings(b -> b.resourcesFilter(
        (key, target, live) -> key.kind().equals("Pod") && key.name().equals("pod-1")));

    List<SyncTask> tasks = generate(sc);

    assertThat(tasks).extracting(SyncTask::name).containsExactly("pod-1");
  }

  private static Scenario createNamespace(
      SyncSettings.NamespaceModifier modifier, KubeObject... targets) {
    Scenario sc = new Scenario().targets(targets);
    sc.settings(b -> b.namespaceModifier(modifier));
    return sc;
  }

  private static void assertNamespaceTask(SyncTask t) {
    assertThat(t.phase()).isEqualTo(SyncPhase.PreSync);
    assertThat(t.kind()).isEqualTo("Namespace");
    assertThat(t.group()).isEmpty();
    assertThat(t.name()).isEqualTo(NS);
    assertThat(t.wave()).isZero();
    assertThat(t.isHook()).isFalse();
  }

  @Test
  void S12_createNamespace_noSyntheticTaskWhenTheNamespaceIsManaged() {
    List<SyncTask> tasks = generate(createNamespace((m, l) -> true, namespace(NS)));

    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).phase()).isEqualTo(SyncPhase.Sync);
    assertThat(tasks.get(0).kind()).isEqualTo("Namespace");
  }

  @Test
  void S12_createNamespace_aPreSyncTaskWhenTheNamespaceIsNotManaged() {
    List<SyncTask> tasks = generate(createNamespace((m, l) -> true, Objects.pod()));

    assertThat(tasks).hasSize(2);
    assertNamespaceTask(tasks.get(0));
    assertThat(tasks.get(0).live()).isNull();
    assertThat(tasks.get(1).name()).isEqualTo("my-pod");
  }

  @Test
  void S12_createNamespace_theTaskStaysOnceItHasAResult() {
    Scenario sc = createNamespace((m, l) -> true, Objects.pod());
    SyncTask nsTask = generate(sc).get(0);
    sc.results(Scenario.recorded(nsTask.obj(), SyncPhase.PreSync, false, ResultCode.Synced,
        OperationPhase.Running, "namespace/fake-argocd-ns created"));

    List<SyncTask> tasks = generate(sc);

    assertThat(tasks).hasSize(2);
    assertNamespaceTask(tasks.get(0));
    assertThat(tasks.get(0).resultKey()).isEqualTo(nsTask.resultKey());
    assertThat(tasks.get(0).syncStatus()).isEqualTo(ResultCode.Synced);
    assertThat(tasks.get(0).operationState()).isEqualTo(OperationPhase.Running);
  }

  @Test
  void S12_createNamespace_noTaskWithoutAModifier() {
    Scenario sc = new Scenario().targets(Objects.pod());

    List<SyncTask> tasks = generate(sc);

    assertThat(tasks).extracting(SyncTask::name).containsExactly("my-pod");
  }

  @Test
  void S12_createNamespace_missingNamespaceAndModifierSaysCreate() {
    AtomicInteger calls = new AtomicInteger();
    List<SyncTask> tasks = generate(createNamespace((m, l) -> {
      calls.incrementAndGet();
      return true;
    }, Objects.pod()));

    assertThat(calls).hasValue(1);
    assertThat(tasks).hasSize(2);
    assertNamespaceTask(tasks.get(0));
  }

  @Test
  void S12_createNamespace_missingNamespaceAndModifierSaysNo() {
    AtomicInteger calls = new AtomicInteger();
    List<SyncTask> tasks = generate(createNamespace((m, l) -> {
      calls.incrementAndGet();
      return false;
    }, Objects.pod()));

    assertThat(calls).hasValue(1);
    assertThat(tasks).extracting(SyncTask::name).containsExactly("my-pod");
  }

  @Test
  void S12_createNamespace_modifierErrorGivesAFailedPreSyncTask() {
    AtomicInteger calls = new AtomicInteger();
    Scenario sc = createNamespace((m, l) -> {
      calls.incrementAndGet();
      throw new IllegalStateException("some error");
    }, Objects.pod());

    List<SyncTask> tasks = generate(sc);

    assertThat(calls).hasValue(1);
    assertThat(tasks).hasSize(2);
    SyncTask first = tasks.get(0);
    assertNamespaceTask(first);
    assertThat(first.live()).isNull();
    assertThat(first.skipDryRun()).isFalse();
    assertThat(first.syncStatus()).isEqualTo(ResultCode.SyncFailed);
    assertThat(first.operationState()).isEqualTo(OperationPhase.Error);
    assertThat(first.message()).isEqualTo("namespaceModifier error: some error");
  }

  @Test
  void createNamespace_theLiveNamespaceIsGivenToTheModifierAndTheTask() {
    KubeObject liveNs = namespace(NS).withLabel("team", "a");
    AtomicReference<KubeObject> seenManaged = new AtomicReference<>();
    AtomicReference<KubeObject> seenLive = new AtomicReference<>();
    Scenario sc = createNamespace((m, l) -> {
      seenManaged.set(m);
      seenLive.set(l);
      return true;
    }, Objects.pod());
    sc.cluster.apiHas(liveNs);

    List<SyncTask> tasks = generate(sc);

    assertThat(seenLive.get()).isEqualTo(liveNs);
    assertThat(seenManaged.get().kind()).isEqualTo("Namespace");
    assertThat(seenManaged.get().name()).isEqualTo(NS);
    assertThat(tasks).hasSize(2);
    assertNamespaceTask(tasks.get(0));
    assertThat(tasks.get(0).live()).isEqualTo(liveNs);
  }

  @Test
  void createNamespace_aLookupErrorGivesAFailedPreSyncTask() {
    AtomicInteger calls = new AtomicInteger();
    Scenario sc = createNamespace((m, l) -> {
      calls.incrementAndGet();
      return true;
    }, Objects.pod());
    sc.cluster.getFailures.put(NS, new ApiException(500, "etcd unavailable"));

    List<SyncTask> tasks = generate(sc);

    assertThat(calls).hasValue(0);
    assertThat(tasks).hasSize(2);
    assertNamespaceTask(tasks.get(0));
    assertThat(tasks.get(0).syncStatus()).isEqualTo(ResultCode.SyncFailed);
    assertThat(tasks.get(0).operationState()).isEqualTo(OperationPhase.Error);
    assertThat(tasks.get(0).message())
        .isEqualTo("namespace auto creation failed: etcd unavailable");
  }

  @Test
  void createNamespace_aNamespaceHookDoesNotCountAsManaged() {
    KubeObject nsHook = namespace(NS).withAnnotation(Annotations.HOOK, "PreSync");

    List<SyncTask> tasks = generate(createNamespace((m, l) -> true, Objects.pod(), nsHook));

    assertThat(tasks).extracting(t -> t.phase() + " " + t.kind() + " " + t.isHook())
        .containsExactlyInAnyOrder(
            "PreSync Namespace false", "PreSync Namespace true", "Sync Pod false");
  }

  // -----------------------------------------------------------------------------------------------
  // S13 Custom resources and dry-run

  private static final String NOT_FOUND = "the server could not find the requested resource";

  private static KubeObject customResource() {
    return KubeObject.of("test.io/v1", "TestCrd", null, "my-resource");
  }

  private static KubeObject testCrd() {
    return json("{\"apiVersion\":\"apiextensions.k8s.io/v1\",\"kind\":\"CustomResourceDefinition\","
        + "\"metadata\":{\"name\":\"testcrds.test.io\"},"
        + "\"spec\":{\"group\":\"test.io\",\"names\":{\"kind\":\"TestCrd\"}}}");
  }

  private static Discovery discovery(boolean crdKnown) {
    return (group, version, kind) -> {
      if (!crdKnown && group.equals("test.io") && kind.equals("TestCrd")) {
        throw ApiException.notFound(NOT_FOUND);
      }
      return new Discovery.ApiResource(kind.toLowerCase() + "s", true);
    };
  }

  private enum SkipOption { NONE, ANNOTATION, APP_LEVEL }

  private static Scenario customResourceSync(
      boolean crdKnown, KubeObject crdInSync, SkipOption skip) {
    KubeObject cr = customResource();
    if (skip == SkipOption.ANNOTATION) {
      cr = Objects.syncOptions(cr, "SkipDryRunOnMissingResource=true");
    }
    Scenario sc = new Scenario().targets(cr);
    if (crdInSync != null) {
      sc.targets(crdInSync);
    }
    sc.settings(b -> b.discovery(discovery(crdKnown))
        .skipDryRunOnMissingResource(skip == SkipOption.APP_LEVEL));
    return sc;
  }

  /** One row of the S13 table: task validity and whether the CR takes part in the dry run. */
  private static void assertCustomResourceRow(boolean crdKnown, KubeObject crdInSync,
      SkipOption skip, boolean wantValid, boolean wantDryRun) {
    Scenario sc = customResourceSync(crdKnown, crdInSync, skip);

    SyncTask cr = generate(sc).stream()
        .filter(t -> t.kind().equals("TestCrd"))
        .findFirst()
        .orElseThrow();
    assertThat(cr.skipDryRun()).as("skipDryRun").isEqualTo(!wantDryRun);
    assertThat(cr.syncStatus() == ResultCode.SyncFailed).as("invalid").isEqualTo(!wantValid);

    sc.step();
    if (wantValid) {
      assertThat(sc.cluster.appliedNames(true).contains("my-resource")).as("dry run")
          .isEqualTo(wantDryRun);
      if (crdInSync == null || !crdInSync.hasAnnotation(Annotations.HOOK)) {
        // the step of the CR's wave applies it for real
        assertThat(sc.cluster.appliedNames(false)).contains("my-resource");
      }
    } else {
      assertThat(cr.message()).isEqualTo(NOT_FOUND);
      assertThat(sc.phase()).isEqualTo(OperationPhase.Failed);
      assertThat(sc.message())
          .isEqualTo("one or more synchronization tasks are not valid: " + NOT_FOUND);
      assertThat(sc.cluster.applies).isEmpty();
    }
  }

  @Test
  void S13_unknownCrdMakesTheTasksInvalid() {
    assertCustomResourceRow(false, null, SkipOption.NONE, false, true);
  }

  @Test
  void S13_crdInTheSameSyncSkipsTheDryRun() {
    assertCustomResourceRow(false, testCrd(), SkipOption.NONE, true, false);
  }

  @Test
  void S13_knownCrdIsDryRun() {
    assertCustomResourceRow(true, null, SkipOption.NONE, true, true);
  }

  @Test
  void S13_knownCrdWithTheAnnotationIsStillDryRun() {
    assertCustomResourceRow(true, null, SkipOption.ANNOTATION, true, true);
  }

  @Test
  void S13_unknownCrdWithTheAnnotationSkipsTheDryRun() {
    assertCustomResourceRow(false, null, SkipOption.ANNOTATION, true, false);
  }

  @Test
  void S13_unknownCrdWithTheAppLevelOptionSkipsTheDryRun() {
    assertCustomResourceRow(false, null, SkipOption.APP_LEVEL, true, false);
  }

  @Test
  void S13_crdShippedAsAHookSkipsTheDryRun() {
    KubeObject crdHook = testCrd().withAnnotation(Annotations.HOOK, "PreSync");

    assertCustomResourceRow(false, crdHook, SkipOption.NONE, true, false);
  }

  @Test
  void S13_aCrdOfAnotherGroupOrKindDoesNotHelp() {
    KubeObject otherGroup = json(testCrd().toJson().replace("\"group\":\"test.io\"",
        "\"group\":\"other.io\""));
    KubeObject otherKind = json(testCrd().toJson().replace("\"kind\":\"TestCrd\"",
        "\"kind\":\"OtherCrd\""));

    assertCustomResourceRow(false, otherGroup, SkipOption.NONE, false, true);
    assertCustomResourceRow(false, otherKind, SkipOption.NONE, false, true);
  }

  // -----------------------------------------------------------------------------------------------
  // Validation (spec §2.2 V1–V3, §3.4 step 1)

  @Test
  void discoveryIsAskedOncePerKindWithinAStep() {
    Map<String, Integer> calls = new LinkedHashMap<>();
    Scenario sc = new Scenario().targets(Objects.pod("a"), Objects.pod("b"), Objects.svc(),
        Objects.hook("hook", "PreSync,PostSync", "HookSucceeded"));
    sc.settings(b -> b.discovery((group, version, kind) -> {
      calls.merge(group + "/" + version + "/" + kind, 1, Integer::sum);
      return new Discovery.ApiResource(kind.toLowerCase() + "s", true);
    }));

    assertThat(generate(sc)).hasSize(5);
    assertThat(calls).containsExactly(Map.entry("/v1/Pod", 1), Map.entry("/v1/Service", 1));
  }

  @Test
  void discoveryIsRetriedOnlyOnUnauthorized() {
    AtomicInteger flaky = new AtomicInteger();
    AtomicInteger denied = new AtomicInteger();
    AtomicInteger forbidden = new AtomicInteger();
    Scenario sc = new Scenario().targets(KubeObject.of("example.com/v1", "Flaky", null, "f"));
    sc.settings(b -> b.discovery((group, version, kind) -> {
      if (flaky.incrementAndGet() <= 2) {
        throw new ApiException(401, "Unauthorized");
      }
      return new Discovery.ApiResource("flakies", true);
    }));
    assertThat(generate(sc)).allMatch(t -> t.syncStatus() == null);
    assertThat(flaky).hasValue(3);

    Scenario alwaysDenied =
        new Scenario().targets(KubeObject.of("example.com/v1", "Denied", null, "d"));
    alwaysDenied.settings(b -> b.discovery((group, version, kind) -> {
      denied.incrementAndGet();
      throw new ApiException(401, "Unauthorized");
    }));
    assertThat(generate(alwaysDenied)).extracting(SyncTask::syncStatus)
        .containsExactly(ResultCode.SyncFailed);
    assertThat(denied).hasValue(5);

    Scenario notAllowed =
        new Scenario().targets(KubeObject.of("example.com/v1", "Secretive", null, "s"));
    notAllowed.settings(b -> b.discovery((group, version, kind) -> {
      forbidden.incrementAndGet();
      throw new ApiException(403, "forbidden");
    }));
    assertThat(generate(notAllowed)).extracting(SyncTask::message).containsExactly("forbidden");
    assertThat(forbidden).hasValue(1);
  }

  @Test
  void invalidTasksFailTheStepWithTheirDistinctSortedMessages() {
    Scenario sc = new Scenario().targets(
        KubeObject.of("v1", "Secret", null, "s1"),
        KubeObject.of("v1", "Secret", null, "s2"),
        KubeObject.of("v1", "ConfigMap", null, "cm"),
        Objects.pod());
    sc.settings(b -> b.permissionValidator((obj, resource) -> {
      if (!obj.kind().equals("Pod")) {
        throw new IllegalStateException(resource.name() + " are not permitted");
      }
    }));

    sc.step();

    assertThat(sc.phase()).isEqualTo(OperationPhase.Failed);
    assertThat(sc.message()).isEqualTo("one or more synchronization tasks are not valid: "
        + "configmaps are not permitted; secrets are not permitted");
    assertThat(sc.cluster.applies).isEmpty();
    assertThat(sc.results()).extracting(r -> r.name() + " " + r.status() + " " + r.message())
        .containsExactlyInAnyOrder(
            "s1 SyncFailed secrets are not permitted",
            "s2 SyncFailed secrets are not permitted",
            "cm SyncFailed configmaps are not permitted");
  }
}
