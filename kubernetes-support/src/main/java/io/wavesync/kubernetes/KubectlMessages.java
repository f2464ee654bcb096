package io.wavesync.kubernetes;

import java.util.Locale;

/**
 * The messages kubectl prints for a write, which Argo CD shows as a resource's result message and
 * users grep for: {@code job.batch/migrate created}, {@code configmap/app configured}, {@code
 * pod/x unchanged}, {@code service/x serverside-applied}.
 */
public final class KubectlMessages {

  public static final String CREATED = "created";
  public static final String CONFIGURED = "configured";
  public static final String UNCHANGED = "unchanged";
  public static final String SERVER_SIDE_APPLIED = "serverside-applied";
  public static final String REPLACED = "replaced";
  public static final String UPDATED = "updated";
  public static final String DELETED = "deleted";
  /** kubectl's suffix for a client-side dry run. */
  public static final String DRY_RUN_SUFFIX = " (dry run)";

  private KubectlMessages() {}

  /**
   * kubectl's name of an object: the lower-case kind, qualified by the API group unless it is the
   * core group, then the name: {@code deployment.apps/web}, {@code service/web}.
   */
  public static String resource(String group, String kind, String name) {
    String type = kind.toLowerCase(Locale.ROOT);
    if (group != null && !group.isEmpty()) {
      type = type + "." + group;
    }
    return type + "/" + name;
  }

  /** {@code <resource> <verb>}, for example {@code job.batch/migrate created}. */
  public static String message(String group, String kind, String name, String verb) {
    return resource(group, kind, name) + " " + verb;
  }
}
