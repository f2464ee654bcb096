package io.wavesync.engine.sync;

import io.wavesync.engine.hook.DeletePolicy;
import io.wavesync.engine.hook.HookType;
import io.wavesync.engine.hook.Hooks;
import io.wavesync.engine.model.KubeObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline plan of a sync: every task in the exact order it would run against an empty cluster,
 * plus the objects that are skipped ({@code hook: Skip}) or ignored (no usable hook type, or a
 * PreDelete/PostDelete-only hook).
 */
public record Plan(List<Task> tasks, List<Skipped> skipped, List<Ignored> ignored) {

  /** One task. {@code deletePolicies} is empty for non-hooks. */
  public record Task(
      SyncPhase phase,
      long wave,
      String group,
      String kind,
      String namespace,
      String name,
      boolean hook,
      List<String> hookTypes,
      List<String> deletePolicies) {}

  public record Skipped(String kind, String namespace, String name) {}

  public record Ignored(String kind, String namespace, String name, String reason) {}

  /**
   * Plans the given manifests for the destination namespace and revision; generateName hooks are
   * named as an operation started at {@code startedAt} would name them.
   */
  public static Plan of(
      List<KubeObject> manifests, String namespace, String revision, Instant startedAt) {
    SyncSettings settings = SyncSettings.builder().namespace(namespace).revision(revision).build();
    List<SyncTask> tasks = SyncContext.plan(new SyncContext.Input(
        manifests, List.of(), OperationState.started(startedAt), settings, startedAt));
    List<Task> out = new ArrayList<>();
    for (SyncTask t : tasks) {
      boolean hook = t.isHook();
      out.add(new Task(t.phase(), t.wave(), t.group(), t.kind(), t.namespace(), t.name(), hook,
          hook ? Hooks.types(t.obj()).stream().map(HookType::name).distinct().toList() : List.of(),
          t.deletePolicies().stream().map(DeletePolicy::name).toList()));
    }
    List<Skipped> skipped = new ArrayList<>();
    List<Ignored> ignored = new ArrayList<>();
    for (KubeObject m : manifests) {
      String ns = m.namespace().isEmpty() ? namespace : m.namespace();
      String name = m.name().isEmpty() ? m.generateName() : m.name();
      if (Hooks.excludedFromSync(m)) {
        ignored.add(new Ignored(m.kind(), ns, name,
            "PreDelete/PostDelete hook: runs only when the application is deleted"));
      } else if (Hooks.isIgnored(m)) {
        ignored.add(new Ignored(m.kind(), ns, name, "no supported hook type in "
            + (m.hasAnnotation(io.wavesync.engine.hook.Annotations.HOOK)
                ? "argocd.argoproj.io/hook=\"" + m.annotation(io.wavesync.engine.hook.Annotations.HOOK) + "\""
                : "helm.sh/hook=\"" + m.annotation(io.wavesync.engine.hook.Annotations.HELM_HOOK) + "\"")));
      } else if (Hooks.isSkip(m)) {
        skipped.add(new Skipped(m.kind(), ns, name));
      }
    }
    return new Plan(out, skipped, ignored);
  }
}
