package io.wavesync.kubernetes;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.wavesync.engine.sync.ApiException;
import io.wavesync.engine.sync.Discovery;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which kinds the API server serves, read from its discovery documents ({@code /api/v1}, {@code
 * /apis/<group>/<version>}). Kinds found are cached; a kind not found is looked up again next time,
 * because a CustomResourceDefinition applied in an earlier wave of the same sync adds kinds.
 */
public final class KubernetesDiscovery implements Discovery {

  private final KubernetesClient client;
  private final Map<String, ResourceType> served = new ConcurrentHashMap<>();

  public KubernetesDiscovery(KubernetesClient client) {
    this.client = client;
  }

  /**
   * The served kind {@code kind} of {@code apiVersion}.
   *
   * @throws ApiException 404 with kubectl's {@code no matches for kind "X" in version "g/v"} when
   *     the API server does not serve it (so no object of it can exist), or the error of the
   *     discovery call
   */
  public ResourceType type(String apiVersion, String kind) throws ApiException {
    ResourceType known = served.get(key(apiVersion, kind));
    if (known != null) {
      return known;
    }
    APIResourceList list = ApiErrors.call(() -> client.getApiResources(apiVersion));
    if (list != null && list.getResources() != null) {
      int slash = apiVersion.lastIndexOf('/');
      String group = slash < 0 ? "" : apiVersion.substring(0, slash);
      String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
      for (APIResource r : list.getResources()) {
        // "jobs/status" and friends are subresources, not kinds of their own
        if (r.getName() == null || r.getName().contains("/") || r.getKind() == null) {
          continue;
        }
        boolean namespaced = r.getNamespaced() == null || r.getNamespaced();
        served.putIfAbsent(key(apiVersion, r.getKind()),
            new ResourceType(group, version, r.getKind(), r.getName(), namespaced));
      }
    }
    ResourceType found = served.get(key(apiVersion, kind));
    if (found == null) {
      throw ApiException.notFound(
          "no matches for kind \"" + kind + "\" in version \"" + apiVersion + "\"");
    }
    return found;
  }

  @Override
  public ApiResource resolve(String group, String version, String kind) throws ApiException {
    ResourceType type = type(group == null || group.isEmpty() ? version : group + "/" + version,
        kind);
    return new ApiResource(type.plural(), type.namespaced());
  }

  /** Forgets every kind, for example after CustomResourceDefinitions were deleted. */
  public void forget() {
    served.clear();
  }

  private static String key(String apiVersion, String kind) {
    return apiVersion + "|" + kind;
  }
}
