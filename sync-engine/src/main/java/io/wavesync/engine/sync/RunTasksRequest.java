package io.wavesync.engine.sync;

import java.util.List;

/**
 * Apply one step's tasks (spec §2.5).
 *
 * @param dryRun this pass is a dry run (the validation pass, or a dry-run operation)
 * @param operationDryRun the whole operation is a dry run (then results are always recorded)
 * @param pruneConfirmed prunes needing confirmation were confirmed
 */
public record RunTasksRequest(
    Purpose purpose,
    SyncPhase phase,
    long wave,
    List<RunTask> tasks,
    boolean dryRun,
    boolean operationDryRun,
    boolean pruneConfirmed,
    String propagationPolicy) {

  public RunTasksRequest {
    tasks = List.copyOf(tasks);
  }

  /** Why the tasks are run; the phase runner treats them all alike. */
  public enum Purpose {
    /** Pre-create the destination namespace before validation (first step). */
    NAMESPACE,
    /** The client-side dry run of every task (first step). */
    VALIDATE,
    /** One (phase, wave). */
    STEP,
    /** Starting the SyncFail hooks after a failure. */
    SYNC_FAIL
  }
}
