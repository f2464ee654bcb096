package io.wavesync.engine.sync;

import io.wavesync.engine.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Applies one step's tasks exactly as spec §2.5 says: un-finalize existing hooks, prune (or wait for
 * confirmation), BeforeHookCreation deletions, then create/apply in groups of consecutive kinds, each
 * group concurrently. Shared by the phase runner and the engine's tests so both follow one algorithm.
 */
public final class TaskRunner {

  private final ClusterOps ops;
  private final Executor executor;

  /** Runs calls of one group concurrently on the executor. */
  public TaskRunner(ClusterOps ops, Executor executor) {
    this.ops = ops;
    this.executor = executor;
  }

  /** Runs every call on the calling thread. */
  public TaskRunner(ClusterOps ops) {
    this(ops, Runnable::run);
  }

  public RunTasksResult run(RunTasksRequest req) {
    boolean dryRun = req.dryRun() || req.operationDryRun();
    List<TaskUpdate> updates = new ArrayList<>();
    List<RunTask> prunes = new ArrayList<>();
    List<RunTask> creates = new ArrayList<>();
    for (RunTask t : req.tasks()) {
      (t.isPrune() ? prunes : creates).add(t);
    }

    // 1. remove finalizers left by a previous run so BeforeHookCreation deletion can complete
    RunState state = RunState.SUCCESSFUL;
    List<RunTask> existingHooks =
        req.tasks().stream().filter(t -> t.hook() && t.pending() && t.live() != null).toList();
    if (!dryRun) {
      state =
          group(existingHooks, updates, state, t -> {
            try {
              ops.removeHookFinalizer(t.live());
              return null;
            } catch (ApiException e) {
              return new Outcome(RunState.FAILED, TaskUpdate.result(t.resultKey(), t.syncStatus(),
                  OperationPhase.Error, "failed to remove hook finalizer: " + e.getMessage()));
            }
          });
    }
    if (state != RunState.SUCCESSFUL) {
      return new RunTasksResult(state, updates, List.of());
    }

    // 2. prune first; prunes needing confirmation hold the whole step
    if (!req.pruneConfirmed()) {
      List<String> waiting =
          prunes.stream().filter(RunTask::pruneNeedsConfirmation).map(RunTask::resultKey).toList();
      if (!waiting.isEmpty()) {
        return new RunTasksResult(RunState.PENDING, updates, waiting);
      }
    }
    state =
        group(prunes, updates, state, t -> {
          ResultCode code;
          String message;
          if (t.pruneMode() == PruneMode.SKIP_REQUIRES_PRUNING) {
            code = ResultCode.PruneSkipped;
            message = "ignored (requires pruning)";
          } else if (t.pruneMode() == PruneMode.SKIP_NO_PRUNE) {
            code = ResultCode.PruneSkipped;
            message = "ignored (no prune)";
          } else if (dryRun) {
            code = ResultCode.Pruned;
            message = "pruned (dry run)";
          } else {
            code = ResultCode.Pruned;
            message = "pruned";
            // an object already terminating is not deleted again (no update hot loop)
            if (!t.live().isBeingDeleted()) {
              try {
                ops.delete(t.live(), req.propagationPolicy());
              } catch (ApiException e) {
                // already gone (a command delivered again) is what the prune wanted
                if (!e.isNotFound()) {
                  code = ResultCode.SyncFailed;
                  message = e.getMessage();
                }
              }
            }
          }
          boolean failed = code == ResultCode.SyncFailed;
          if (!dryRun || req.operationDryRun() || failed) {
            return new Outcome(failed ? RunState.FAILED : RunState.SUCCESSFUL,
                TaskUpdate.result(t.resultKey(), code, code.initialPhase(), message));
          }
          return null;
        });
    if (state != RunState.SUCCESSFUL) {
      return new RunTasksResult(state, updates, List.of());
    }

    // 3. BeforeHookCreation: delete the previous copy and wait for it to be gone
    List<RunTask> toDelete = creates.stream().filter(RunTask::deleteBeforeCreation).toList();
    List<String> gone = new ArrayList<>();
    if (!dryRun) {
      state =
          group(toDelete, updates, state, t -> {
            try {
              ops.delete(t.live(), req.propagationPolicy());
              return new Outcome(RunState.PENDING, null);
            } catch (ApiException e) {
              if (e.isNotFound()) {
                synchronized (gone) {
                  gone.add(t.resultKey());
                }
                return new Outcome(RunState.SUCCESSFUL, TaskUpdate.liveGone(t.resultKey()));
              }
              return new Outcome(RunState.FAILED, TaskUpdate.result(t.resultKey(), t.syncStatus(),
                  OperationPhase.Error, "failed to delete resource: " + e.getMessage()));
            }
          });
    }
    if (state != RunState.SUCCESSFUL) {
      return new RunTasksResult(state, updates, List.of());
    }

    // 4. create/apply in groups of consecutive kinds
    List<RunTask> batch = new ArrayList<>();
    for (RunTask t : creates) {
      if (!batch.isEmpty() && !batch.get(0).target().kind().equals(t.target().kind())) {
        state = applyGroup(batch, gone, req, dryRun, updates, state);
        batch = new ArrayList<>();
      }
      batch.add(t);
    }
    if (!batch.isEmpty()) {
      state = applyGroup(batch, gone, req, dryRun, updates, state);
    }
    return new RunTasksResult(state, updates, List.of());
  }

  private RunState applyGroup(
      List<RunTask> batch,
      List<String> gone,
      RunTasksRequest req,
      boolean dryRun,
      List<TaskUpdate> updates,
      RunState state) {
    List<RunTask> toApply =
        batch.stream().filter(t -> !(dryRun && t.skipDryRun())).toList();
    return group(toApply, updates, state, t -> {
      KubeObject live = gone.contains(t.resultKey()) ? null : t.live();
      ApplyStrategy.Method method = t.strategy().methodFor(t.target(), live);
      ResultCode code;
      String message;
      String uid = "";
      long generation = 0;
      try {
        ClusterOps.Applied applied = ops.apply(t.target(), live, method, t.strategy(), dryRun);
        code = ResultCode.Synced;
        message = applied.message();
        uid = applied.uid();
        generation = applied.generation();
      } catch (ApiException e) {
        code = ResultCode.SyncFailed;
        message = e.getMessage();
      }
      boolean failed = code == ResultCode.SyncFailed;
      if (!dryRun || req.operationDryRun() || failed) {
        OperationPhase phase = code.initialPhase();
        // nothing is created in a dry-run operation: a valid object is as good as done
        if (req.operationDryRun() && phase == OperationPhase.Running) {
          phase = OperationPhase.Succeeded;
        }
        return new Outcome(failed ? RunState.FAILED : RunState.SUCCESSFUL,
            new TaskUpdate(t.resultKey(), code, phase, message, true, false, uid, generation));
      }
      return null;
    });
  }

  private record Outcome(RunState state, TaskUpdate update) {}

  /** Runs the calls of one group concurrently and merges their states; updates keep task order. */
  private RunState group(
      List<RunTask> tasks, List<TaskUpdate> updates, RunState state,
      Function<RunTask, Outcome> call) {
    List<CompletableFuture<Outcome>> futures = new ArrayList<>();
    for (RunTask t : tasks) {
      futures.add(CompletableFuture.supplyAsync(() -> call.apply(t), executor));
    }
    RunState merged = state;
    for (CompletableFuture<Outcome> f : futures) {
      Outcome o = f.join();
      if (o == null) {
        continue;
      }
      merged = merged.merge(o.state());
      if (o.update() != null) {
        updates.add(o.update());
      }
    }
    return merged;
  }
}
