package io.wavesync.engine.sync;

/** The sync phases in execution order (spec §2.3: PreSync -1 &lt; Sync 0 &lt; PostSync 1 &lt; SyncFail 2). */
public enum SyncPhase {
  PreSync(-1),
  Sync(0),
  PostSync(1),
  SyncFail(2);

  private final int order;

  SyncPhase(int order) {
    this.order = order;
  }

  public int order() {
    return order;
  }
}
