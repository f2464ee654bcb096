package io.wavesync.engine.sync;

import java.time.Instant;
import java.util.List;

/**
 * Everything the engine keeps between steps (spec §5.3): phase, message, start time and the ordered
 * result list; plus retry bookkeeping (§5.5). The task list is rebuilt every step.
 */
public record OperationState(
    OperationPhase phase,
    String message,
    Instant startedAt,
    Instant finishedAt,
    int retryCount,
    List<ResourceResult> results) {

  public OperationState {
    message = message == null ? "" : message;
    results = results == null ? List.of() : List.copyOf(results);
  }

  /** A new operation: Running, started now, no results yet. */
  public static OperationState started(Instant now) {
    return new OperationState(OperationPhase.Running, "", now, null, 0, List.of());
  }

  public OperationState withPhase(OperationPhase phase, String message) {
    return new OperationState(phase, message, startedAt, finishedAt, retryCount, results);
  }

  public OperationState withResults(List<ResourceResult> results) {
    return new OperationState(phase, message, startedAt, finishedAt, retryCount, results);
  }

  public OperationState withFinishedAt(Instant finishedAt) {
    return new OperationState(phase, message, startedAt, finishedAt, retryCount, results);
  }

  public OperationState withRetryCount(int retryCount) {
    return new OperationState(phase, message, startedAt, finishedAt, retryCount, results);
  }

  public boolean isCompleted() {
    return phase.isCompleted();
  }
}
