package io.wavesync.events.payload;

/** What a wave command asks a phase runner to do. */
public enum WaveMode {
  /** Create the destination namespace before anything else (sync option CreateNamespace=true). */
  NAMESPACE,
  /** Dry-run every task of the operation, to fail early on invalid manifests. */
  VALIDATE,
  /** Apply the tasks of one (phase, wave). */
  STEP,
  /** Apply the SyncFail hooks after a failed operation. */
  SYNC_FAIL
}
