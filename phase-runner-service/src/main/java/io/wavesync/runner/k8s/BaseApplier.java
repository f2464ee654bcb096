package io.wavesync.runner.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.FieldValidateable;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.wavesync.engine.sync.ApiException;
import io.wavesync.kubernetes.ApiErrors;
import io.wavesync.kubernetes.Deletes;
import io.wavesync.kubernetes.GenericResources;
import io.wavesync.kubernetes.KubeRef;
import java.time.Duration;
import java.util.Optional;

/**
 * What both apply strategies share: reads and writes of generic objects as JSON trees, and the
 * methods an object's {@code Replace=true} asks for (create, replace, update). Subclasses supply
 * {@link #applyObject}, the strategy's own apply.
 */
abstract class BaseApplier implements Applier {

  private static final Duration POLL = Duration.ofMillis(100);

  protected final GenericResources resources;
  private final Duration forceReplaceTimeout;

  BaseApplier(GenericResources resources, Duration forceReplaceTimeout) {
    this.resources = resources;
    this.forceReplaceTimeout = forceReplaceTimeout;
  }

  @Override
  public final ApplyResult apply(ApplyRequest request) {
    try {
      if (request.dryRun()) {
        return dryRun(request);
      }
      return switch (request.method()) {
        case APPLY -> applyObject(request);
        case CREATE -> ApplyResult.of(ApplyResult.Outcome.CREATED, request, create(request));
        case REPLACE -> replace(request);
        case UPDATE -> update(request);
      };
    } catch (ApiException e) {
      return ApplyResult.failed(e);
    }
  }

  /** The strategy's apply: create the object, or bring the live one in line with the manifest. */
  protected abstract ApplyResult applyObject(ApplyRequest request) throws ApiException;

  /** What the strategy's apply would do to {@code live}, without writing. */
  protected abstract ApplyResult describeApply(ApplyRequest request, ObjectNode live);

  /**
   * A client-side dry run, as {@code kubectl --dry-run=client}: reads the live object, if any, and
   * says what the write would do; writes nothing.
   */
  private ApplyResult dryRun(ApplyRequest request) throws ApiException {
    if (request.name().isEmpty()) {
      // the API server would pick the name; nothing to read
      return ApplyResult.of(ApplyResult.Outcome.CREATED, request, request.desired());
    }
    Optional<ObjectNode> live = read(request);
    if (live.isEmpty()) {
      return ApplyResult.of(ApplyResult.Outcome.CREATED, request, request.desired());
    }
    return switch (request.method()) {
      case APPLY -> describeApply(request, live.get());
      case CREATE -> ApplyResult.failed(new ApiException(409,
          request.type().plural() + (request.type().group().isEmpty() ? "" : "."
              + request.type().group()) + " \"" + request.name() + "\" already exists"));
      case REPLACE -> ApplyResult.of(ApplyResult.Outcome.REPLACED, request, live.get());
      case UPDATE -> ApplyResult.of(ApplyResult.Outcome.UPDATED, request, live.get());
    };
  }

  /** Creates the object; AlreadyExists (409) is a failure, as with {@code kubectl create}. */
  protected ObjectNode create(ApplyRequest request) throws ApiException {
    GenericKubernetesResource object = toResource(request.desired());
    return toTree(ApiErrors.call(() -> validated(handle(request, object), request).create()));
  }

  /**
   * Replaces the live object with the manifest (kubectl replace); with force, deletes it, waits for
   * it to be gone and creates it again (kubectl replace --force).
   */
  private ApplyResult replace(ApplyRequest request) throws ApiException {
    Optional<ObjectNode> live = read(request);
    if (live.isEmpty()) {
      return ApplyResult.of(ApplyResult.Outcome.CREATED, request, create(request));
    }
    if (request.force()) {
      return ApplyResult.of(ApplyResult.Outcome.REPLACED, request, recreate(request));
    }
    ObjectNode replacement = request.desired().deepCopy();
    replacement.withObjectProperty("metadata").set("resourceVersion",
        live.get().path("metadata").path("resourceVersion"));
    return ApplyResult.of(ApplyResult.Outcome.REPLACED, request, write(request, replacement));
  }

  /**
   * A plain update of the live object with the manifest (the engine's choice for CRDs and
   * Namespaces with {@code Replace=true}, which a replace would empty).
   */
  private ApplyResult update(ApplyRequest request) throws ApiException {
    Optional<ObjectNode> live = read(request);
    if (live.isEmpty()) {
      return ApplyResult.of(ApplyResult.Outcome.CREATED, request, create(request));
    }
    ObjectNode updated = request.desired().deepCopy();
    updated.withObjectProperty("metadata").set("resourceVersion",
        live.get().path("metadata").path("resourceVersion"));
    if (live.get().has("status")) {
      updated.set("status", live.get().get("status").deepCopy());
    }
    return ApplyResult.of(ApplyResult.Outcome.UPDATED, request, write(request, updated));
  }

  /** Deletes the live object, waits until it is gone, and creates the manifest. */
  protected ObjectNode recreate(ApplyRequest request) throws ApiException {
    KubeRef ref = new KubeRef(request.type().apiVersion(), request.type().kind(),
        request.namespace(), request.name(), null);
    Deletes.delete(resources, ref, "Background");
    long deadline = System.nanoTime() + forceReplaceTimeout.toNanos();
    while (read(request).isPresent()) {
      if (System.nanoTime() > deadline) {
        throw new ApiException(ApiErrors.TIMEOUT, "timed out after " + forceReplaceTimeout
            + " waiting for " + request.displayName(request.name())
            + " to be deleted before re-creating it");
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ApiException(ApiErrors.TIMEOUT, "interrupted while waiting for "
            + request.displayName(request.name()) + " to be deleted", e);
      }
    }
    return create(request);
  }

  /** The live object, read now; empty when it does not exist. */
  protected Optional<ObjectNode> read(ApplyRequest request) throws ApiException {
    GenericKubernetesResource live = ApiErrors.call(
        () -> resources.resource(request.type(), request.namespace(), request.name()).get());
    return Optional.ofNullable(live).map(this::toTree);
  }

  /** Writes {@code object} over the live object (PUT); its resourceVersion guards the write. */
  protected ObjectNode write(ApplyRequest request, ObjectNode object) throws ApiException {
    ObjectNode body = object.deepCopy();
    // the server keeps field ownership when the request leaves it out
    body.withObjectProperty("metadata").remove("managedFields");
    GenericKubernetesResource resource = toResource(body);
    return toTree(ApiErrors.call(() -> validated(handle(request, resource), request).update()));
  }

  /** The operation with the field validation the request asks for. */
  protected static NonDeletingOperation<GenericKubernetesResource> validated(
      Resource<GenericKubernetesResource> resource, ApplyRequest request) {
    return resource.fieldValidation(request.validate()
        ? FieldValidateable.Validation.STRICT : FieldValidateable.Validation.IGNORE);
  }

  /** The object's operations, in its namespace for namespaced kinds. */
  protected Resource<GenericKubernetesResource> handle(
      ApplyRequest request, GenericKubernetesResource object) {
    var operation = resources.operation(request.type());
    return request.namespace() == null
        ? operation.resource(object)
        : operation.inNamespace(request.namespace()).resource(object);
  }

  protected GenericKubernetesResource toResource(ObjectNode node) {
    return serialization().convertValue(node, GenericKubernetesResource.class);
  }

  protected ObjectNode toTree(GenericKubernetesResource resource) {
    return serialization().convertValue(resource, ObjectNode.class);
  }

  private KubernetesSerialization serialization() {
    return resources.client().getKubernetesSerialization();
  }
}
