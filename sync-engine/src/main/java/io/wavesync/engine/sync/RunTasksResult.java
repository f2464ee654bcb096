package io.wavesync.engine.sync;

import java.util.List;

/**
 * What applying a step did.
 *
 * @param updates per-task changes in the order they happened
 * @param awaitingConfirmation result keys of prunes that wait for confirmation (state PENDING)
 */
public record RunTasksResult(
    RunState state, List<TaskUpdate> updates, List<String> awaitingConfirmation) {

  public RunTasksResult {
    updates = List.copyOf(updates);
    awaitingConfirmation = List.copyOf(awaitingConfirmation);
  }
}
