package io.wavesync.engine.sync;

/**
 * Phase of an operation, and (without Terminating) the state of a single task ({@code HookPhase}).
 * A task with no state is pending; the engine represents that as {@code null}.
 */
public enum OperationPhase {
  Running,
  Terminating,
  Succeeded,
  Failed,
  Error;

  public boolean isCompleted() {
    return this == Succeeded || this == Failed || this == Error;
  }

  public boolean isSuccessful() {
    return this == Succeeded;
  }

  public boolean isRunning() {
    return this == Running;
  }
}
