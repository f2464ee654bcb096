package io.wavesync.sandbox.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Discovery and OpenAPI documents. kubectl needs discovery to map kinds to resources, and an
 * OpenAPI v3 document per group version whose PATCH operations accept {@code fieldValidation}:
 * then kubectl leaves validation to the server instead of downloading schemas the sandbox does not
 * have. The documents carry no schemas, so kubectl falls back to its built-in merge strategies.
 */
final class ApiDocuments {

  static final String MAJOR = "1";
  static final String MINOR = "32";
  static final String GIT_VERSION = "v1.32.0";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<String> VERBS = List.of("create", "delete", "deletecollection", "get",
      "list", "patch", "update", "watch");

  private final ApiResources resources;
  private final Supplier<String> serverAddress;

  ApiDocuments(ApiResources resources, Supplier<String> serverAddress) {
    this.resources = resources;
    this.serverAddress = serverAddress;
  }

  /** The document served at {@code path} (without query), if it is a discovery or OpenAPI path. */
  Optional<String> get(String path) {
    String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1)
        : path;
    Map<String, List<ResourceType>> groupVersions = resources.byGroupVersion();
    if (p.equals("/version")) {
      return Optional.of(version().toString());
    }
    if (p.equals("/") || p.isEmpty()) {
      return Optional.of(rootPaths(groupVersions).toString());
    }
    if (p.equals("/api")) {
      return Optional.of(apiVersions().toString());
    }
    if (p.equals("/apis")) {
      return Optional.of(groupList(groupVersions).toString());
    }
    if (p.equals("/openapi/v3")) {
      return Optional.of(openApiIndex(groupVersions).toString());
    }
    if (p.startsWith("/openapi/v3/")) {
      String gv = p.substring("/openapi/v3/".length());
      String apiVersion = gv.startsWith("apis/") ? gv.substring(5)
          : gv.startsWith("api/") ? gv.substring(4) : null;
      List<ResourceType> types = apiVersion == null ? null : groupVersions.get(apiVersion);
      return types == null ? Optional.empty() : Optional.of(openApi(types).toString());
    }
    if (p.startsWith("/api/")) {
      String version = p.substring(5);
      List<ResourceType> types = version.contains("/") ? null : groupVersions.get(version);
      return types == null ? Optional.empty()
          : Optional.of(resourceList(version, types).toString());
    }
    if (p.startsWith("/apis/")) {
      String rest = p.substring(6);
      String[] parts = rest.split("/");
      if (parts.length == 1) {
        return group(parts[0], groupVersions).map(ObjectNode::toString);
      }
      if (parts.length == 2) {
        List<ResourceType> types = groupVersions.get(rest);
        return types == null ? Optional.empty() : Optional.of(resourceList(rest, types).toString());
      }
    }
    return Optional.empty();
  }

  static ObjectNode version() {
    ObjectNode version = JSON.objectNode();
    version.put("major", MAJOR);
    version.put("minor", MINOR);
    version.put("gitVersion", GIT_VERSION);
    version.put("gitCommit", "0000000000000000000000000000000000000000");
    version.put("gitTreeState", "clean");
    version.put("buildDate", "2024-12-11T00:00:00Z");
    version.put("goVersion", "go1.23.3");
    version.put("compiler", "gc");
    version.put("platform", "linux/amd64");
    return version;
  }

  private ObjectNode rootPaths(Map<String, List<ResourceType>> groupVersions) {
    Set<String> paths = new LinkedHashSet<>(List.of("/api", "/api/v1", "/apis", "/openapi/v3",
        "/version"));
    for (String gv : groupVersions.keySet()) {
      if (gv.contains("/")) {
        paths.add("/apis/" + gv.substring(0, gv.indexOf('/')));
        paths.add("/apis/" + gv);
      }
    }
    ObjectNode root = JSON.objectNode();
    ArrayNode array = root.putArray("paths");
    paths.forEach(array::add);
    return root;
  }

  private ObjectNode apiVersions() {
    ObjectNode node = JSON.objectNode();
    node.put("kind", "APIVersions");
    node.putArray("versions").add("v1");
    ObjectNode cidr = node.putArray("serverAddressByClientCIDRs").addObject();
    cidr.put("clientCIDR", "0.0.0.0/0");
    cidr.put("serverAddress", serverAddress.get());
    return node;
  }

  private ObjectNode groupList(Map<String, List<ResourceType>> groupVersions) {
    ObjectNode node = JSON.objectNode();
    node.put("kind", "APIGroupList");
    node.put("apiVersion", "v1");
    ArrayNode groups = node.putArray("groups");
    Set<String> seen = new LinkedHashSet<>();
    for (String gv : groupVersions.keySet()) {
      if (gv.contains("/")) {
        seen.add(gv.substring(0, gv.indexOf('/')));
      }
    }
    for (String name : seen) {
      group(name, groupVersions).ifPresent(g -> {
        g.remove("kind");
        g.remove("apiVersion");
        groups.add(g);
      });
    }
    return node;
  }

  private Optional<ObjectNode> group(String name, Map<String, List<ResourceType>> groupVersions) {
    ObjectNode group = JSON.objectNode();
    group.put("kind", "APIGroup");
    group.put("apiVersion", "v1");
    group.put("name", name);
    ArrayNode versions = group.putArray("versions");
    for (String gv : groupVersions.keySet()) {
      if (gv.startsWith(name + "/")) {
        ObjectNode v = versions.addObject();
        v.put("groupVersion", gv);
        v.put("version", gv.substring(name.length() + 1));
      }
    }
    if (versions.isEmpty()) {
      return Optional.empty();
    }
    group.set("preferredVersion", versions.get(0).deepCopy());
    return Optional.of(group);
  }

  private static ObjectNode resourceList(String groupVersion, List<ResourceType> types) {
    ObjectNode node = JSON.objectNode();
    node.put("kind", "APIResourceList");
    node.put("apiVersion", "v1");
    node.put("groupVersion", groupVersion);
    ArrayNode list = node.putArray("resources");
    for (ResourceType type : types) {
      ObjectNode resource = list.addObject();
      resource.put("name", type.plural());
      resource.put("singularName", type.singular());
      resource.put("namespaced", type.namespaced());
      resource.put("kind", type.kind());
      ArrayNode verbs = resource.putArray("verbs");
      VERBS.forEach(verbs::add);
      if (!type.shortNames().isEmpty()) {
        ArrayNode shortNames = resource.putArray("shortNames");
        type.shortNames().forEach(shortNames::add);
      }
      if (!type.categories().isEmpty()) {
        ArrayNode categories = resource.putArray("categories");
        type.categories().forEach(categories::add);
      }
      if (type.hasStatus()) {
        subresource(list, type, "status", List.of("get", "patch", "update"));
      }
      if (type.group().isEmpty() && type.plural().equals("pods")) {
        subresource(list, type, "log", List.of("get"));
      }
    }
    return node;
  }

  private static void subresource(ArrayNode list, ResourceType type, String name,
      List<String> verbs) {
    ObjectNode sub = list.addObject();
    sub.put("name", type.plural() + "/" + name);
    sub.put("singularName", "");
    sub.put("namespaced", type.namespaced());
    sub.put("kind", name.equals("log") ? "Pod" : type.kind());
    ArrayNode v = sub.putArray("verbs");
    verbs.forEach(v::add);
  }

  private ObjectNode openApiIndex(Map<String, List<ResourceType>> groupVersions) {
    ObjectNode index = JSON.objectNode();
    ObjectNode paths = index.putObject("paths");
    for (Map.Entry<String, List<ResourceType>> entry : groupVersions.entrySet()) {
      String gv = entry.getKey();
      String key = gv.contains("/") ? "apis/" + gv : "api/" + gv;
      String hash = hash(openApi(entry.getValue()).toString());
      paths.putObject(key).put("serverRelativeURL", "/openapi/v3/" + key + "?hash=" + hash);
    }
    return index;
  }

  private static ObjectNode openApi(List<ResourceType> types) {
    ObjectNode doc = JSON.objectNode();
    doc.put("openapi", "3.0.0");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Kubernetes");
    info.put("version", GIT_VERSION);
    ObjectNode paths = doc.putObject("paths");
    for (ResourceType type : types) {
      String path = type.namespaced()
          ? type.objectPath("{namespace}", "{name}")
          : type.collectionPath(null) + "/{name}";
      ObjectNode patch = paths.putObject(path).putObject("patch");
      patch.put("operationId", "patch" + type.kind());
      ObjectNode gvk = patch.putObject("x-kubernetes-group-version-kind");
      gvk.put("group", type.group());
      gvk.put("version", type.version());
      gvk.put("kind", type.kind());
      patch.put("x-kubernetes-action", "patch");
      ArrayNode parameters = patch.putArray("parameters");
      for (String name : List.of("dryRun", "fieldManager", "fieldValidation", "force")) {
        ObjectNode parameter = parameters.addObject();
        parameter.put("name", name);
        parameter.put("in", "query");
        parameter.putObject("schema").put("type", name.equals("force") ? "boolean" : "string");
      }
      patch.putObject("responses").putObject("200").put("description", "OK");
    }
    doc.putObject("components").putObject("schemas");
    return doc;
  }

  private static String hash(String content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(content.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16).toUpperCase();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
