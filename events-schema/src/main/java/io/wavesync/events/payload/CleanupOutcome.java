package io.wavesync.events.payload;

/** The outcome of one cleanup action. */
public enum CleanupOutcome {
  DONE,
  /** The object was already gone; counted as done, since cleanup is idempotent. */
  NOT_FOUND,
  FAILED
}
