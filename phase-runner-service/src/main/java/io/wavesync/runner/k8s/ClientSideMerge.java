package io.wavesync.runner.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The three-way merge of kubectl's client-side apply, as a pure function: the manifest is laid over
 * the live object, and whatever the previously applied manifest (the {@value
 * #LAST_APPLIED} annotation) had but the new one has not is removed. Fields set by the server or by
 * other controllers (status, a Job's selector, a Service's cluster IP, an injected sidecar) are
 * kept. Lists whose elements all have distinct {@code name}s (containers, env, volumes, ports) are
 * merged element by element, as strategic merge does; other lists are replaced.
 */
public final class ClientSideMerge {

  /** The annotation in which kubectl keeps the manifest it applied last. */
  public static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private ClientSideMerge() {}

  /**
   * The object to write.
   *
   * @param live the live object; not changed
   * @param lastApplied the manifest applied before, or null when unknown
   * @param desired the manifest to apply now; not changed
   */
  public static ObjectNode merge(ObjectNode live, ObjectNode lastApplied, ObjectNode desired) {
    ObjectNode result = live.deepCopy();
    mergeObject(result, lastApplied, desired);
    return result;
  }

  /** The manifest as it is kept in {@value #LAST_APPLIED}: without that annotation itself. */
  public static ObjectNode lastAppliedOf(ObjectNode manifest) {
    ObjectNode copy = manifest.deepCopy();
    JsonNode annotations = copy.path("metadata").path("annotations");
    if (annotations instanceof ObjectNode a) {
      a.remove(LAST_APPLIED);
      if (a.isEmpty()) {
        ((ObjectNode) copy.get("metadata")).remove("annotations");
      }
    }
    return copy;
  }

  private static void mergeObject(ObjectNode target, ObjectNode last, ObjectNode desired) {
    Iterator<String> names = desired.fieldNames();
    while (names.hasNext()) {
      String field = names.next();
      JsonNode want = desired.get(field);
      JsonNode have = target.get(field);
      JsonNode before = last == null ? null : last.get(field);
      if (want.isObject() && have != null && have.isObject()) {
        mergeObject((ObjectNode) have, before instanceof ObjectNode b ? b : null,
            (ObjectNode) want);
      } else if (want.isArray() && have != null && have.isArray()
          && namedElements((ArrayNode) want) && namedElements((ArrayNode) have)) {
        target.set(field, mergeNamed((ArrayNode) have,
            before instanceof ArrayNode b && namedElements(b) ? b : null, (ArrayNode) want));
      } else {
        target.set(field, want.deepCopy());
      }
    }
    if (last != null) {
      List<String> dropped = new ArrayList<>();
      last.fieldNames().forEachRemaining(f -> {
        if (!desired.has(f)) {
          dropped.add(f);
        }
      });
      dropped.forEach(target::remove);
    }
  }

  private static ArrayNode mergeNamed(ArrayNode have, ArrayNode last, ArrayNode want) {
    ArrayNode result = JsonNodeFactory.instance.arrayNode();
    Set<String> wanted = new HashSet<>();
    for (JsonNode w : want) {
      String name = w.get("name").asText();
      wanted.add(name);
      JsonNode existing = find(have, name);
      if (existing instanceof ObjectNode e && w.isObject()) {
        ObjectNode merged = e.deepCopy();
        JsonNode before = last == null ? null : find(last, name);
        mergeObject(merged, before instanceof ObjectNode b ? b : null, (ObjectNode) w);
        result.add(merged);
      } else {
        result.add(w.deepCopy());
      }
    }
    // elements someone else added stay; elements this manifest applied before and dropped go
    for (JsonNode h : have) {
      String name = h.get("name").asText();
      if (!wanted.contains(name) && (last == null || find(last, name) == null)) {
        result.add(h.deepCopy());
      }
    }
    return result;
  }

  private static JsonNode find(ArrayNode list, String name) {
    for (JsonNode element : list) {
      if (name.equals(element.get("name").asText())) {
        return element;
      }
    }
    return null;
  }

  private static boolean namedElements(ArrayNode list) {
    if (list.isEmpty()) {
      return false;
    }
    Set<String> names = new HashSet<>();
    for (JsonNode element : list) {
      if (!element.isObject() || !element.path("name").isTextual()
          || !names.add(element.get("name").asText())) {
        return false;
      }
    }
    return true;
  }
}
