package io.wavesync.engine.sync;

import io.wavesync.engine.hook.DeletePolicy;
import io.wavesync.engine.hook.Hooks;
import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.model.ResourceKey;
import java.util.List;

/**
 * One unit of work: (phase, target?, live?). A task without a target is a prune task. Rebuilt every
 * step from the manifests, the live objects and the persisted results, so it is mutable only for
 * the duration of one step.
 */
public final class SyncTask {

  SyncPhase phase;
  KubeObject target;
  KubeObject live;
  Long waveOverride;
  boolean skipDryRun;
  ResultCode syncStatus;
  OperationPhase operationState;
  String message = "";
  /** From the persisted result: the generation and uid this operation applied (decision 6). */
  long appliedGeneration;
  String appliedUid = "";
  java.time.Instant runningSince;

  // read once: annotations and identity never change during a step, and sorting asks often
  private Boolean hook;
  private Long baseWave;
  private String name;
  private String kind;
  private String group;
  private String namespace;

  SyncTask(SyncPhase phase, KubeObject target, KubeObject live) {
    this.phase = phase;
    this.target = target;
    this.live = live;
  }

  /** Replaces the target (a copy with the same annotations) and forgets its cached identity. */
  void setTarget(KubeObject target) {
    this.target = target;
    this.name = null;
    this.namespace = null;
  }

  public SyncPhase phase() {
    return phase;
  }

  public KubeObject target() {
    return target;
  }

  public KubeObject live() {
    return live;
  }

  /** The target, or the live object for prune tasks. */
  public KubeObject obj() {
    return target != null ? target : live;
  }

  public boolean isPrune() {
    return target == null;
  }

  public boolean isHook() {
    if (hook == null) {
      hook = Hooks.isHook(obj());
    }
    return hook;
  }

  public long wave() {
    if (waveOverride != null) {
      return waveOverride;
    }
    if (baseWave == null) {
      baseWave = Hooks.wave(obj());
    }
    return baseWave;
  }

  public String group() {
    if (group == null) {
      group = obj().group();
    }
    return group;
  }

  public String version() {
    return obj().version();
  }

  public String kind() {
    if (kind == null) {
      kind = obj().kind();
    }
    return kind;
  }

  public String namespace() {
    if (namespace == null) {
      namespace = obj().namespace();
    }
    return namespace;
  }

  public String name() {
    if (name == null) {
      name = obj().name();
    }
    return name;
  }

  public ResourceKey resourceKey() {
    return ResourceKey.of(obj());
  }

  public String resultKey() {
    return ResourceResult.resultKey(resourceKey(), phase);
  }

  /** The phase a hook runs in; null for non-hooks. */
  public SyncPhase hookType() {
    return isHook() ? phase : null;
  }

  public List<DeletePolicy> deletePolicies() {
    return isHook() ? Hooks.deletePolicies(obj()) : List.of();
  }

  public boolean hasHookDeletePolicy(DeletePolicy policy) {
    return isHook() && Hooks.hasDeletePolicy(obj(), policy);
  }

  public boolean deleteBeforeCreation() {
    return live != null && pending() && hasHookDeletePolicy(DeletePolicy.BeforeHookCreation);
  }

  public boolean deleteOnPhaseSuccessful() {
    return live != null && hasHookDeletePolicy(DeletePolicy.HookSucceeded);
  }

  public boolean deleteOnPhaseFailed() {
    return live != null && hasHookDeletePolicy(DeletePolicy.HookFailed);
  }

  public ResultCode syncStatus() {
    return syncStatus;
  }

  public OperationPhase operationState() {
    return operationState;
  }

  public String message() {
    return message;
  }

  public boolean skipDryRun() {
    return skipDryRun;
  }

  public boolean pending() {
    return operationState == null;
  }

  public boolean running() {
    return operationState == OperationPhase.Running;
  }

  public boolean completed() {
    return operationState != null && operationState.isCompleted();
  }

  public boolean successful() {
    return operationState == OperationPhase.Succeeded;
  }

  public boolean pruned() {
    return syncStatus == ResultCode.Pruned;
  }

  @Override
  public String toString() {
    return phase + "/" + wave() + " " + resourceKey() + (isPrune() ? " (prune)" : "");
  }
}
