package io.wavesync.events.payload;

/**
 * The phases of a sync operation, in the order they run. The constant names are Argo CD's phase
 * names, because they appear as such in JSON, in hook annotations and in what users read.
 */
public enum SyncPhase {
  PreSync,
  Sync,
  PostSync,
  /** Runs only when an earlier phase failed. */
  SyncFail
}
