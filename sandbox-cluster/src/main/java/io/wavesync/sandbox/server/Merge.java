package io.wavesync.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The three merge flavours the CRUD store lacks: JSON merge patch (RFC 7386), strategic merge patch
 * and server-side apply. There is no schema, so strategic merge keys come from the well-known
 * Kubernetes fields and, failing that, from a {@code name} on every list element; there is no field
 * ownership, so an apply replaces associative lists with the applied ones (elements merged by key)
 * and never removes fields it does not mention.
 */
public final class Merge {

  /** How to merge. */
  public enum Mode {
    /** {@code application/merge-patch+json}: objects merge, {@code null} deletes, lists replace. */
    JSON_MERGE,
    /** {@code application/strategic-merge-patch+json}: lists of objects merge by key. */
    STRATEGIC,
    /** {@code application/apply-patch+yaml}: the applied lists are the desired lists. */
    APPLY
  }

  private static final Map<String, String> MERGE_KEYS = Map.ofEntries(
      Map.entry("containers", "name"),
      Map.entry("initContainers", "name"),
      Map.entry("ephemeralContainers", "name"),
      Map.entry("volumes", "name"),
      Map.entry("env", "name"),
      Map.entry("imagePullSecrets", "name"),
      Map.entry("volumeMounts", "mountPath"),
      Map.entry("volumeDevices", "devicePath"),
      Map.entry("conditions", "type"),
      Map.entry("hostAliases", "ip"),
      Map.entry("topologySpreadConstraints", "topologyKey"),
      Map.entry("ownerReferences", "uid"));

  /** Primitive lists that merge as sets instead of being replaced. */
  private static final Set<String> SET_LISTS = Set.of("finalizers");

  private Merge() {
  }

  /** Returns the merged document; {@code target} is left untouched. */
  public static JsonNode apply(JsonNode target, JsonNode patch, Mode mode) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    JsonNode base = target != null && target.isObject() ? target.deepCopy()
        : JsonNodeFactory.instance.objectNode();
    return mergeObject((ObjectNode) base, (ObjectNode) patch, mode);
  }

  private static JsonNode mergeObject(ObjectNode target, ObjectNode patch, Mode mode) {
    if (mode == Mode.STRATEGIC && "replace".equals(patch.path("$patch").asText())) {
      ObjectNode replaced = patch.deepCopy();
      stripDirectives(replaced);
      return replaced;
    }
    List<String> retainKeys = null;
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (mode == Mode.STRATEGIC && key.startsWith("$")) {
        if (key.startsWith("$deleteFromPrimitiveList/")) {
          deleteFromList(target, key.substring("$deleteFromPrimitiveList/".length()), value);
        } else if (key.equals("$retainKeys") && value.isArray()) {
          retainKeys = new ArrayList<>();
          for (JsonNode k : value) {
            retainKeys.add(k.asText());
          }
        }
        continue;
      }
      if (value.isNull()) {
        target.remove(key);
      } else if (value.isObject()) {
        JsonNode existing = target.get(key);
        if (mode == Mode.STRATEGIC && "delete".equals(value.path("$patch").asText())) {
          target.remove(key);
        } else {
          ObjectNode base = existing != null && existing.isObject() ? (ObjectNode) existing
              : JsonNodeFactory.instance.objectNode();
          target.set(key, mergeObject(base, (ObjectNode) value, mode));
        }
      } else if (value.isArray() && mode != Mode.JSON_MERGE) {
        target.set(key, mergeList(key, target.get(key), (ArrayNode) value, mode));
      } else {
        target.set(key, value.deepCopy());
      }
    }
    if (retainKeys != null) {
      Set<String> keep = new HashSet<>(retainKeys);
      target.retain(keep);
    }
    return target;
  }

  private static JsonNode mergeList(String field, JsonNode existing, ArrayNode patch, Mode mode) {
    ArrayNode current = existing != null && existing.isArray() ? (ArrayNode) existing
        : JsonNodeFactory.instance.arrayNode();
    if (SET_LISTS.contains(field)) {
      Set<JsonNode> union = new LinkedHashSet<>();
      current.forEach(union::add);
      patch.forEach(union::add);
      ArrayNode result = JsonNodeFactory.instance.arrayNode();
      union.forEach(result::add);
      return result;
    }
    String mergeKey = mergeKey(field, patch, current);
    if (mergeKey == null) {
      ArrayNode replaced = patch.deepCopy();
      replaced.forEach(n -> {
        if (n.isObject()) {
          stripDirectives((ObjectNode) n);
        }
      });
      return replaced;
    }
    ArrayNode result = JsonNodeFactory.instance.arrayNode();
    if (mode == Mode.STRATEGIC) {
      current.forEach(n -> result.add(n.deepCopy()));
    }
    for (JsonNode element : patch) {
      JsonNode id = element.get(mergeKey);
      int index = indexOf(result, mergeKey, id);
      if (mode == Mode.STRATEGIC && "delete".equals(element.path("$patch").asText())) {
        if (index >= 0) {
          result.remove(index);
        }
        continue;
      }
      ObjectNode base;
      if (index >= 0) {
        base = (ObjectNode) result.get(index);
      } else {
        int existingIndex = indexOf(current, mergeKey, id);
        base = existingIndex >= 0 ? ((ObjectNode) current.get(existingIndex)).deepCopy()
            : JsonNodeFactory.instance.objectNode();
      }
      JsonNode merged = mergeObject(base, (ObjectNode) element, mode);
      if (index >= 0) {
        result.set(index, merged);
      } else {
        result.add(merged);
      }
    }
    return result;
  }

  private static String mergeKey(String field, ArrayNode patch, ArrayNode current) {
    if (patch.isEmpty() || !allObjects(patch) || !allObjects(current)) {
      return null;
    }
    String key = MERGE_KEYS.get(field);
    if (field.equals("ports")) {
      key = patch.get(0).has("containerPort") ? "containerPort" : "port";
    }
    if (key == null) {
      key = "name";
    }
    final String k = key;
    boolean everyElementHasKey = true;
    for (JsonNode n : patch) {
      everyElementHasKey &= n.has(k);
    }
    return everyElementHasKey ? key : null;
  }

  private static boolean allObjects(ArrayNode array) {
    for (JsonNode n : array) {
      if (!n.isObject()) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(ArrayNode array, String key, JsonNode id) {
    for (int i = 0; i < array.size(); i++) {
      if (id != null && id.equals(array.get(i).get(key))) {
        return i;
      }
    }
    return -1;
  }

  private static void deleteFromList(ObjectNode target, String field, JsonNode values) {
    JsonNode list = target.get(field);
    if (list == null || !list.isArray()) {
      return;
    }
    Set<JsonNode> remove = new HashSet<>();
    values.forEach(remove::add);
    ArrayNode kept = JsonNodeFactory.instance.arrayNode();
    list.forEach(n -> {
      if (!remove.contains(n)) {
        kept.add(n);
      }
    });
    target.set(field, kept);
  }

  private static void stripDirectives(ObjectNode node) {
    List<String> directives = new ArrayList<>();
    node.fieldNames().forEachRemaining(name -> {
      if (name.startsWith("$")) {
        directives.add(name);
      }
    });
    node.remove(directives);
    node.forEach(child -> {
      if (child.isObject()) {
        stripDirectives((ObjectNode) child);
      } else if (child.isArray()) {
        child.forEach(e -> {
          if (e.isObject()) {
            stripDirectives((ObjectNode) e);
          }
        });
      }
    });
  }
}
