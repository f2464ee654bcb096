package io.wavesync.engine.hook;

import io.wavesync.engine.model.KubeObject;
import java.util.List;
import java.util.Optional;

/** {@code argocd.argoproj.io/sync-options} on objects and at application level (spec §1.7). */
public final class SyncOptions {

  public static final String REPLACE = "Replace=true";
  public static final String FORCE = "Force=true";
  public static final String SERVER_SIDE_APPLY = "ServerSideApply=true";
  public static final String SERVER_SIDE_APPLY_OFF = "ServerSideApply=false";
  public static final String VALIDATE_OFF = "Validate=false";
  public static final String SKIP_DRY_RUN_ON_MISSING_RESOURCE = "SkipDryRunOnMissingResource=true";
  public static final String PRUNE_LAST = "PruneLast=true";
  public static final String APPLY_OUT_OF_SYNC_ONLY = "ApplyOutOfSyncOnly=true";
  public static final String CREATE_NAMESPACE = "CreateNamespace=true";
  public static final String PRUNE_KEY = "Prune";
  public static final String PRUNE_PROPAGATION_POLICY_KEY = "PrunePropagationPolicy";

  private SyncOptions() {}

  public static List<String> of(KubeObject obj) {
    return obj == null ? List.of() : Annotations.csv(obj.annotation(Annotations.SYNC_OPTIONS));
  }

  public static boolean has(KubeObject obj, String option) {
    return of(obj).contains(option);
  }

  /** The value of the first {@code key=value} item with that key ({@code GetAnnotationOptionValue}). */
  public static Optional<String> value(List<String> options, String key) {
    String prefix = key + "=";
    for (String o : options) {
      if (o.startsWith(prefix)) {
        return Optional.of(o.substring(prefix.length()));
      }
    }
    return Optional.empty();
  }

  public static Optional<String> value(KubeObject obj, String key) {
    return value(of(obj), key);
  }
}
