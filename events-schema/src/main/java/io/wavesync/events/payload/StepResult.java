package io.wavesync.events.payload;

/** The overall outcome of applying one wave command. */
public enum StepResult {
  /** Every task was applied. */
  SUCCESSFUL,
  /** The runner could not finish yet (for example an object is still being deleted). */
  PENDING,
  /** At least one task failed. */
  FAILED
}
