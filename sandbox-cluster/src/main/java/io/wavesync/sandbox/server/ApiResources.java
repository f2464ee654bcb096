package io.wavesync.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The kinds served by the sandbox: a fixed catalogue of built-in kinds plus whatever
 * CustomResourceDefinitions have been stored, so that kubectl can discover custom resources too.
 */
public final class ApiResources {

  private static final List<String> ALL = List.of("all");
  private static final List<String> NONE = List.of();

  static final List<ResourceType> BUILT_IN = List.of(
      core("Pod", "pods", true, true, List.of("po"), ALL),
      core("Service", "services", true, true, List.of("svc"), ALL),
      core("ConfigMap", "configmaps", true, false, List.of("cm"), NONE),
      core("Secret", "secrets", true, false, NONE, NONE),
      // The store cannot address namespaces/status, so namespace phases live on the main resource.
      core("Namespace", "namespaces", false, false, List.of("ns"), NONE),
      core("ServiceAccount", "serviceaccounts", true, false, List.of("sa"), NONE),
      core("PersistentVolumeClaim", "persistentvolumeclaims", true, true, List.of("pvc"), NONE),
      core("Event", "events", true, false, List.of("ev"), NONE),
      core("Endpoints", "endpoints", true, false, List.of("ep"), NONE),
      type("apps", "v1", "Deployment", "deployments", true, true, List.of("deploy"), ALL),
      type("apps", "v1", "StatefulSet", "statefulsets", true, true, List.of("sts"), ALL),
      type("apps", "v1", "DaemonSet", "daemonsets", true, true, List.of("ds"), ALL),
      type("apps", "v1", "ReplicaSet", "replicasets", true, true, List.of("rs"), ALL),
      type("apps", "v1", "ControllerRevision", "controllerrevisions", true, false, NONE, NONE),
      type("batch", "v1", "Job", "jobs", true, true, NONE, ALL),
      type("batch", "v1", "CronJob", "cronjobs", true, true, List.of("cj"), ALL),
      type("networking.k8s.io", "v1", "Ingress", "ingresses", true, true, List.of("ing"), NONE),
      type("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true, false,
          List.of("netpol"), NONE),
      type("networking.k8s.io", "v1", "IngressClass", "ingressclasses", false, false, NONE, NONE),
      type("rbac.authorization.k8s.io", "v1", "Role", "roles", true, false, NONE, NONE),
      type("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true, false, NONE,
          NONE),
      type("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false, false, NONE,
          NONE),
      type("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false,
          false, NONE, NONE),
      type("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, true,
          List.of("pdb"), NONE),
      type("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, true,
          List.of("hpa"), ALL),
      type("coordination.k8s.io", "v1", "Lease", "leases", true, false, NONE, NONE),
      type("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions",
          false, true, List.of("crd", "crds"), NONE),
      // Argo Workflows declares no status subresource: its controller writes the whole object.
      type("argoproj.io", "v1alpha1", "Workflow", "workflows", true, false, List.of("wf"), NONE));

  private final Supplier<List<JsonNode>> customResourceDefinitions;

  /**
   * @param customResourceDefinitions supplies the stored CustomResourceDefinition objects
   */
  public ApiResources(Supplier<List<JsonNode>> customResourceDefinitions) {
    this.customResourceDefinitions = customResourceDefinitions;
  }

  /** Built-in kinds first, then one entry per served version of every stored CRD. */
  public List<ResourceType> all() {
    List<ResourceType> all = new ArrayList<>(BUILT_IN);
    for (JsonNode crd : customResourceDefinitions.get()) {
      for (ResourceType fromCrd : fromCrd(crd)) {
        boolean known = all.stream().anyMatch(t -> t.group().equals(fromCrd.group())
            && t.version().equals(fromCrd.version()) && t.plural().equals(fromCrd.plural()));
        if (!known) {
          all.add(fromCrd);
        }
      }
    }
    return all;
  }

  /** Group versions in discovery order, each with its kinds. */
  public Map<String, List<ResourceType>> byGroupVersion() {
    Map<String, List<ResourceType>> result = new LinkedHashMap<>();
    for (ResourceType type : all()) {
      result.computeIfAbsent(type.apiVersion(), k -> new ArrayList<>()).add(type);
    }
    return result;
  }

  public Optional<ResourceType> byPlural(String group, String version, String plural) {
    String g = group == null ? "" : group;
    return all().stream()
        .filter(t -> matches(t, g, version, plural))
        .findFirst();
  }

  public static Optional<ResourceType> builtInByKind(String apiVersion, String kind) {
    return BUILT_IN.stream()
        .filter(t -> t.apiVersion().equals(apiVersion) && t.kind().equals(kind))
        .findFirst();
  }

  public static Optional<ResourceType> builtInByPlural(String group, String version,
      String plural) {
    String g = group == null ? "" : group;
    return BUILT_IN.stream().filter(t -> matches(t, g, version, plural)).findFirst();
  }

  private static boolean matches(ResourceType t, String group, String version, String plural) {
    return t.group().equals(group) && t.version().equals(version) && t.plural().equals(plural);
  }

  private static List<ResourceType> fromCrd(JsonNode crd) {
    JsonNode spec = crd.path("spec");
    JsonNode names = spec.path("names");
    String group = spec.path("group").asText("");
    String plural = names.path("plural").asText("");
    String kind = names.path("kind").asText("");
    if (group.isEmpty() || plural.isEmpty() || kind.isEmpty()) {
      return List.of();
    }
    String singular = names.path("singular").asText(kind.toLowerCase());
    boolean namespaced = !"Cluster".equals(spec.path("scope").asText("Namespaced"));
    List<String> shortNames = new ArrayList<>();
    names.path("shortNames").forEach(n -> shortNames.add(n.asText()));
    List<String> categories = new ArrayList<>();
    names.path("categories").forEach(n -> categories.add(n.asText()));
    List<ResourceType> types = new ArrayList<>();
    for (JsonNode version : spec.path("versions")) {
      if (!version.path("served").asBoolean(true)) {
        continue;
      }
      boolean status = version.path("subresources").has("status");
      types.add(new ResourceType(group, version.path("name").asText(), kind, plural, singular,
          namespaced, status, List.copyOf(shortNames), List.copyOf(categories)));
    }
    return types;
  }

  private static ResourceType core(String kind, String plural, boolean namespaced,
      boolean hasStatus, List<String> shortNames, List<String> categories) {
    return type("", "v1", kind, plural, namespaced, hasStatus, shortNames, categories);
  }

  private static ResourceType type(String group, String version, String kind, String plural,
      boolean namespaced, boolean hasStatus, List<String> shortNames, List<String> categories) {
    return new ResourceType(group, version, kind, plural, kind.toLowerCase(), namespaced,
        hasStatus, shortNames, categories);
  }
}
