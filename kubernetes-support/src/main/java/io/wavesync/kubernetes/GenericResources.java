package io.wavesync.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.wavesync.engine.sync.ApiException;
import java.util.Optional;

/**
 * Access to any object by apiVersion, kind, namespace and name, as {@link
 * GenericKubernetesResource}: wavesync applies whatever the manifests contain, custom resources
 * included, so it never uses the typed clients.
 */
public final class GenericResources {

  private final KubernetesClient client;
  private final KubernetesDiscovery discovery;

  public GenericResources(KubernetesClient client) {
    this(client, new KubernetesDiscovery(client));
  }

  public GenericResources(KubernetesClient client, KubernetesDiscovery discovery) {
    this.client = client;
    this.discovery = discovery;
  }

  public KubernetesClient client() {
    return client;
  }

  public KubernetesDiscovery discovery() {
    return discovery;
  }

  /** The served kind of {@code ref}; see {@link KubernetesDiscovery#type}. */
  public ResourceType type(KubeRef ref) throws ApiException {
    return discovery.type(ref.apiVersion(), ref.kind());
  }

  /**
   * The namespace an object of {@code type} lives in: none for cluster-scoped kinds, the given one,
   * or the client's default namespace (as kubectl does for a manifest without one).
   */
  public String namespaceOf(ResourceType type, String namespace) {
    if (!type.namespaced()) {
      return null;
    }
    if (namespace != null && !namespace.isBlank()) {
      return namespace;
    }
    String fallback = client.getNamespace();
    return fallback == null || fallback.isBlank() ? "default" : fallback;
  }

  /** Operations on every object of {@code type}. */
  public MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList,
      Resource<GenericKubernetesResource>> operation(ResourceType type) {
    return client.genericKubernetesResources(type.context());
  }

  /** Operations on one object. */
  public Resource<GenericKubernetesResource> resource(
      ResourceType type, String namespace, String name) {
    String ns = namespaceOf(type, namespace);
    return ns == null
        ? operation(type).withName(name)
        : operation(type).inNamespace(ns).withName(name);
  }

  /** Reads the object now from the API server (no cache); empty when it does not exist. */
  public Optional<GenericKubernetesResource> get(KubeRef ref) throws ApiException {
    ResourceType type;
    try {
      type = type(ref);
    } catch (ApiException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
    return Optional.ofNullable(
        ApiErrors.call(() -> resource(type, ref.namespace(), ref.name()).get()));
  }
}
