package io.wavesync.planner.domain;

import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.sync.OperationState;
import io.wavesync.engine.sync.SyncPhase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the planner keeps for one application, stored in its state store (and changelog):
 * the current (or last) operation with its engine state, the step in progress with the answers of
 * its side effects, and the application's view of the cluster built from observations.
 */
public final class AppRecord {

  public String application;
  public OperationRequest request;
  public OperationState state;
  /** Parse or validation error of the request, if it never became a sync. */
  public String rejectedReason;

  /** The step in progress: its number, the clock it started with, the answers so far. */
  public Long stepNumber;
  public Instant stepNow;
  public List<StoredAnswer> answers = new ArrayList<>();
  /** The call the step waits for: its command id and when it was last sent. */
  public String outstandingCommandId;
  public Instant outstandingSentAt;
  /** A SyncFail wave the cleanup service publishes itself after the deletions it was handed with. */
  public String followUpCommandId;
  public long completedSteps;
  public boolean terminateRequested;
  /** When the input that started the step in progress was produced (wave-transition latency). */
  public Instant stepTriggeredAt;

  public Instant notBefore;
  public Instant wakeAt;
  public Instant lastStepAt;
  public SyncPhase currentPhase;
  public Long currentWave;

  /** The application's objects as last observed, by {@code ResourceKey.toString()}. */
  public Map<String, KubeObject> observed = new LinkedHashMap<>();
  /** Observations that arrived while a step was in progress; applied when it completes. */
  public List<Observation> buffered = new ArrayList<>();
  /** Log tails of completed hooks, by {@code ResourceKey.toString()}. */
  public Map<String, HookLog> hookLogs = new LinkedHashMap<>();

  /** The log tail of one copy (uid) of a hook. */
  public record HookLog(String uid, String tail) {}

  /** An object seen (or seen deleted: object null) by the hook watcher. */
  public record Observation(String key, KubeObject object) {}

  public boolean active() {
    return state != null && !state.isCompleted();
  }

  public boolean stepInProgress() {
    return stepNumber != null;
  }
}
