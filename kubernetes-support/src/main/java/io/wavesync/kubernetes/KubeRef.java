package io.wavesync.kubernetes;

import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.model.ResourceKey;

/**
 * The address of one Kubernetes object: what the API needs to find it, plus the UID of the object
 * meant when it is known, so that a newer object of the same name is never touched by mistake.
 *
 * @param apiVersion {@code v1}, {@code batch/v1}, ...
 * @param kind object kind
 * @param namespace namespace; null for cluster-scoped objects (and for namespaced objects that go
 *     to the client's default namespace)
 * @param name object name
 * @param uid the UID of the object meant; null when any object of that name will do
 */
public record KubeRef(String apiVersion, String kind, String namespace, String name, String uid) {

  public KubeRef {
    apiVersion = requireText(apiVersion, "apiVersion");
    kind = requireText(kind, "kind");
    name = requireText(name, "name");
    namespace = blankToNull(namespace);
    uid = blankToNull(uid);
  }

  /** A reference from the parts events carry: API group (empty for core) and version. */
  public static KubeRef of(
      String group, String version, String kind, String namespace, String name, String uid) {
    String g = group == null ? "" : group;
    return new KubeRef(g.isEmpty() ? version : g + "/" + version, kind, namespace, name, uid);
  }

  /** The reference of an object, with its UID if it has one. */
  public static KubeRef of(KubeObject object) {
    return new KubeRef(
        object.apiVersion(), object.kind(), object.namespace(), object.name(), object.uid());
  }

  /** API group; empty for the core group. */
  public String group() {
    int slash = apiVersion.lastIndexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** API version within the group. */
  public String version() {
    int slash = apiVersion.lastIndexOf('/');
    return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
  }

  /** The engine's identity of this object. */
  public ResourceKey key() {
    return new ResourceKey(group(), kind, namespace, name);
  }

  /** kubectl's name for the object, for example {@code job.batch/migrate}. */
  public String displayName() {
    return KubectlMessages.resource(group(), kind, name);
  }

  private static String requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a Kubernetes object reference needs a " + field);
    }
    return value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
