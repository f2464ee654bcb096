package io.wavesync.engine.sync;

/** Per-task sync status ({@code ResultCode} upstream, persisted as a result's {@code status}). */
public enum ResultCode {
  Synced,
  SyncFailed,
  Pruned,
  PruneSkipped;

  /** The task state a result starts in when first written by an apply or prune (spec §5.3). */
  public OperationPhase initialPhase() {
    return switch (this) {
      case Synced -> OperationPhase.Running;
      case SyncFailed -> OperationPhase.Failed;
      case Pruned, PruneSkipped -> OperationPhase.Succeeded;
    };
  }
}
