package io.wavesync.engine.sync;

import io.wavesync.engine.hook.Annotations;
import io.wavesync.engine.model.KubeObject;
import java.time.Duration;
import java.time.Instant;

/**
 * When the next running hook reaches its timeout (decision 7), so a step can be scheduled then; and
 * the timeout of one hook, for whoever reports on running hooks (the planner's metrics).
 */
public final class HookTimeouts {

  private HookTimeouts() {}

  static Instant nextExpiry(SyncContext.Input in, OperationState state) {
    Instant earliest = null;
    for (ResourceResult r : state.results()) {
      if (!r.isHook() || r.hookPhase() != OperationPhase.Running || r.runningSince() == null) {
        continue;
      }
      Duration timeout = timeoutOf(in, r);
      if (timeout == null) {
        continue;
      }
      Instant at = r.runningSince().plus(timeout);
      if (earliest == null || at.isBefore(earliest)) {
        earliest = at;
      }
    }
    return earliest;
  }

  private static Duration timeoutOf(SyncContext.Input in, ResourceResult r) {
    return timeoutOf(in.targets(), in.settings().defaultHookTimeout, r);
  }

  /**
   * The timeout of the hook {@code r}: its {@code wavesync.io/hook-timeout} annotation among
   * {@code targets}, else {@code defaultTimeout}; null when it has none.
   */
  public static Duration timeoutOf(
      java.util.List<KubeObject> targets, Duration defaultTimeout, ResourceResult r) {
    for (KubeObject t : targets) {
      boolean sameObject = t.kind().equals(r.kind()) && t.group().equals(r.group())
          && (t.name().equals(r.name())
              || (t.name().isEmpty() && !t.generateName().isEmpty()
                  && r.name().startsWith(t.generateName())));
      if (sameObject) {
        String a = t.annotation(Annotations.HOOK_TIMEOUT);
        if (a != null) {
          try {
            return Durations.parse(a);
          } catch (IllegalArgumentException e) {
            break;
          }
        }
        break;
      }
    }
    return defaultTimeout;
  }
}
