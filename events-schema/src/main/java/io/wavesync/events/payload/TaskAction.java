package io.wavesync.events.payload;

/** What a wave task does to its object. */
public enum TaskAction {
  /** Create or update the object from the task's target manifest. */
  APPLY,
  /** Delete the live object, which no longer has a manifest. */
  PRUNE
}
