package io.wavesync.engine.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Kubernetes object as untyped JSON (the engine must handle any kind, including custom resources).
 *
 * <p>Treated as immutable: the {@code with*} methods return modified deep copies and never touch the
 * receiver, so a caller's object is never mutated by the engine (spec §2.2 E1).
 */
public final class KubeObject {

  public static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode node;

  private KubeObject(ObjectNode node) {
    this.node = Objects.requireNonNull(node, "node");
  }

  /** Wraps the given node without copying; the caller must not change it afterwards. */
  @JsonCreator
  public static KubeObject of(ObjectNode node) {
    return new KubeObject(node);
  }

  public static KubeObject parseJson(String json) {
    try {
      JsonNode n = JSON.readTree(json);
      if (!(n instanceof ObjectNode o)) {
        throw new IllegalArgumentException("not a JSON object");
      }
      return new KubeObject(o);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getMessage(), e);
    }
  }

  /** A minimal object, handy for tests and synthetic tasks. */
  public static KubeObject of(String apiVersion, String kind, String namespace, String name) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("apiVersion", apiVersion);
    n.put("kind", kind);
    ObjectNode meta = n.putObject("metadata");
    if (name != null) {
      meta.put("name", name);
    }
    if (namespace != null && !namespace.isEmpty()) {
      meta.put("namespace", namespace);
    }
    return new KubeObject(n);
  }

  /** The underlying JSON. Do not modify it. */
  @JsonValue
  public ObjectNode json() {
    return node;
  }

  public KubeObject deepCopy() {
    return new KubeObject(node.deepCopy());
  }

  public String apiVersion() {
    return text(node, "apiVersion");
  }

  public String kind() {
    return text(node, "kind");
  }

  /** API group from apiVersion ({@code batch/v1} → {@code batch}, {@code v1} → ""). */
  public String group() {
    String av = apiVersion();
    int i = av.lastIndexOf('/');
    return i < 0 ? "" : av.substring(0, i);
  }

  public String version() {
    String av = apiVersion();
    int i = av.lastIndexOf('/');
    return i < 0 ? av : av.substring(i + 1);
  }

  public String name() {
    return text(metadata(), "name");
  }

  public String generateName() {
    return text(metadata(), "generateName");
  }

  public String namespace() {
    return text(metadata(), "namespace");
  }

  public String uid() {
    return text(metadata(), "uid");
  }

  public String resourceVersion() {
    return text(metadata(), "resourceVersion");
  }

  public String creationTimestamp() {
    return text(metadata(), "creationTimestamp");
  }

  /** {@code metadata.generation}, 0 when absent. */
  public long generation() {
    JsonNode g = metadata().get("generation");
    return g == null || !g.canConvertToLong() ? 0 : g.asLong();
  }

  /** {@code status.observedGeneration} if the object reports it. */
  public Optional<Long> observedGeneration() {
    JsonNode g = path("status", "observedGeneration");
    return g == null || !g.canConvertToLong() ? Optional.empty() : Optional.of(g.asLong());
  }

  public String deletionTimestamp() {
    return text(metadata(), "deletionTimestamp");
  }

  public boolean isBeingDeleted() {
    return !deletionTimestamp().isEmpty();
  }

  public Map<String, String> annotations() {
    return stringMap(metadata().get("annotations"));
  }

  public String annotation(String key) {
    JsonNode a = metadata().get("annotations");
    if (a == null || !a.isObject()) {
      return null;
    }
    JsonNode v = a.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }

  public boolean hasAnnotation(String key) {
    JsonNode a = metadata().get("annotations");
    return a != null && a.isObject() && a.has(key);
  }

  public Map<String, String> labels() {
    return stringMap(metadata().get("labels"));
  }

  public List<String> finalizers() {
    JsonNode f = metadata().get("finalizers");
    if (f == null || !f.isArray()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    f.forEach(x -> out.add(x.asText()));
    return Collections.unmodifiableList(out);
  }

  public boolean hasFinalizer(String finalizer) {
    return finalizers().contains(finalizer);
  }

  /** A node at the given path, or null. */
  public JsonNode path(String... fields) {
    JsonNode cur = node;
    for (String f : fields) {
      if (cur == null || !cur.isObject()) {
        return null;
      }
      cur = cur.get(f);
    }
    return cur;
  }

  public String pathText(String... fields) {
    JsonNode n = path(fields);
    return n == null || n.isNull() || n.isContainerNode() ? "" : n.asText();
  }

  public KubeObject withName(String name) {
    ObjectNode copy = copyMetadata();
    meta(copy).put("name", name);
    return new KubeObject(copy);
  }

  /**
   * One copy with, where given, a name and a namespace set and a finalizer appended if absent: what
   * a hook task needs (spec §2.2 H1–H3, E1) without copying the object three times.
   */
  public KubeObject withHookIdentity(String name, String namespace, String finalizer) {
    ObjectNode copy = copyMetadata();
    ObjectNode meta = meta(copy);
    if (name != null) {
      meta.put("name", name);
    }
    if (namespace != null) {
      meta.put("namespace", namespace);
    }
    if (finalizer != null && !hasFinalizer(finalizer)) {
      JsonNode f = meta.get("finalizers");
      (f instanceof ArrayNode a ? a : meta.putArray("finalizers")).add(finalizer);
    }
    return new KubeObject(copy);
  }

  public KubeObject withNamespace(String namespace) {
    ObjectNode copy = copyMetadata();
    meta(copy).put("namespace", namespace);
    return new KubeObject(copy);
  }

  public KubeObject withFinalizer(String finalizer) {
    if (hasFinalizer(finalizer)) {
      return this;
    }
    ObjectNode copy = copyMetadata();
    ObjectNode meta = meta(copy);
    JsonNode f = meta.get("finalizers");
    ArrayNode arr = f instanceof ArrayNode a ? a : meta.putArray("finalizers");
    arr.add(finalizer);
    return new KubeObject(copy);
  }

  public KubeObject withoutFinalizer(String finalizer) {
    if (!hasFinalizer(finalizer)) {
      return this;
    }
    ObjectNode copy = copyMetadata();
    ArrayNode arr = (ArrayNode) meta(copy).get("finalizers");
    for (int i = arr.size() - 1; i >= 0; i--) {
      if (finalizer.equals(arr.get(i).asText())) {
        arr.remove(i);
      }
    }
    return new KubeObject(copy);
  }

  public KubeObject withAnnotation(String key, String value) {
    ObjectNode copy = copyMetadata();
    ObjectNode meta = meta(copy);
    JsonNode a = meta.get("annotations");
    ObjectNode ann = a instanceof ObjectNode o ? o : meta.putObject("annotations");
    ann.put(key, value);
    return new KubeObject(copy);
  }

  public KubeObject withLabel(String key, String value) {
    ObjectNode copy = copyMetadata();
    ObjectNode meta = meta(copy);
    JsonNode l = meta.get("labels");
    ObjectNode labels = l instanceof ObjectNode o ? o : meta.putObject("labels");
    labels.put(key, value);
    return new KubeObject(copy);
  }

  public String toJson() {
    return node.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KubeObject k && node.equals(k.node);
  }

  @Override
  public int hashCode() {
    return node.hashCode();
  }

  @Override
  public String toString() {
    return ResourceKey.of(this).toString();
  }

  /**
   * A new root sharing every field with this object except a copy of {@code metadata}: the
   * {@code with*} methods change only metadata, and the rest is never modified, so copying spec and
   * status of thousands of objects would be wasted.
   */
  private ObjectNode copyMetadata() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    node.fields().forEachRemaining(e -> root.set(e.getKey(),
        e.getKey().equals("metadata") ? e.getValue().deepCopy() : e.getValue()));
    return root;
  }

  private ObjectNode metadata() {
    JsonNode m = node.get("metadata");
    return m instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
  }

  private static ObjectNode meta(ObjectNode n) {
    JsonNode m = n.get("metadata");
    return m instanceof ObjectNode o ? o : n.putObject("metadata");
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? "" : v.asText();
  }

  private static Map<String, String> stringMap(JsonNode n) {
    if (n == null || !n.isObject()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
    return Collections.unmodifiableMap(out);
  }
}
