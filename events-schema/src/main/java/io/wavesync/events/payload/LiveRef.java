package io.wavesync.events.payload;

/**
 * The live object a wave task replaces or prunes, as the planner last saw it.
 *
 * @param group API group; empty for the core group
 * @param version API version
 * @param kind object kind
 * @param namespace namespace; absent for cluster-scoped objects
 * @param name object name
 * @param uid the live object's UID, so that a runner never deletes a newer object of the same name
 * @param resourceVersion the live object's resource version when the planner saw it
 * @param hasHookFinalizer the object still carries wavesync's hook finalizer
 * @param beingDeleted the object has a deletion timestamp
 */
public record LiveRef(
    String group,
    String version,
    String kind,
    String namespace,
    String name,
    String uid,
    String resourceVersion,
    boolean hasHookFinalizer,
    boolean beingDeleted) {

  public LiveRef {
    group = group == null ? "" : group;
    Fields.requiredText(version, "version");
    Fields.requiredText(kind, "kind");
    Fields.optionalText(namespace, "namespace");
    Fields.requiredText(name, "name");
    Fields.requiredText(uid, "uid");
    Fields.optionalText(resourceVersion, "resourceVersion");
  }

  /** The reference to this object, with its UID. */
  public ObjectRef toObjectRef() {
    return new ObjectRef(group, version, kind, namespace, name, uid);
  }
}
