package io.wavesync.events.payload;

/** How a prune task is carried out, mirroring Argo CD's prune decisions. */
public enum PruneMode {
  /** Delete the object. */
  PRUNE,
  /** Keep the object: it carries {@code argocd.argoproj.io/sync-options: Prune=false}. */
  SKIP_NO_PRUNE,
  /** Keep the object: pruning is not enabled for this sync, so it is reported as out of sync. */
  SKIP_REQUIRES_PRUNING
}
