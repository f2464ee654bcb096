package io.wavesync.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.MockDispatcher;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import io.fabric8.zjsonpatch.JsonPatch;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The API server in front of the CRUD store. It answers what the store cannot (discovery, OpenAPI,
 * pod logs, plain HTTP watches), turns strategic merge, JSON merge and apply patches into
 * read-merge-write cycles, implements delete propagation, and shapes errors as the {@code Status}
 * objects clients expect. Queued expectations ({@code server.expect()}) still take precedence, as
 * with the fabric8 mixed dispatcher.
 *
 * <p>Requests arrive on the HTTP server's event loop, so nothing here may block on the network;
 * everything is in-memory work against the store.
 */
public final class SandboxDispatcher extends Dispatcher {

  private static final Logger LOG = Logger.getLogger(SandboxDispatcher.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> PROTECTED_NAMESPACES = Set.of("default", "kube-system",
      "kube-public");
  static final String FOREGROUND_FINALIZER = "foregroundDeletion";
  static final String NAMESPACE_FINALIZER = "kubernetes";

  private final Map<ServerRequest, Queue<ServerResponse>> expectations;
  private final MockDispatcher expectationDispatcher;
  private final SandboxStore store;
  private final ApiResources resources;
  private final ApiDocuments documents;
  private final PodLogStore logs;
  private final Duration watchPollInterval;

  public SandboxDispatcher(Map<ServerRequest, Queue<ServerResponse>> expectations,
      SandboxStore store, PodLogStore logs, Supplier<String> serverAddress,
      Duration watchPollInterval) {
    this.expectations = expectations;
    this.expectationDispatcher = new MockDispatcher(expectations);
    this.store = store;
    this.resources = new ApiResources(store::customResourceDefinitions);
    this.documents = new ApiDocuments(resources, serverAddress);
    this.logs = logs;
    this.watchPollInterval = watchPollInterval;
  }

  public SandboxStore store() {
    return store;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    store.clearWritten();
    RequestPath path = RequestPath.parse(request.getPath());
    MockResponse response;
    try {
      response = route(request, path);
    } catch (InvalidUpdateException e) {
      response = Statuses.invalid(path, e.kind(), e.name(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "failed to serve " + request.getMethod() + " " + request.getPath(), e);
      response = Statuses.forCode(500, String.valueOf(e.getMessage()), path);
    }
    return finish(request, path, response);
  }

  /** Sends a request through the API server logic without HTTP, for the built-in controllers. */
  public MockResponse call(HttpMethod method, String path, JsonNode body) {
    byte[] bytes = body == null ? new byte[0] : SandboxStore.write(body)
        .getBytes(StandardCharsets.UTF_8);
    Headers headers = Headers.builder().add("Content-Type", "application/json").build();
    return dispatch(new RecordedRequest("HTTP/1.1", method, path, headers, new Buffer(bytes)));
  }

  private MockResponse route(RecordedRequest request, RequestPath path) {
    Queue<ServerResponse> queued = expectations.get(
        new SimpleRequest(request.method() == null ? HttpMethod.ANY : request.method(),
            request.getPath()));
    if (queued != null && !queued.isEmpty()) {
      return expectationDispatcher.dispatch(request);
    }
    HttpMethod method = request.method();
    if (method == null) {
      return Statuses.forCode(405, "method not allowed", path);
    }
    if (method == HttpMethod.GET) {
      Optional<String> document = documents.get(path.path());
      if (document.isPresent()) {
        return Statuses.json(200, document.get());
      }
      if (Set.of("/healthz", "/livez", "/readyz").contains(path.path())) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain")
            .setBody("ok");
      }
    }
    if (!path.isResource()) {
      return Statuses.forCode(404, "the server could not find the requested resource", null);
    }
    String contentType = request.getHeader("Content-Type");
    if (contentType != null && contentType.startsWith("application/vnd.kubernetes.protobuf")) {
      return Statuses.forCode(415, "the sandbox reads JSON and YAML request bodies, not "
          + "protobuf; create objects from manifests (kubectl apply -f or create -f)", path);
    }
    if (path.subresource() != null && !path.isStatus()) {
      if (method == HttpMethod.GET && path.subresource().equals("log")
          && path.plural().equals("pods") && path.group().isEmpty()) {
        return podLog(path);
      }
      if (path.subresource().equals("scale") && path.group().equals("apps")
          && Set.of("deployments", "statefulsets", "replicasets").contains(path.plural())) {
        return scale(request, path);
      }
      return Statuses.response(404, "NotFound", "the sandbox does not serve the "
          + path.subresource() + " subresource of " + path.qualifiedResource(), path);
    }
    return switch (method) {
      case GET -> path.flag("watch") && !isWebSocket(request) ? httpWatch(request, path)
          : store.dispatch(request);
      case PATCH -> patch(request, path);
      case DELETE -> path.name() == null ? store.dispatch(request) : delete(request, path);
      case POST -> create(request, path);
      case PUT -> path.param("dryRun") != null ? Statuses.json(200, body(request))
          : put(request);
      default -> Statuses.forCode(405, "method not allowed", path);
    };
  }

  private MockResponse finish(RecordedRequest request, RequestPath path, MockResponse response) {
    if (response == null) {
      return Statuses.forCode(405, "method not allowed", path);
    }
    if (response.getWebSocketListener() != null) {
      return response;
    }
    String written = store.takeWritten();
    int code = response.code();
    HttpMethod method = request.method();
    if (written != null && code >= 200 && code < 300
        && (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH)) {
      response.setBody(written);
    }
    if (method == HttpMethod.PATCH && code == 202) {
      response.setResponseCode(200);
    }
    if (method == HttpMethod.GET && code == 200 && path.isResource() && path.name() == null
        && !path.flag("watch")) {
      typeList(path, response);
    }
    if (code >= 400) {
      response = errorStatus(request, path, response);
    }
    if (response.header("Content-Type") == null) {
      response.setHeader("Content-Type", "application/json");
    }
    return response;
  }

  /**
   * The store answers every list as a generic {@code v1 List}; typed clients (client-go in
   * kubectl logs and describe) decode only {@code PodList} and friends, so name the list's type.
   */
  private void typeList(RequestPath path, MockResponse response) {
    Buffer buffer = response.getBody();
    if (buffer == null || buffer.size() == 0) {
      return;
    }
    JsonNode list = SandboxStore.read(new String(buffer.getBytes(), StandardCharsets.UTF_8));
    if (!list.isObject() || !"List".equals(list.path("kind").asText())) {
      return;
    }
    ObjectNode typed = (ObjectNode) list;
    Optional<ResourceType> type = resources.byPlural(path.group(), path.version(), path.plural());
    JsonNode first = list.path("items").path(0);
    String kind = type.map(ResourceType::kind).orElse(first.path("kind").asText(""));
    if (kind.isEmpty()) {
      return;
    }
    typed.put("kind", kind + "List");
    typed.put("apiVersion", type.map(ResourceType::apiVersion)
        .orElse(first.path("apiVersion").asText("v1")));
    ObjectNode metadata = typed.withObjectProperty("metadata");
    metadata.remove("selfLink");
    response.setBody(SandboxStore.write(typed));
  }

  private MockResponse errorStatus(RecordedRequest request, RequestPath path,
      MockResponse response) {
    int code = response.code();
    Buffer bodyBuffer = response.getBody();
    String body = bodyBuffer == null ? "" : new String(bodyBuffer.getBytes(),
        StandardCharsets.UTF_8);
    JsonNode status = null;
    if (!body.isBlank()) {
      try {
        status = JSON.readTree(body);
      } catch (java.io.IOException e) {
        status = null;
      }
    }
    boolean isStatus = status != null && "Status".equals(status.path("kind").asText());
    if (code == 409 && isStatus && status.path("message").asText().contains("has been modified")) {
      return Statuses.conflict(path, "the object has been modified; please apply your changes "
          + "to the latest version and try again");
    }
    if (code == 404 && (!isStatus || !status.has("reason"))) {
      return Statuses.notFound(path);
    }
    if (!isStatus) {
      return Statuses.forCode(code, body.isBlank() ? "request failed" : body, path);
    }
    return response;
  }

  private static String nameOf(RecordedRequest request) {
    try {
      return JSON.readTree(request.getBody().getBytes()).path("metadata").path("name").asText();
    } catch (java.io.IOException e) {
      return "";
    }
  }

  private static boolean isWebSocket(RecordedRequest request) {
    String upgrade = request.getHeader("Upgrade");
    return upgrade != null && upgrade.equalsIgnoreCase("websocket");
  }

  private static String body(RecordedRequest request) {
    return request.getBody() == null ? ""
        : new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
  }

  private static JsonNode parse(String body, boolean allowYaml) {
    try {
      return JSON.readTree(body);
    } catch (java.io.IOException e) {
      if (!allowYaml) {
        return null;
      }
    }
    try {
      return YAML.readTree(body);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  // ---- create -------------------------------------------------------------------------------

  private MockResponse create(RecordedRequest request, RequestPath path) {
    if (path.namespace() != null) {
      Optional<JsonNode> namespace = get("/api/v1/namespaces/" + path.namespace());
      if (namespace.isPresent() && namespace.get().path("metadata").has("deletionTimestamp")) {
        return Statuses.forbidden(path, path.qualifiedResource() + " \"" + nameOf(request)
            + "\" is forbidden: unable to create new content in namespace " + path.namespace()
            + " because it is being terminated");
      }
    }
    if (path.param("dryRun") != null) {
      return Statuses.json(201, body(request));
    }
    // The store consumes the request body, so read the name first.
    String name = nameOf(request);
    MockResponse response = store.dispatch(request);
    if (response.code() == 409) {
      return Statuses.alreadyExists(path, name);
    }
    return response;
  }

  // ---- patch --------------------------------------------------------------------------------

  private MockResponse patch(RecordedRequest request, RequestPath path) {
    String contentType = String.valueOf(request.getHeader("Content-Type"));
    Merge.Mode mode;
    if (contentType.startsWith("application/strategic-merge-patch+json")) {
      mode = Merge.Mode.STRATEGIC;
    } else if (contentType.startsWith("application/apply-patch+yaml")) {
      mode = Merge.Mode.APPLY;
    } else if (contentType.startsWith("application/merge-patch+json")) {
      mode = Merge.Mode.JSON_MERGE;
    } else {
      return jsonPatch(request, path);
    }
    if (path.name() == null) {
      return Statuses.forCode(405, "PATCH needs an object name", path);
    }
    JsonNode patch = parse(body(request), mode == Merge.Mode.APPLY);
    if (patch == null || !patch.isObject()) {
      return Statuses.badRequest("the patch body is not a valid "
          + (mode == Merge.Mode.APPLY ? "YAML or JSON" : "JSON") + " object");
    }
    boolean dryRun = path.param("dryRun") != null;
    boolean lockedByClient = patch.path("metadata").has("resourceVersion");
    for (int attempt = 0; attempt < 10; attempt++) {
      Optional<JsonNode> current = get(path.objectPath());
      if (current.isEmpty()) {
        if (mode == Merge.Mode.APPLY && !path.isStatus()) {
          return applyCreate(path, (ObjectNode) patch.deepCopy(), dryRun);
        }
        return Statuses.notFound(path);
      }
      ObjectNode merged = (ObjectNode) Merge.apply(current.get(), patch, mode);
      ObjectNode metadata = merged.withObjectProperty("metadata");
      metadata.remove("managedFields");
      if (!lockedByClient) {
        metadata.set("resourceVersion", current.get().path("metadata").get("resourceVersion"));
      }
      if (dryRun) {
        return Statuses.json(200, SandboxStore.write(merged));
      }
      MockResponse put = store.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.PUT,
          path.path(), Headers.builder().add("Content-Type", "application/json").build(),
          new Buffer(SandboxStore.write(merged).getBytes(StandardCharsets.UTF_8))));
      if (put.code() == 409 && !lockedByClient) {
        continue;
      }
      if (put.code() == 200 && (put.getBody() == null || put.getBody().size() == 0)) {
        // The write removed the last finalizer of an object being deleted.
        put.setBody(SandboxStore.write(merged));
      }
      return put;
    }
    return Statuses.conflict(path, "the object kept changing while the patch was applied");
  }

  /**
   * A write that removes the last finalizer of an object being deleted deletes it, and the store
   * then answers without a body; clients expect the object, so answer with what was written.
   */
  private MockResponse put(RecordedRequest request) {
    byte[] sent = request.getBody() == null ? new byte[0] : request.getBody().getBytes();
    MockResponse response = store.dispatch(request);
    if (response.code() == 200 && (response.getBody() == null || response.getBody().size() == 0)) {
      response.setBody(new Buffer(sent));
    }
    return response;
  }

  private MockResponse jsonPatch(RecordedRequest request, RequestPath path) {
    Optional<JsonNode> before = path.name() == null ? Optional.empty() : get(path.objectPath());
    JsonNode patch = parse(body(request), false);
    MockResponse response = store.dispatch(request);
    boolean emptyBody = response.getBody() == null || response.getBody().size() == 0;
    if (response.code() < 300 && emptyBody && before.isPresent() && patch != null) {
      response.setBody(SandboxStore.write(JsonPatch.apply(patch, before.get())));
    }
    return response;
  }

  private MockResponse applyCreate(RequestPath path, ObjectNode object, boolean dryRun) {
    ObjectNode metadata = object.withObjectProperty("metadata");
    String name = metadata.path("name").asText("");
    if (!name.isEmpty() && !name.equals(path.name())) {
      return Statuses.badRequest("the name of the object (" + name
          + ") does not match the name on the URL (" + path.name() + ")");
    }
    metadata.put("name", path.name());
    metadata.remove("managedFields");
    metadata.remove("resourceVersion");
    if (path.namespace() != null && !metadata.has("namespace")) {
      metadata.put("namespace", path.namespace());
    }
    if (!object.hasNonNull("apiVersion") || !object.hasNonNull("kind")) {
      return Statuses.badRequest("apiVersion and kind must be set in an apply patch");
    }
    if (dryRun) {
      return Statuses.json(201, SandboxStore.write(object));
    }
    MockResponse response = call(HttpMethod.POST, path.collectionPath(), object);
    store.clearWritten();
    return response;
  }

  // ---- delete -------------------------------------------------------------------------------

  private MockResponse delete(RecordedRequest request, RequestPath path) {
    JsonNode options = parse(body(request), false);
    if (options == null) {
      options = JsonNodeFactory.instance.objectNode();
    }
    String policy = path.param("propagationPolicy");
    if (policy == null) {
      policy = options.path("propagationPolicy").asText("");
    }
    if (policy.isEmpty() && options.has("orphanDependents")) {
      policy = options.path("orphanDependents").asBoolean() ? "Orphan" : "Background";
    }
    Optional<JsonNode> current = get(path.path());
    if (current.isEmpty()) {
      return Statuses.notFound(path);
    }
    JsonNode object = current.get();
    JsonNode preconditions = options.path("preconditions");
    String uid = object.path("metadata").path("uid").asText();
    String resourceVersion = object.path("metadata").path("resourceVersion").asText();
    if (preconditions.has("uid") && !preconditions.path("uid").asText().equals(uid)) {
      return Statuses.conflict(path, "Precondition failed: UID in precondition: "
          + preconditions.path("uid").asText() + ", UID in object meta: " + uid);
    }
    if (preconditions.has("resourceVersion")
        && !preconditions.path("resourceVersion").asText().equals(resourceVersion)) {
      return Statuses.conflict(path, "Precondition failed: ResourceVersion in precondition: "
          + preconditions.path("resourceVersion").asText() + ", ResourceVersion in object meta: "
          + resourceVersion);
    }
    if (path.param("dryRun") != null || options.path("dryRun").size() > 0) {
      return Statuses.json(200, SandboxStore.write(object));
    }
    if (path.group().isEmpty() && path.plural().equals("namespaces")) {
      return terminateNamespace(path, object);
    }
    if (policy.equals("Foreground")) {
      return markForDeletion(path, FOREGROUND_FINALIZER, unchanged -> { });
    }
    if (policy.equals("Orphan")) {
      orphanDependents(uid);
    }
    return store.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.DELETE, path.path(),
        Headers.builder().build(), new Buffer()));
  }

  private MockResponse terminateNamespace(RequestPath path, JsonNode namespace) {
    if (PROTECTED_NAMESPACES.contains(path.name())) {
      return Statuses.forbidden(path, "namespaces \"" + path.name()
          + "\" is forbidden: this namespace may not be deleted");
    }
    return markForDeletion(path, NAMESPACE_FINALIZER,
        current -> current.withObjectProperty("status").put("phase", "Terminating"));
  }

  /** Sets the deletion timestamp and a finalizer that a built-in controller removes later. */
  private MockResponse markForDeletion(RequestPath path, String finalizer,
      Consumer<ObjectNode> alsoChange) {
    Optional<JsonNode> marked = update(path.path(), current -> {
      ObjectNode metadata = current.withObjectProperty("metadata");
      ArrayNode finalizers = metadata.withArrayProperty("finalizers");
      boolean present = false;
      for (JsonNode f : finalizers) {
        present |= f.asText().equals(finalizer);
      }
      if (!present) {
        finalizers.add(finalizer);
      }
      if (!metadata.has("deletionTimestamp")) {
        metadata.put("deletionTimestamp", SandboxStore.now());
        metadata.put("deletionGracePeriodSeconds", 0);
      }
      alsoChange.accept(current);
      return current;
    });
    return marked.map(m -> Statuses.json(200, SandboxStore.write(m)))
        .orElseGet(() -> Statuses.notFound(path));
  }

  private void orphanDependents(String ownerUid) {
    for (StoredObject candidate : store.snapshot()) {
      JsonNode object = SandboxStore.read(candidate.json());
      if (!GarbageCollector.ownerUids(object).contains(ownerUid)) {
        continue;
      }
      update(candidate.path(), current -> {
        ArrayNode refs = (ArrayNode) current.path("metadata").path("ownerReferences");
        for (int i = refs.size() - 1; i >= 0; i--) {
          if (refs.get(i).path("uid").asText().equals(ownerUid)) {
            refs.remove(i);
          }
        }
        return current;
      });
    }
  }

  // ---- reads and updates against the store ---------------------------------------------------

  /** The stored object at {@code path}, read without the HTTP layer. */
  public Optional<JsonNode> get(String path) {
    MockResponse response = store.handleGet(path);
    if (response.code() != 200 || response.getBody() == null) {
      return Optional.empty();
    }
    return Optional.of(SandboxStore.read(new String(response.getBody().getBytes(),
        StandardCharsets.UTF_8)));
  }

  /**
   * Read-modify-write with optimistic locking, retried on conflicts, as controllers do. Returns the
   * written object, or empty when it does not exist (any more).
   */
  public Optional<JsonNode> update(String path, UnaryOperator<ObjectNode> change) {
    String objectPath = path.endsWith("/status") ? path.substring(0, path.length() - 7) : path;
    for (int attempt = 0; attempt < 20; attempt++) {
      Optional<JsonNode> current = get(objectPath);
      if (current.isEmpty()) {
        return Optional.empty();
      }
      ObjectNode changed = change.apply((ObjectNode) current.get().deepCopy());
      MockResponse response = store.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.PUT, path,
          Headers.builder().add("Content-Type", "application/json").build(),
          new Buffer(SandboxStore.write(changed).getBytes(StandardCharsets.UTF_8))));
      String written = store.takeWritten();
      if (response.code() == 409) {
        continue;
      }
      if (response.code() >= 300) {
        LOG.fine(() -> "update of " + path + " failed with " + response.code());
        return Optional.empty();
      }
      return Optional.of(written == null ? changed : SandboxStore.read(written));
    }
    return Optional.empty();
  }

  // ---- scale subresource -------------------------------------------------------------------

  private MockResponse scale(RecordedRequest request, RequestPath path) {
    String objectPath = path.objectPath();
    Optional<JsonNode> current = get(objectPath);
    if (current.isEmpty()) {
      return Statuses.notFound(path);
    }
    HttpMethod method = request.method();
    if (method == HttpMethod.GET) {
      return Statuses.json(200, SandboxStore.write(scaleOf(current.get())));
    }
    if (method != HttpMethod.PUT && method != HttpMethod.PATCH) {
      return Statuses.forCode(405, "the scale subresource supports get, update and patch", path);
    }
    JsonNode body = parse(body(request), true);
    if (body == null || !body.isObject()) {
      return Statuses.badRequest("the request body is not a Scale object");
    }
    JsonNode requested = method == HttpMethod.PUT ? body
        : Merge.apply(scaleOf(current.get()), body, Merge.Mode.JSON_MERGE);
    JsonNode replicas = requested.path("spec").path("replicas");
    if (!replicas.canConvertToInt() || replicas.asInt() < 0) {
      return Statuses.response(422, "Invalid", "Scale.autoscaling \"" + path.name()
          + "\" is invalid: spec.replicas: Invalid value: must be greater than or equal to 0",
          path);
    }
    Optional<JsonNode> scaled = update(objectPath, object -> {
      object.withObjectProperty("spec").put("replicas", replicas.asInt());
      return object;
    });
    return scaled.map(o -> Statuses.json(200, SandboxStore.write(scaleOf(o))))
        .orElseGet(() -> Statuses.notFound(path));
  }

  private static ObjectNode scaleOf(JsonNode object) {
    ObjectNode scale = JsonNodeFactory.instance.objectNode();
    scale.put("kind", "Scale");
    scale.put("apiVersion", "autoscaling/v1");
    ObjectNode metadata = scale.putObject("metadata");
    for (String field : List.of("name", "namespace", "uid", "resourceVersion",
        "creationTimestamp")) {
      if (object.path("metadata").has(field)) {
        metadata.set(field, object.path("metadata").get(field));
      }
    }
    scale.putObject("spec").put("replicas", object.path("spec").path("replicas").asInt(1));
    ObjectNode status = scale.putObject("status");
    status.put("replicas", object.path("status").path("replicas").asInt(0));
    StringBuilder selector = new StringBuilder();
    object.path("spec").path("selector").path("matchLabels").properties().forEach(e -> {
      if (selector.length() > 0) {
        selector.append(',');
      }
      selector.append(e.getKey()).append('=').append(e.getValue().asText());
    });
    status.put("selector", selector.toString());
    return scale;
  }

  // ---- pod logs -----------------------------------------------------------------------------

  private MockResponse podLog(RequestPath path) {
    String podPath = "/api/v1/namespaces/" + path.namespace() + "/pods/" + path.name();
    Optional<JsonNode> pod = get(podPath);
    RequestPath podRequest = RequestPath.parse(podPath);
    if (pod.isEmpty()) {
      return Statuses.notFound(podRequest);
    }
    JsonNode containers = pod.get().path("spec").path("containers");
    String container = path.param("container");
    if (container == null || container.isEmpty()) {
      container = containers.path(0).path("name").asText("");
    }
    boolean known = false;
    for (JsonNode c : containers) {
      known |= c.path("name").asText().equals(container);
    }
    if (!known) {
      return Statuses.badRequest("container " + container + " is not valid for pod "
          + path.name());
    }
    boolean started = false;
    for (JsonNode status : pod.get().path("status").path("containerStatuses")) {
      if (status.path("name").asText().equals(container)) {
        started = status.path("state").has("running") || status.path("state").has("terminated")
            || status.path("lastState").has("terminated");
      }
    }
    if (!started) {
      return Statuses.badRequest("container \"" + container + "\" in pod \"" + path.name()
          + "\" is waiting to start: ContainerCreating");
    }
    Integer tail = null;
    if (path.param("tailLines") != null) {
      try {
        tail = Integer.parseInt(path.param("tailLines"));
      } catch (NumberFormatException e) {
        return Statuses.badRequest("tailLines must be a number");
      }
    }
    String text = logs.render(path.namespace(), path.name(), container, tail,
        path.flag("timestamps"));
    return new MockResponse().setResponseCode(200)
        .setHeader("Content-Type", "text/plain")
        .setBody(text);
  }

  // ---- plain HTTP watches -------------------------------------------------------------------

  private MockResponse httpWatch(RecordedRequest request, RequestPath path) {
    if (!path.flag("allowWatchBookmarks")) {
      return Statuses.badRequest("the sandbox streams watches over WebSocket (fabric8 clients) "
          + "and serves client-go informers (allowWatchBookmarks=true) as long polls; "
          + "a plain streaming watch such as kubectl get --watch is not supported");
    }
    String resourceVersion = path.param("resourceVersion");
    Optional<ResourceType> type = resources.byPlural(path.group(), path.version(), path.plural());
    StringBuilder body = new StringBuilder();
    boolean initial = resourceVersion == null || resourceVersion.isEmpty()
        || resourceVersion.equals("0") || path.flag("sendInitialEvents");
    if (initial) {
      String kind = null;
      String apiVersion = null;
      for (StoredObject object : store.matching(request.getPath())) {
        JsonNode node = SandboxStore.read(object.json());
        kind = node.path("kind").asText();
        apiVersion = node.path("apiVersion").asText();
        body.append(event("ADDED", node));
      }
      if (path.flag("sendInitialEvents")) {
        ObjectNode bookmark = bookmark(type.map(ResourceType::kind).orElse(kind),
            type.map(ResourceType::apiVersion).orElse(apiVersion),
            String.valueOf(store.currentResourceVersion()));
        bookmark.withObjectProperty("metadata").putObject("annotations")
            .put("k8s.io/initial-events-end", "true");
        body.append(event("BOOKMARK", bookmark));
      }
    } else {
      long since;
      try {
        since = Long.parseLong(resourceVersion);
      } catch (NumberFormatException e) {
        return Statuses.badRequest("invalid resourceVersion " + resourceVersion);
      }
      Optional<List<WatchLog.Event>> events = store.eventsSince(since, request.getPath());
      if (events.isEmpty()) {
        return Statuses.gone("too old resource version: " + since);
      }
      for (WatchLog.Event event : events.get()) {
        body.append(event(event.type(), SandboxStore.read(event.object())));
      }
    }
    MockResponse response = new MockResponse().setResponseCode(200)
        .setHeader("Content-Type", "application/json");
    if (body.length() == 0) {
      // Nothing new: after a pause, a bookmark at the same resource version ends this poll and
      // the informer polls again from there, so nothing that happens meanwhile is lost.
      ObjectNode bookmark = bookmark(type.map(ResourceType::kind).orElse(null),
          type.map(ResourceType::apiVersion).orElse(null),
          initial ? String.valueOf(store.currentResourceVersion()) : resourceVersion);
      return response.setBody(event("BOOKMARK", bookmark)).setBodyDelay(watchPollInterval);
    }
    return response.setBody(body.toString());
  }

  private static ObjectNode bookmark(String kind, String apiVersion, String resourceVersion) {
    ObjectNode bookmark = JsonNodeFactory.instance.objectNode();
    bookmark.put("kind", kind == null ? "Status" : kind);
    bookmark.put("apiVersion", apiVersion == null ? "v1" : apiVersion);
    bookmark.putObject("metadata").put("resourceVersion", resourceVersion);
    return bookmark;
  }

  private static String event(String type, JsonNode object) {
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("type", type);
    event.set("object", object);
    return SandboxStore.write(event) + "\n";
  }
}
