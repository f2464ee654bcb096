package io.wavesync.cli;

import io.wavesync.events.OperationUpdated;
import io.wavesync.events.payload.HookPhase;
import io.wavesync.events.payload.ResourceResultView;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How long each resource and hook of a followed operation ran, as seen by the command: from the
 * first update that shows it Running to the first that shows it completed. Operation updates carry
 * no per-resource times, so this is measured on the receiving side; a row never seen Running has
 * no duration.
 */
final class RowTimings {

  private static final class Timing {
    long runningSince;
    long duration = -1;
  }

  private final Map<String, Timing> timings = new HashMap<>();

  /** Records what {@code u} shows, at {@code nowNanos} ({@link System#nanoTime()}). */
  void update(OperationUpdated u, long nowNanos) {
    for (ResourceResultView r : u.resources()) {
      HookPhase state = r.hookPhase();
      if (state == null) {
        continue;
      }
      String key = key(r);
      Timing t = timings.get(key);
      if (state == HookPhase.Running) {
        if (t == null || t.duration >= 0) {
          // first seen running, or running again after a retry of the operation
          t = new Timing();
          t.runningSince = nowNanos;
          timings.put(key, t);
        }
      } else if (t != null && t.duration < 0) {
        t.duration = nowNanos - t.runningSince;
      }
    }
  }

  /** The measured duration, the time so far while running, or {@code -} when unknown. */
  String text(ResourceResultView r, long nowNanos) {
    Timing t = timings.get(key(r));
    if (t == null) {
      return "-";
    }
    long nanos = t.duration >= 0 ? t.duration : nowNanos - t.runningSince;
    return format(Duration.ofNanos(nanos));
  }

  /** {@code 0.4s}, {@code 12.3s}, {@code 2m05s}, {@code 1h02m}. */
  static String format(Duration d) {
    long millis = d.toMillis();
    if (millis < 60_000) {
      return (millis / 1000) + "." + (millis % 1000) / 100 + "s";
    }
    long seconds = millis / 1000;
    if (seconds < 3600) {
      return String.format("%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format("%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
  }

  /** A hook with two hook types appears once per phase: the phase is part of the identity. */
  static String key(ResourceResultView r) {
    return r.syncPhase() + "/" + r.group() + "/" + r.kind() + "/" + r.namespace() + "/" + r.name();
  }
}
