package io.wavesync.engine.hook;

import io.wavesync.engine.sync.SyncPhase;
import java.util.Optional;

/** Values of {@code argocd.argoproj.io/hook} that the sync engine understands (spec §1.1). */
public enum HookType {
  PreSync,
  Sync,
  PostSync,
  SyncFail,
  Skip;

  /** Case-sensitive parse; anything else is garbage. */
  public static Optional<HookType> parse(String value) {
    for (HookType t : values()) {
      if (t.name().equals(value)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The sync phase of this hook type; empty for Skip. */
  public Optional<SyncPhase> phase() {
    return switch (this) {
      case PreSync -> Optional.of(SyncPhase.PreSync);
      case Sync -> Optional.of(SyncPhase.Sync);
      case PostSync -> Optional.of(SyncPhase.PostSync);
      case SyncFail -> Optional.of(SyncPhase.SyncFail);
      case Skip -> Optional.empty();
    };
  }
}
