package io.wavesync.watcher.domain;

import io.wavesync.events.Observation;
import io.wavesync.events.ResourceApplied;
import io.wavesync.events.WaveApplied;
import io.wavesync.events.payload.ResultCode;
import io.wavesync.events.payload.TaskOutcome;
import java.util.LinkedHashSet;
import java.util.Set;

/** Which informers an observation asks for. */
public final class WatchTargets {

  private WatchTargets() {}

  /**
   * The watch keys named by {@code observation}: the object of a {@link ResourceApplied} and the
   * objects of a {@link WaveApplied}'s outcomes. Dry runs and failed applies name nothing: the
   * object is not in the cluster, and the kind may not even exist there.
   */
  public static Set<WatchKey> of(Observation observation) {
    Set<WatchKey> keys = new LinkedHashSet<>();
    if (observation instanceof ResourceApplied applied) {
      if (!applied.dryRun() && counts(applied.resultCode())) {
        keys.add(WatchKey.of(applied.ref()));
      }
    } else if (observation instanceof WaveApplied wave) {
      for (TaskOutcome outcome : wave.results()) {
        // A dry run returns no uid; only an outcome the API server answered for names a real
        // object.
        boolean real = outcome.uid() != null || outcome.deletionRequested();
        if (real && counts(outcome.resultCode())) {
          keys.add(WatchKey.of(outcome.ref()));
        }
      }
    }
    return keys;
  }

  private static boolean counts(ResultCode code) {
    return code != null && code != ResultCode.SyncFailed;
  }
}
