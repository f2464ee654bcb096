package io.wavesync.events.payload;

/** The state of one hook (or of a resource's apply), named as Argo CD's operation phases. */
public enum HookPhase {
  Running,
  Succeeded,
  Failed,
  Error;

  /** Whether the hook has finished, successfully or not. */
  public boolean isCompleted() {
    return this != Running;
  }

  /** Whether the hook finished successfully. */
  public boolean isSuccessful() {
    return this == Succeeded;
  }
}
