package io.wavesync.engine.sync;

/** Outcome of applying one step: precedence failed &gt; pending &gt; successful (spec §2.5). */
public enum RunState {
  SUCCESSFUL,
  PENDING,
  FAILED;

  public RunState merge(RunState other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
