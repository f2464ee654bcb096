package io.wavesync.events.payload;

/**
 * Selects one resource of the manifests for a selective sync (Argo CD's {@code
 * SyncOperationResource}).
 *
 * @param group API group; empty for the core group
 * @param kind object kind
 * @param namespace namespace; absent for cluster-scoped objects
 * @param name object name
 */
public record ResourceRef(String group, String kind, String namespace, String name) {

  public ResourceRef {
    group = group == null ? "" : group;
    Fields.requiredText(kind, "kind");
    Fields.optionalText(namespace, "namespace");
    Fields.requiredText(name, "name");
  }
}
