package io.wavesync.sandbox.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The fabric8 CRUD store with the parts of a real API server that must happen atomically with a
 * write: random UIDs and {@code generateName} suffixes, creation defaults, status kept on writes to
 * the main resource, immutable Job templates, namespaces that appear when used, and a change
 * history for plain HTTP watches.
 *
 * <p>Every hook runs inside {@link #processEvent}, which the CRUD handlers call under the store's
 * write lock, so a created object is never visible without its defaults.
 */
public final class SandboxStore extends KubernetesCrudDispatcher {

  /** One committed change, as a watch would report it. */
  public record Change(String type, JsonNode object, String path) {
  }

  private static final ObjectMapper MAPPER = Json.MAPPER;
  private static final Pattern COUNTER_SUFFIX =
      Pattern.compile("-0{8}-0{4}-0{4}-0{4}-[0-9a-f]{12}$");
  private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final ThreadLocal<String> WRITTEN = new ThreadLocal<>();

  private final SecureRandom random = new SecureRandom();
  private final ObjectDefaults defaults = new ObjectDefaults();
  private final WatchLog watchLog = new WatchLog(5_000);
  private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
  // (plural, namespace, name) → the key the object is stored under; kept by every commit
  private final Map<String, AttributeSet> byName = new ConcurrentHashMap<>();
  // discovery lists the CRDs on most requests; they change rarely
  private final AtomicLong crdVersion = new AtomicLong();
  private volatile CrdCache crdCache;

  /** Listeners run on the server's event loop while the store is locked: they must only enqueue. */
  public void addListener(Consumer<Change> listener) {
    listeners.add(listener);
  }

  /** The object as stored by the last write on this thread, which may differ from the request. */
  String takeWritten() {
    String written = WRITTEN.get();
    WRITTEN.remove();
    return written;
  }

  void clearWritten() {
    WRITTEN.remove();
  }

  @Override
  public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
      GenericKubernetesResource resource, String newState) {
    String existing = oldAttributes == null ? null : map.get(oldAttributes);
    if (newState == null) {
      commit(path, pathAttributes, oldAttributes, null, null, existing);
      return;
    }
    ObjectNode node = (ObjectNode) read(newState);
    if (existing == null) {
      prepareCreate(pathAttributes, node);
      ensureNamespace(node);
    } else {
      prepareUpdate(RequestPath.parse(path), node, (ObjectNode) read(existing));
    }
    String state = write(node);
    WRITTEN.set(state);
    commit(path, pathAttributes, oldAttributes, MAPPER.convertValue(node,
        GenericKubernetesResource.class), state, existing);
  }

  /**
   * A GET of one object by name, answered from the name index instead of the mock's scan of every
   * stored object (the scan was most of the sandbox's CPU under load). Anything else, and a miss,
   * goes the mock's way, so a write in progress or a 404 is answered exactly as before.
   */
  @Override
  public MockResponse handleGet(String path) {
    if (path.indexOf('?') < 0) {
      AttributeSet query = getKey(path);
      String key = nameKey(query);
      AttributeSet stored = key == null ? null : byName.get(key);
      String body = stored == null || !stored.matches(query) ? null : map.get(stored);
      if (body != null) {
        return new MockResponse().setResponseCode(200).setBody(body);
      }
    }
    return super.handleGet(path);
  }

  /**
   * The stored object a write addresses, from the name index. Callers hold the store's lock, so
   * the index agrees with the store: a miss for a namespaced name is a definite miss. Queries the
   * index cannot answer (no name, no namespace) take the mock's scan.
   */
  @Override
  public Map.Entry<AttributeSet, String> findResource(AttributeSet attributes) {
    String key = nameKey(attributes);
    if (key != null && single(attributes, KubernetesAttributesExtractor.NAMESPACE) != null) {
      AttributeSet stored = byName.get(key);
      String body = stored == null || !stored.matches(attributes) ? null : map.get(stored);
      if (body != null) {
        return Map.entry(stored, body);
      }
      if (stored == null) {
        return null;
      }
    }
    return super.findResource(attributes);
  }

  private static String nameKey(AttributeSet attributes) {
    String plural = single(attributes, KubernetesAttributesExtractor.PLURAL);
    String name = single(attributes, KubernetesAttributesExtractor.NAME);
    if (plural == null || name == null) {
      return null;
    }
    String namespace = single(attributes, KubernetesAttributesExtractor.NAMESPACE);
    return plural + "/" + (namespace == null ? "" : namespace) + "/" + name;
  }

  private static String single(AttributeSet attributes, String key) {
    Attribute attribute = attributes.getAttribute(key);
    if (attribute == null || attribute.getValues().size() != 1) {
      return null;
    }
    Object value = attribute.getValues().iterator().next();
    return value == null ? null : value.toString();
  }

  private void commit(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
      GenericKubernetesResource resource, String state, String existing) {
    super.processEvent(path, pathAttributes, oldAttributes, resource, state);
    String oldKey = oldAttributes == null ? null : nameKey(oldAttributes);
    if (oldKey != null) {
      byName.remove(oldKey, oldAttributes);
    }
    if (path.contains("/customresourcedefinitions")) {
      crdVersion.incrementAndGet();
    }
    if (state != null) {
      AttributeSet stored = attributesOf(resource, pathAttributes);
      String key = nameKey(stored);
      if (key != null) {
        byName.put(key, stored);
      }
    }
    if (Objects.equals(existing, state)) {
      return;
    }
    ObjectNode object;
    AttributeSet attributes;
    String type;
    if (state == null) {
      type = "DELETED";
      object = (ObjectNode) read(existing);
      object.withObjectProperty("metadata")
          .put("resourceVersion", String.valueOf(requestResourceVersion()));
      attributes = oldAttributes;
    } else {
      type = existing == null ? "ADDED" : "MODIFIED";
      object = (ObjectNode) read(state);
      attributes = attributesOf(resource, pathAttributes);
    }
    long version = object.path("metadata").path("resourceVersion").asLong();
    watchLog.add(new WatchLog.Event(version, type, attributes, write(object)));
    Change change = new Change(type, object, new StoredObject(attributes, "").path());
    listeners.forEach(l -> l.accept(change));
  }

  private void prepareCreate(AttributeSet pathAttributes, ObjectNode node) {
    ObjectNode metadata = node.withObjectProperty("metadata");
    String generateName = metadata.path("generateName").asText("");
    String name = metadata.path("name").asText("");
    if (!generateName.isEmpty() && COUNTER_SUFFIX.matcher(name).find()) {
      // The CRUD store appends a counter UUID; a real server appends five random characters.
      metadata.put("name", freeName(pathAttributes, generateName));
    }
    metadata.put("uid", UUID.randomUUID().toString());
    metadata.put("creationTimestamp", now());
    ApiResources.builtInByKind(node.path("apiVersion").asText(), node.path("kind").asText())
        .ifPresent(type -> defaults.applyOnCreate(type, node));
  }

  private String freeName(AttributeSet pathAttributes, String prefix) {
    while (true) {
      StringBuilder candidate = new StringBuilder(prefix);
      for (int i = 0; i < 5; i++) {
        candidate.append(NAME_ALPHABET.charAt(random.nextInt(NAME_ALPHABET.length())));
      }
      AttributeSet probe = pathAttributes.add(
          new io.fabric8.mockwebserver.crud.Attribute(KubernetesAttributesExtractor.NAME,
              candidate.toString()));
      if (findResource(probe) == null) {
        return candidate.toString();
      }
    }
  }

  private void prepareUpdate(RequestPath path, ObjectNode node, ObjectNode existing) {
    if (path.isStatus()) {
      return;
    }
    String apiVersion = existing.path("apiVersion").asText();
    String kind = existing.path("kind").asText();
    Optional<ResourceType> type = ApiResources.builtInByKind(apiVersion, kind);
    if (type.isPresent() && type.get().hasStatus()) {
      // As on a real server, writes to the main resource cannot change the status.
      if (existing.has("status")) {
        node.set("status", existing.get("status").deepCopy());
      } else {
        node.remove("status");
      }
    }
    JsonNode deletionTimestamp = existing.path("metadata").get("deletionTimestamp");
    if (deletionTimestamp != null && !node.path("metadata").has("deletionTimestamp")) {
      node.withObjectProperty("metadata").set("deletionTimestamp", deletionTimestamp.deepCopy());
    }
    if ("v1".equals(apiVersion) && "Service".equals(kind)) {
      keepAllocatedAddresses(node, existing);
    }
    if ("batch/v1".equals(apiVersion) && "Job".equals(kind)) {
      JsonNode before = existing.path("spec");
      JsonNode after = node.path("spec");
      String name = existing.path("metadata").path("name").asText();
      if (!before.path("template").equals(after.path("template"))) {
        throw new InvalidUpdateException("Job", name,
            "spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable");
      }
      if (!before.path("selector").equals(after.path("selector"))) {
        throw new InvalidUpdateException("Job", name,
            "spec.selector: Invalid value: v1.LabelSelector{...}: field is immutable");
      }
    }
  }

  /**
   * Like a real API server, an update that leaves out a Service's cluster IP or node ports keeps
   * the allocated ones instead of releasing them.
   */
  private static void keepAllocatedAddresses(ObjectNode node, ObjectNode existing) {
    JsonNode before = existing.path("spec");
    ObjectNode spec = node.withObjectProperty("spec");
    for (String field : new String[] {"clusterIP", "clusterIPs"}) {
      if (!spec.hasNonNull(field) && before.has(field)) {
        spec.set(field, before.get(field).deepCopy());
      }
    }
    JsonNode ports = spec.path("ports");
    for (JsonNode port : ports) {
      if (port.isObject() && !port.has("nodePort")) {
        for (JsonNode old : before.path("ports")) {
          if (old.path("port").equals(port.path("port")) && old.has("nodePort")) {
            ((ObjectNode) port).set("nodePort", old.get("nodePort").deepCopy());
          }
        }
      }
    }
  }

  private void ensureNamespace(ObjectNode node) {
    String namespace = node.path("metadata").path("namespace").asText("");
    if (namespace.isEmpty()) {
      return;
    }
    String path = "/api/v1/namespaces/" + namespace;
    AttributeSet key = getKey(path);
    if (findResource(key) != null) {
      return;
    }
    ObjectNode created = MAPPER.createObjectNode();
    created.put("apiVersion", "v1");
    created.put("kind", "Namespace");
    ObjectNode metadata = created.putObject("metadata");
    metadata.put("name", namespace);
    metadata.put("uid", UUID.randomUUID().toString());
    metadata.put("creationTimestamp", now());
    metadata.put("resourceVersion", String.valueOf(requestResourceVersion()));
    metadata.put("generation", 1);
    defaults.applyOnCreate(ApiResources.builtInByKind("v1", "Namespace").orElseThrow(), created);
    String state = write(created);
    commit(path, key, null, MAPPER.convertValue(created, GenericKubernetesResource.class), state,
        null);
  }

  private AttributeSet attributesOf(GenericKubernetesResource resource,
      AttributeSet pathAttributes) {
    KubernetesAttributesExtractor extractor = (KubernetesAttributesExtractor) attributeExtractor;
    AttributeSet attributes = extractor.extract(resource);
    if (!attributes.containsKey(KubernetesAttributesExtractor.PLURAL)) {
      attributes = AttributeSet.merge(pathAttributes, attributes);
    }
    return attributes;
  }

  /** A consistent copy of everything stored. */
  public List<StoredObject> snapshot() {
    List<StoredObject> result = new ArrayList<>();
    synchronized (map) {
      for (Map.Entry<AttributeSet, String> entry : map.entrySet()) {
        result.add(new StoredObject(entry.getKey(), entry.getValue()));
      }
    }
    return result;
  }

  /** Stored objects matching the attributes a request path (with selectors) resolves to. */
  List<StoredObject> matching(String path) {
    AttributeSet query = getKey(path);
    return snapshot().stream().filter(o -> o.attributes().matches(query)).toList();
  }

  /** Custom resource definitions, for discovery; read again only after a CRD changed. */
  List<JsonNode> customResourceDefinitions() {
    CrdCache cached = crdCache;
    long version = crdVersion.get();
    if (cached != null && cached.version() == version) {
      return cached.crds();
    }
    List<JsonNode> crds = snapshot().stream()
        .filter(o -> "customresourcedefinitions".equals(o.plural()))
        .map(o -> read(o.json()))
        .toList();
    crdCache = new CrdCache(version, crds);
    return crds;
  }

  private record CrdCache(long version, List<JsonNode> crds) {
  }

  Optional<List<WatchLog.Event>> eventsSince(long resourceVersion, String path) {
    return watchLog.since(resourceVersion, getKey(path));
  }

  /** A resource version to resume watching from without missing a change. */
  long currentResourceVersion() {
    return watchLog.lastResourceVersion();
  }

  static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("stored object is not JSON", e);
    }
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
