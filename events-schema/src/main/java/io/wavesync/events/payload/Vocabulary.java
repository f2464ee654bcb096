package io.wavesync.events.payload;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Argo CD and Kubernetes words that travel as strings in events, and the checks for them.
 *
 * <p>They stay strings rather than enums because they are copied verbatim from annotations and sync
 * options, where users write them; the checks still keep a typo from entering the pipeline. The
 * JSON Schemas list the same values.
 */
public final class Vocabulary {

  /** Hook types of the {@code argocd.argoproj.io/hook} annotation. */
  public static final Set<String> HOOK_TYPES =
      Set.of("PreSync", "Sync", "PostSync", "SyncFail", "Skip", "PreDelete", "PostDelete");

  /** Hook delete policies of the {@code argocd.argoproj.io/hook-delete-policy} annotation. */
  public static final Set<String> DELETE_POLICIES =
      Set.of("BeforeHookCreation", "HookSucceeded", "HookFailed");

  /** Kubernetes delete propagation policies, spelled as the API expects them. */
  public static final Set<String> PROPAGATION_POLICIES =
      Set.of("Foreground", "Background", "Orphan");

  /**
   * A Go-style duration ("30s", "1m30s", "10m", "1.5h") or a plain number of seconds, the forms
   * Argo CD accepts for timeouts and retry backoff.
   */
  public static final Pattern DURATION =
      Pattern.compile("[0-9]+|([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+");

  /** An Argo CD style sync option: {@code Key=value}, for example {@code CreateNamespace=true}. */
  public static final Pattern SYNC_OPTION = Pattern.compile("[A-Za-z][A-Za-z0-9]*=.+");

  private Vocabulary() {}

  /** Returns {@code value}, or throws if it is present and not one of {@code allowed}. */
  public static String oneOf(String value, Set<String> allowed, String field) {
    if (value != null && !allowed.contains(value)) {
      throw InvalidFieldException.invalid(
          field, "'" + value + "' is not one of " + allowed.stream().sorted().toList());
    }
    return value;
  }

  /** Returns {@code value}, or throws if it is present and not a duration. */
  public static String duration(String value, String field) {
    if (value != null && !DURATION.matcher(value).matches()) {
      throw InvalidFieldException.invalid(
          field, "'" + value + "' is not a duration such as 30s, 10m or 1h30m");
    }
    return value;
  }
}
