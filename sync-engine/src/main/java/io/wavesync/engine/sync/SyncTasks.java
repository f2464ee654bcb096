package io.wavesync.engine.sync;

import io.wavesync.engine.model.KubeObject;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Task ordering (spec §2.3): phase, wave, kind order, name; then group and namespace (decision 1). */
public final class SyncTasks {

  /** Helm's install order, exactly 35 kinds; value = index - 35, unknown kinds 0 (last). */
  public static final List<String> KIND_ORDER =
      List.of(
          "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
          "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap",
          "StorageClass", "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition",
          "ClusterRole", "ClusterRoleList", "ClusterRoleBinding", "ClusterRoleBindingList", "Role",
          "RoleList", "RoleBinding", "RoleBindingList", "Service", "DaemonSet", "Pod",
          "ReplicationController", "ReplicaSet", "Deployment", "HorizontalPodAutoscaler",
          "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService");

  private static final Map<String, Integer> KIND_INDEX = new HashMap<>();

  static {
    for (int i = 0; i < KIND_ORDER.size(); i++) {
      KIND_INDEX.put(KIND_ORDER.get(i), i - KIND_ORDER.size());
    }
  }

  /** Upstream's order plus the deterministic tie-breakers (group, then namespace). */
  public static final Comparator<SyncTask> ORDER =
      Comparator.<SyncTask>comparingInt(t -> t.phase.order())
          .thenComparingLong(SyncTask::wave)
          .thenComparingInt(t -> kindOrder(t.kind()))
          .thenComparing(SyncTask::name)
          .thenComparing(SyncTask::group)
          .thenComparing(SyncTask::namespace)
          .thenComparing(SyncTask::kind);

  private SyncTasks() {}

  public static int kindOrder(String kind) {
    return KIND_INDEX.getOrDefault(kind, 0);
  }

  /** Sorts in place, then bubbles Namespaces and CRDs before their dependants. */
  public static void sort(List<SyncTask> tasks) {
    tasks.sort(ORDER);
    adjustDeps(
        tasks,
        obj -> isNamespace(obj) ? Optional.of(obj.name()) : Optional.empty(),
        obj -> obj.namespace().isEmpty() ? Optional.empty() : Optional.of(obj.namespace()));
    adjustDeps(
        tasks,
        obj -> {
          if (!isCrd(obj)) {
            return Optional.empty();
          }
          if (obj.path("spec", "group") == null || obj.path("spec", "names", "kind") == null) {
            return Optional.empty();
          }
          return Optional.of(
              obj.pathText("spec", "group") + "/" + obj.pathText("spec", "names", "kind"));
        },
        obj -> Optional.of(obj.group() + "/" + obj.kind()));
  }

  /**
   * Moves a dependency task (a Namespace, a CRD) to just before the first task that references it,
   * taking that task's phase and wave. Prune tasks do not participate.
   */
  private static void adjustDeps(
      List<SyncTask> s,
      Function<KubeObject, Optional<String>> isDep,
      Function<KubeObject, Optional<String>> refersTo) {
    Map<String, Integer> firstIndexByDepKey = new HashMap<>();
    for (int i = 0; i < s.size(); i++) {
      SyncTask t = s.get(i);
      if (t.target == null) {
        continue;
      }
      Optional<String> depKey = isDep.apply(t.target);
      if (depKey.isPresent()) {
        Integer index = firstIndexByDepKey.get(depKey.get());
        if (index != null) {
          SyncTask first = s.get(index);
          t.waveOverride = first.wave();
          t.phase = first.phase;
          s.remove(i);
          s.add(index, t);
          firstIndexByDepKey.replaceAll((k, v) -> v >= index ? v + 1 : v);
        }
      } else {
        Optional<String> ref = refersTo.apply(t.target);
        if (ref.isPresent()) {
          firstIndexByDepKey.putIfAbsent(ref.get(), i);
        }
      }
    }
  }

  static boolean isNamespace(KubeObject obj) {
    return obj != null && "Namespace".equals(obj.kind()) && obj.group().isEmpty();
  }

  static boolean isCrd(KubeObject obj) {
    return obj != null
        && "CustomResourceDefinition".equals(obj.kind())
        && "apiextensions.k8s.io".equals(obj.group());
  }

  /** More than one (phase, wave) among the (sorted) tasks. */
  public static boolean multiStep(List<SyncTask> tasks) {
    if (tasks.isEmpty()) {
      return false;
    }
    SyncTask first = tasks.get(0);
    SyncTask last = tasks.get(tasks.size() - 1);
    return first.wave() != last.wave() || first.phase != last.phase;
  }
}
