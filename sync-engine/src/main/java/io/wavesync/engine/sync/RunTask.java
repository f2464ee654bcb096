package io.wavesync.engine.sync;

import io.wavesync.engine.model.KubeObject;

/**
 * One task of a step as handed to whoever applies it (the engine's test cluster, or the phase
 * runner): everything needed to run spec §2.5 for it, already decided by the engine.
 *
 * @param target the manifest to apply; null for prunes
 * @param live the live object the engine knows; null if none
 * @param syncStatus the task's current status, kept when only its state changes
 */
public record RunTask(
    String resultKey,
    SyncPhase phase,
    long wave,
    KubeObject target,
    KubeObject live,
    boolean hook,
    boolean pending,
    boolean deleteBeforeCreation,
    boolean skipDryRun,
    PruneMode pruneMode,
    boolean pruneNeedsConfirmation,
    ApplyStrategy strategy,
    ResultCode syncStatus) {

  public boolean isPrune() {
    return target == null;
  }

  public KubeObject obj() {
    return target != null ? target : live;
  }
}
