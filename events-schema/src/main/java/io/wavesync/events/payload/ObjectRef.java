package io.wavesync.events.payload;

/**
 * Identifies one Kubernetes object.
 *
 * @param group API group; empty for the core group (absent in JSON reads as empty)
 * @param version API version within the group, for example {@code v1}
 * @param kind object kind, for example {@code Job}
 * @param namespace namespace; absent for cluster-scoped objects
 * @param name object name
 * @param uid the object's UID once the API server has one; absent before creation and for dry runs
 */
public record ObjectRef(
    String group, String version, String kind, String namespace, String name, String uid) {

  public ObjectRef {
    group = group == null ? "" : group;
    Fields.requiredText(version, "version");
    Fields.requiredText(kind, "kind");
    Fields.optionalText(namespace, "namespace");
    Fields.requiredText(name, "name");
    Fields.optionalText(uid, "uid");
  }

  /** A reference without a UID. */
  public static ObjectRef of(
      String group, String version, String kind, String namespace, String name) {
    return new ObjectRef(group, version, kind, namespace, name, null);
  }

  /** This reference with {@code uid}. */
  public ObjectRef withUid(String uid) {
    return new ObjectRef(group, version, kind, namespace, name, uid);
  }
}
