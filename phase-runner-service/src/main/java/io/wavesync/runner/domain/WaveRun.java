package io.wavesync.runner.domain;

import io.wavesync.engine.model.ResourceKey;
import io.wavesync.engine.sync.ClusterOps;
import io.wavesync.engine.sync.OperationPhase;
import io.wavesync.engine.sync.ResultCode;
import io.wavesync.engine.sync.RunState;
import io.wavesync.engine.sync.RunTask;
import io.wavesync.engine.sync.RunTasksRequest;
import io.wavesync.engine.sync.RunTasksResult;
import io.wavesync.engine.sync.TaskRunner;
import io.wavesync.engine.sync.TaskUpdate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Carries out one wave with the engine's {@link TaskRunner} (spec §2.5: finalizer removal, prunes,
 * BeforeHookCreation deletions, kind groups) and collates what happened per task, so the answer can
 * be written without looking at the engine's updates again.
 */
public final class WaveRun {

  private WaveRun() {}

  /**
   * What happened to one task.
   *
   * @param task the task as run
   * @param update its recorded result, empty when nothing was recorded (a successful validation,
   *     a step that stopped before the task, a deletion still in progress)
   * @param liveGone its live object turned out to be gone already
   * @param deletionRequested its live object was asked to be deleted
   * @param written the object as the API server returned it after the write
   * @param refusalStatus the HTTP status with which the API refused the task's call
   */
  public record TaskReport(
      RunTask task,
      Optional<TaskUpdate> update,
      boolean liveGone,
      boolean deletionRequested,
      Optional<CallLog.Written> written,
      OptionalInt refusalStatus) {

    /** The identity of the task's object. */
    public ResourceKey key() {
      return ResourceKey.of(task.obj());
    }

    /** A recorded failure: the API refused the write, or a finalizer or deletion failed. */
    public boolean failed() {
      return update.map(u -> u.status() == ResultCode.SyncFailed
          || u.phase() == OperationPhase.Error).orElse(false);
    }
  }

  /**
   * The whole wave.
   *
   * @param state successful, pending (waiting for a deletion or a prune confirmation) or failed
   * @param tasks one report per task, in the command's order
   * @param recorded the reports of tasks with a recorded result, in the order the results happened
   * @param awaitingConfirmation result keys of prunes that wait for confirmation
   */
  public record Report(
      RunState state,
      List<TaskReport> tasks,
      List<TaskReport> recorded,
      List<String> awaitingConfirmation) {}

  /**
   * Runs {@code request}.
   *
   * @param cluster makes the cluster calls for this wave, writing what they did to the log
   * @param executor runs the calls of one kind group concurrently
   */
  public static Report run(
      RunTasksRequest request, Function<CallLog, ClusterOps> cluster, Executor executor) {
    CallLog log = new CallLog();
    RunTasksResult result = new TaskRunner(cluster.apply(log), executor).run(request);
    return collate(request, result, log);
  }

  static Report collate(RunTasksRequest request, RunTasksResult result, CallLog log) {
    Map<String, TaskUpdate> recordedUpdates = new LinkedHashMap<>();
    Map<String, Boolean> gone = new LinkedHashMap<>();
    for (TaskUpdate u : result.updates()) {
      if (u.liveGone()) {
        gone.put(u.resultKey(), true);
      }
      if (u.record()) {
        // a later update of the same task supersedes an earlier one
        recordedUpdates.remove(u.resultKey());
        recordedUpdates.put(u.resultKey(), u);
      }
    }
    Map<String, TaskReport> byKey = new LinkedHashMap<>();
    List<TaskReport> tasks = new ArrayList<>();
    for (RunTask t : request.tasks()) {
      // deletions and finalizer removals address the live object, writes the target
      ResourceKey targetKey = ResourceKey.of(t.obj());
      ResourceKey liveKey = t.live() == null ? targetKey : ResourceKey.of(t.live());
      OptionalInt refusal = log.refusalStatus(targetKey);
      TaskReport report = new TaskReport(t,
          Optional.ofNullable(recordedUpdates.get(t.resultKey())),
          gone.getOrDefault(t.resultKey(), false),
          log.deletionRequested(liveKey) || log.deletionRequested(targetKey),
          log.written(targetKey),
          refusal.isPresent() ? refusal : log.refusalStatus(liveKey));
      byKey.put(t.resultKey(), report);
      tasks.add(report);
    }
    List<TaskReport> recorded = new ArrayList<>();
    for (String resultKey : recordedUpdates.keySet()) {
      TaskReport report = byKey.get(resultKey);
      if (report != null) {
        recorded.add(report);
      }
    }
    return new Report(result.state(), tasks, recorded, result.awaitingConfirmation());
  }
}
