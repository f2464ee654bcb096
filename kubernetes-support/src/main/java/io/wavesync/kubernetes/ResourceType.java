package io.wavesync.kubernetes;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * A kind as the API server serves it: where its objects live and whether they are namespaced.
 *
 * @param group API group; empty for the core group
 * @param version API version within the group
 * @param kind object kind
 * @param plural the resource name in URLs, for example {@code jobs}
 * @param namespaced objects of this kind live in a namespace
 */
public record ResourceType(
    String group, String version, String kind, String plural, boolean namespaced) {

  public ResourceType {
    group = group == null ? "" : group;
  }

  /** {@code v1} or {@code <group>/<version>}. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The fabric8 description of this kind, for generic resource operations. */
  public ResourceDefinitionContext context() {
    return new ResourceDefinitionContext.Builder()
        .withGroup(group)
        .withVersion(version)
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(namespaced)
        .build();
  }

  /**
   * The URL path of one object: {@code /api/v1/namespaces/ns/configmaps/name} or {@code
   * /apis/batch/v1/namespaces/ns/jobs/name}; the namespace is ignored for cluster-scoped kinds.
   */
  public String path(String namespace, String name) {
    StringBuilder path = new StringBuilder(group.isEmpty() ? "/api/" : "/apis/" + group + "/");
    path.append(version);
    if (namespaced) {
      path.append("/namespaces/").append(namespace);
    }
    return path.append('/').append(plural).append('/').append(name).toString();
  }
}
