package io.wavesync.watcher.domain;

import io.wavesync.events.payload.ObjectRef;
import java.util.Objects;

/**
 * What one informer watches: every labelled object of one kind in one namespace. Applications share
 * informers, so the number of informers follows the kinds and namespaces in use, not the number of
 * applications.
 *
 * @param group API group; empty for the core group
 * @param version API version within the group
 * @param kind object kind
 * @param namespace namespace; null for cluster-scoped kinds
 */
public record WatchKey(String group, String version, String kind, String namespace) {

  public WatchKey {
    group = group == null ? "" : group;
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(kind, "kind");
    if (version.isBlank() || kind.isBlank()) {
      throw new IllegalArgumentException("a watch needs a version and a kind");
    }
    namespace = namespace == null || namespace.isBlank() ? null : namespace;
  }

  /** The key of the informer that sees the object {@code ref} names. */
  public static WatchKey of(ObjectRef ref) {
    return new WatchKey(ref.group(), ref.version(), ref.kind(), ref.namespace());
  }

  /** {@code batch/v1} or, for the core group, {@code v1}. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  public boolean clusterScoped() {
    return namespace == null;
  }

  @Override
  public String toString() {
    return apiVersion() + "/" + kind + (namespace == null ? "" : " in " + namespace);
  }
}
