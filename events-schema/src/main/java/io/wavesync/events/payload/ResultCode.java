package io.wavesync.events.payload;

/** The result of syncing one resource; Argo CD's {@code ResultCode} names, as users know them. */
public enum ResultCode {
  Synced,
  SyncFailed,
  Pruned,
  PruneSkipped
}
