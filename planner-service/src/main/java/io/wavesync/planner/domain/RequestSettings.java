package io.wavesync.planner.domain;

import io.wavesync.engine.hook.SyncOptions;
import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.model.ResourceKey;
import io.wavesync.engine.sync.Durations;
import io.wavesync.engine.sync.Operation;
import io.wavesync.engine.sync.SyncSettings;
import java.time.Duration;
import java.util.List;

/** Turns a request's options into the engine's settings and operation policy. */
public final class RequestSettings {

  private RequestSettings() {}

  /** Why hooks do not run for this request (spec §3.9), or null when they do. */
  public static String hooksSkippedReason(OperationRequest r) {
    if (r.applyStrategy()) {
      return "apply sync strategy";
    }
    if (!r.resources().isEmpty()) {
      return "selective sync";
    }
    return null;
  }

  public static SyncSettings settings(OperationRequest r, String fieldManager) {
    List<String> o = r.syncOptions();
    SyncSettings.Builder b = SyncSettings.builder()
        .revision(r.revision())
        .namespace(r.namespace())
        .dryRun(r.dryRun())
        .prune(r.prune())
        .force(r.force())
        .skipHooks(hooksSkippedReason(r) != null)
        .serverSideApplyManager(fieldManager)
        .replace(o.contains(SyncOptions.REPLACE))
        .serverSideApply(o.contains(SyncOptions.SERVER_SIDE_APPLY))
        .validate(!o.contains(SyncOptions.VALIDATE_OFF))
        .pruneLast(o.contains(SyncOptions.PRUNE_LAST))
        .skipDryRunOnMissingResource(o.contains(SyncOptions.SKIP_DRY_RUN_ON_MISSING_RESOURCE))
        .prunePropagationPolicy(
            SyncOptions.value(o, SyncOptions.PRUNE_PROPAGATION_POLICY_KEY).orElse("foreground"))
        .pruneDefault(SyncOptions.value(o, SyncOptions.PRUNE_KEY).orElse(null))
        // no diff is computed here: every resource counts as modified
        .applyOutOfSyncOnly(o.contains(SyncOptions.APPLY_OUT_OF_SYNC_ONLY), null)
        .defaultHookTimeout(duration(r.hookTimeout()));
    if (o.contains(SyncOptions.CREATE_NAMESPACE)) {
      // managed namespace metadata is not supported: create the namespace only when it is missing
      b.namespaceModifier((managed, live) -> live == null);
    }
    if (!r.resources().isEmpty()) {
      b.resourcesFilter((ResourceKey key, KubeObject target, KubeObject live) ->
          r.resources().stream().anyMatch(sel -> matches(sel, key)));
    }
    return b.build();
  }

  public static Operation.Policy policy(OperationRequest r) {
    return new Operation.Policy(r.retry(), duration(r.timeout()), duration(r.waveDelay()));
  }

  private static boolean matches(OperationRequest.Selector s, ResourceKey k) {
    return (s.group() == null || s.group().isEmpty() || s.group().equals(k.group()))
        && (s.kind() == null || s.kind().isEmpty() || s.kind().equals(k.kind()))
        && (s.namespace() == null || s.namespace().isEmpty() || s.namespace().equals(k.namespace()))
        && (s.name() == null || s.name().isEmpty() || s.name().equals(k.name()));
  }

  /** Null or blank → null (no limit); otherwise Go syntax or bare seconds. */
  static Duration duration(String text) {
    return text == null || text.isBlank() ? null : Durations.parse(text);
  }

  /** Checks the durations of a request; returns an error message or null. */
  public static String validate(OperationRequest r) {
    for (String[] d : new String[][] {{"timeout", r.timeout()}, {"waveDelay", r.waveDelay()},
        {"hookTimeout", r.hookTimeout()}, {"retry.backoff.duration", r.retry().duration()},
        {"retry.backoff.maxDuration", r.retry().maxDuration()}}) {
      try {
        duration(d[1]);
      } catch (IllegalArgumentException e) {
        return "invalid " + d[0] + ": " + e.getMessage();
      }
    }
    return null;
  }
}
