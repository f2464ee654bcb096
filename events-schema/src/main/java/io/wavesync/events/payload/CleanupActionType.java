package io.wavesync.events.payload;

/** What the cleanup service does to one object. */
public enum CleanupActionType {
  /** Remove wavesync's hook finalizer so that the object can go away. */
  REMOVE_FINALIZER,
  /** Delete the object (hook delete policies, terminate). */
  DELETE,
  /** Read the object and report it back, without changing it. */
  LOOKUP
}
