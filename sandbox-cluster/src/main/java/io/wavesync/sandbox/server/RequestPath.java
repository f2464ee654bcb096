package io.wavesync.sandbox.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request path split into what the API server routes on: group, version, namespace, resource,
 * name and subresource, plus decoded query parameters.
 */
public record RequestPath(
    String raw,
    String path,
    Map<String, List<String>> query,
    String group,
    String version,
    String namespace,
    String plural,
    String name,
    String subresource) {

  private static final Pattern RESOURCE = Pattern.compile(
      "^/(?:api|apis/(?<group>[^/]+))/(?<version>[^/]+)"
          + "(?:/namespaces/(?<namespace>[^/]+))?/(?<plural>[^/]+)"
          + "(?:/(?<name>[^/]+))?(?:/(?<sub>[^/]+))?$");

  public static RequestPath parse(String raw) {
    int q = raw.indexOf('?');
    String path = q < 0 ? raw : raw.substring(0, q);
    Map<String, List<String>> query = parseQuery(q < 0 ? "" : raw.substring(q + 1));
    Matcher m = RESOURCE.matcher(path);
    if (!m.matches()) {
      return new RequestPath(raw, path, query, null, null, null, null, null, null);
    }
    String group = m.group("group") == null ? "" : m.group("group");
    String namespace = m.group("namespace");
    String plural = m.group("plural");
    String name = m.group("name");
    String sub = m.group("sub");
    // "/api/v1/namespaces/x/status" is the status of namespace x, not a resource called "status".
    if (namespace != null && name == null && group.isEmpty()
        && (plural.equals("status") || plural.equals("finalize"))) {
      return new RequestPath(raw, path, query, group, m.group("version"), null, "namespaces",
          namespace, plural);
    }
    return new RequestPath(raw, path, query, group, m.group("version"), namespace, plural, name,
        sub);
  }

  public boolean isResource() {
    return plural != null;
  }

  public boolean isObject() {
    return plural != null && name != null && subresource == null;
  }

  public boolean isStatus() {
    return "status".equals(subresource);
  }

  public String param(String key) {
    List<String> values = query.get(key);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public boolean flag(String key) {
    String value = param(key);
    return value != null && (value.isEmpty() || value.equals("true") || value.equals("1"));
  }

  /** The path of the object itself, without subresource or query. */
  public String objectPath() {
    return collectionPath() + "/" + name;
  }

  public String collectionPath() {
    String prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    return namespace == null ? prefix + "/" + plural : prefix + "/namespaces/" + namespace + "/"
        + plural;
  }

  /** How a real API server names the resource in messages: {@code jobs.batch}, {@code pods}. */
  public String qualifiedResource() {
    return group == null || group.isEmpty() ? plural : plural + "." + group;
  }

  private static Map<String, List<String>> parseQuery(String query) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    if (query.isEmpty()) {
      return result;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      result.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return result;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
