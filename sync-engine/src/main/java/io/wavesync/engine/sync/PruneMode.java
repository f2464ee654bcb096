package io.wavesync.engine.sync;

/** What a prune task does, decided by the engine from the operation and object options (§5.7). */
public enum PruneMode {
  /** Delete the live object with the propagation policy. */
  PRUNE,
  /** The operation does not prune: {@code ignored (requires pruning)}. */
  SKIP_REQUIRES_PRUNING,
  /** {@code Prune=false} on the object or the application: {@code ignored (no prune)}. */
  SKIP_NO_PRUNE
}
