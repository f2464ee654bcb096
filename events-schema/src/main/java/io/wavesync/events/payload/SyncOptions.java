package io.wavesync.events.payload;

import java.util.List;
import java.util.Optional;

/**
 * The options of a sync request, modelled on Argo CD's sync operation.
 *
 * @param dryRun apply everything with {@code dryRun=All} and change nothing
 * @param prune delete live objects that no longer have a manifest
 * @param syncOptions Argo CD style options such as {@code CreateNamespace=true}, {@code
 *     PruneLast=true}, {@code ApplyOutOfSyncOnly=true}, {@code Replace=true}, {@code
 *     ServerSideApply=true}, {@code PrunePropagationPolicy=foreground}
 * @param strategy run hooks and waves ({@link SyncStrategy#HOOK}, the default) or apply all at once
 * @param force replace objects whose update the API server rejects
 * @param resources selective sync; empty means all resources
 * @param retry retry policy; absent means no retry
 * @param timeout bound on the whole operation, a duration such as {@code 10m}; absent means none
 * @param waveDelay pause between two waves, a duration; absent means the planner's default
 * @param hookTimeout bound on a single hook, a duration; absent means none
 */
public record SyncOptions(
    boolean dryRun,
    boolean prune,
    List<String> syncOptions,
    SyncStrategy strategy,
    boolean force,
    List<ResourceRef> resources,
    RetryPolicy retry,
    String timeout,
    String waveDelay,
    String hookTimeout) {

  public SyncOptions {
    syncOptions = Fields.list(syncOptions, "syncOptions");
    for (int i = 0; i < syncOptions.size(); i++) {
      if (!Vocabulary.SYNC_OPTION.matcher(syncOptions.get(i)).matches()) {
        throw InvalidFieldException.invalid(
            "syncOptions[" + i + "]", "'" + syncOptions.get(i) + "' is not of the form Key=value");
      }
    }
    strategy = strategy == null ? SyncStrategy.HOOK : strategy;
    resources = Fields.list(resources, "resources");
    Vocabulary.duration(timeout, "timeout");
    Vocabulary.duration(waveDelay, "waveDelay");
    Vocabulary.duration(hookTimeout, "hookTimeout");
  }

  /** The options of a plain sync: hooks and waves, no pruning, no retry, no timeouts. */
  public static SyncOptions defaults() {
    return new SyncOptions(
        false, false, List.of(), SyncStrategy.HOOK, false, List.of(), null, null, null, null);
  }

  /**
   * The value of the sync option {@code key} (for {@code PruneLast=true}, key {@code PruneLast}
   * gives {@code true}); the last one wins when an option is given twice, as in Argo CD.
   */
  public Optional<String> syncOption(String key) {
    String prefix = key + "=";
    String found = null;
    for (String option : syncOptions) {
      if (option.startsWith(prefix)) {
        found = option.substring(prefix.length());
      }
    }
    return Optional.ofNullable(found);
  }
}
