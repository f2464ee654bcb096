package io.wavesync.engine.model;

import java.util.Comparator;

/**
 * Identity of a Kubernetes object: group, kind, namespace, name. The only map key for objects in wavesync.
 * {@link #toString()} renders {@code group/kind/namespace/name}, as gitops-engine's {@code ResourceKey.String()}.
 */
public record ResourceKey(String group, String kind, String namespace, String name)
    implements Comparable<ResourceKey> {

  private static final Comparator<ResourceKey> ORDER =
      Comparator.comparing(ResourceKey::group)
          .thenComparing(ResourceKey::kind)
          .thenComparing(ResourceKey::namespace)
          .thenComparing(ResourceKey::name);

  public ResourceKey {
    group = group == null ? "" : group;
    kind = kind == null ? "" : kind;
    namespace = namespace == null ? "" : namespace;
    name = name == null ? "" : name;
  }

  public static ResourceKey of(KubeObject obj) {
    return new ResourceKey(obj.group(), obj.kind(), obj.namespace(), obj.name());
  }

  /** {@code group/kind/name}, the form used in operation messages ({@code /Pod/my-pod}). */
  public String groupKindName() {
    return group + "/" + kind + "/" + name;
  }

  public ResourceKey withNamespace(String ns) {
    return new ResourceKey(group, kind, ns, name);
  }

  @Override
  public int compareTo(ResourceKey o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return group + "/" + kind + "/" + namespace + "/" + name;
  }
}
