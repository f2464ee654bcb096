package io.wavesync.events.payload;

/** The phase of a whole sync operation, Argo CD's operation phases. */
public enum OperationPhase {
  Running,
  Terminating,
  Succeeded,
  Failed,
  Error;

  /** Whether the operation has ended; a completed operation never changes phase again. */
  public boolean isCompleted() {
    return this == Succeeded || this == Failed || this == Error;
  }

  /** Whether the operation ended successfully. */
  public boolean isSuccessful() {
    return this == Succeeded;
  }
}
