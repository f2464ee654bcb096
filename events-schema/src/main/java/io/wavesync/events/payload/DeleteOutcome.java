package io.wavesync.events.payload;

/** The outcome of deleting one object. */
public enum DeleteOutcome {
  DELETED,
  /** The object was already gone; counted as done, since deletes are idempotent. */
  NOT_FOUND,
  FAILED
}
