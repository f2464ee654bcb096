package io.wavesync.watcher.k8s;

import io.fabric8.kubernetes.api.Pluralize;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.wavesync.watcher.domain.WatchKey;
import java.util.Locale;
import java.util.Optional;

/** Finds the REST resource (plural, scope) of a watched kind through API discovery. */
final class ResourceContexts {

  private ResourceContexts() {}

  /**
   * The resource of {@code key}'s kind. When the API server does not know the kind (a custom
   * resource whose definition is not installed yet) the plural is derived from the kind, so the
   * informer can start listing as soon as the definition appears.
   *
   * @throws KubernetesClientException when discovery itself fails (the API server is unreachable);
   *     the caller retries
   */
  static ResourceDefinitionContext resolve(KubernetesClient client, WatchKey key) {
    return discover(client, key).orElseGet(() -> guess(key));
  }

  private static Optional<ResourceDefinitionContext> discover(
      KubernetesClient client, WatchKey key) {
    APIResourceList list;
    try {
      list = client.getApiResources(key.apiVersion());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
    if (list == null || list.getResources() == null) {
      return Optional.empty();
    }
    for (APIResource resource : list.getResources()) {
      // subresources (jobs/status) repeat the kind; only the main resource is watchable
      if (key.kind().equals(resource.getKind()) && !resource.getName().contains("/")) {
        return Optional.of(ResourceDefinitionContext.fromApiResource(key.apiVersion(), resource));
      }
    }
    return Optional.empty();
  }

  static ResourceDefinitionContext guess(WatchKey key) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(key.group())
        .withVersion(key.version())
        .withKind(key.kind())
        .withPlural(Pluralize.toPlural(key.kind().toLowerCase(Locale.ROOT)))
        .withNamespaced(!key.clusterScoped())
        .build();
  }
}
