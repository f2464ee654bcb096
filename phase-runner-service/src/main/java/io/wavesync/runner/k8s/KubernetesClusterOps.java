package io.wavesync.runner.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.model.ResourceKey;
import io.wavesync.engine.sync.ApiException;
import io.wavesync.engine.sync.ApplyStrategy;
import io.wavesync.engine.sync.ClusterOps;
import io.wavesync.kubernetes.ApiErrors;
import io.wavesync.kubernetes.Deletes;
import io.wavesync.kubernetes.GenericResources;
import io.wavesync.kubernetes.HookFinalizers;
import io.wavesync.kubernetes.KubeRef;
import io.wavesync.kubernetes.Labels;
import io.wavesync.kubernetes.ResourceType;
import io.wavesync.runner.domain.CallLog;

/**
 * The engine's cluster calls over fabric8, for one wave: hook finalizer removal by metadata-only
 * patch, deletes with the UID of the object meant, and writes through the applier the task's
 * strategy picks. Every refusal becomes an {@link ApiException} with the API's status and message,
 * which the engine records as the task's failure; and what each call did goes to the wave's {@link
 * CallLog}.
 */
public final class KubernetesClusterOps implements ClusterOps {

  private final GenericResources resources;
  private final Applier clientSide;
  private final Applier serverSide;
  private final CallLog log;
  private final io.wavesync.engine.sync.ProjectPolicy project;

  public KubernetesClusterOps(
      GenericResources resources, Applier clientSide, Applier serverSide, CallLog log) {
    this(resources, clientSide, serverSide, log, io.wavesync.engine.sync.ProjectPolicy.ANY);
  }

  public KubernetesClusterOps(GenericResources resources, Applier clientSide, Applier serverSide,
      CallLog log, io.wavesync.engine.sync.ProjectPolicy project) {
    this.resources = resources;
    this.clientSide = clientSide;
    this.serverSide = serverSide;
    this.log = log;
    this.project = project;
  }

  @Override
  public void removeHookFinalizer(KubeObject live) throws ApiException {
    ResourceKey key = ResourceKey.of(live);
    try {
      HookFinalizers.remove(resources, KubeRef.of(live));
    } catch (ApiException e) {
      log.refused(key, e.code());
      throw e;
    } catch (RuntimeException e) {
      throw unexpected(key, e);
    }
  }

  @Override
  public void delete(KubeObject obj, String propagationPolicy) throws ApiException {
    ResourceKey key = ResourceKey.of(obj);
    Deletes.Result result;
    try {
      result = Deletes.delete(resources, KubeRef.of(obj), propagationPolicy);
    } catch (ApiException e) {
      log.refused(key, e.code());
      throw e;
    } catch (RuntimeException e) {
      throw unexpected(key, e);
    }
    if (result.outcome() == Deletes.Outcome.NOT_FOUND) {
      // the engine needs NotFound to tell a deletion still in progress from one already done
      throw ApiException.notFound(result.message());
    }
    log.deleted(key);
  }

  @Override
  public Applied apply(
      KubeObject target, KubeObject live, ApplyStrategy.Method method, ApplyStrategy strategy,
      boolean dryRun) throws ApiException {
    ResourceKey key = ResourceKey.of(target);
    try {
      ApplyRequest request = request(target, method, strategy, dryRun);
      ApplyResult result = (strategy.serverSide() ? serverSide : clientSide).apply(request);
      if (result.isFailed()) {
        throw result.toApiException();
      }
      log.written(key, new CallLog.Written(result.name(), result.uid(), result.generation(),
          result.resourceVersion().isEmpty() ? null : result.resourceVersion()));
      return new Applied(result.message(), result.uid(), result.generation());
    } catch (ApiException e) {
      log.refused(key, e.code());
      throw e;
    } catch (RuntimeException e) {
      throw unexpected(key, e);
    }
  }

  /**
   * The write for a target: its served kind (kubectl's {@code no matches for kind} otherwise), its
   * namespace, and the checks a client makes before sending anything.
   */
  ApplyRequest request(KubeObject target, ApplyStrategy.Method method, ApplyStrategy strategy,
      boolean dryRun) throws ApiException {
    if (target.apiVersion().isEmpty() || target.kind().isEmpty()) {
      throw ApiErrors.notSent("Object 'Kind' is missing in '" + target.toJson() + "'");
    }
    boolean generated = method == ApplyStrategy.Method.CREATE && !target.generateName().isEmpty();
    if (target.name().isEmpty() && !generated) {
      throw ApiErrors.notSent("resource name may not be empty");
    }
    ResourceType type = resources.discovery().type(target.apiVersion(), target.kind());
    String namespace = resources.namespaceOf(type, target.namespace());
    // the project is checked again here: a command that did not come through the planner is held too
    java.util.Optional<String> violation = project.violation(target, type.namespaced());
    if (violation.isPresent()) {
      throw new ApiException(403, violation.get());
    }
    ObjectNode desired = target.json().deepCopy();
    ObjectNode metadata = desired.withObjectProperty("metadata");
    if (namespace == null) {
      metadata.remove("namespace");
    } else {
      metadata.put("namespace", namespace);
    }
    String fieldManager = strategy.fieldManager() == null || strategy.fieldManager().isBlank()
        ? Labels.FIELD_MANAGER : strategy.fieldManager();
    return new ApplyRequest(type, namespace, desired, method, strategy.force(),
        strategy.validate(), fieldManager, dryRun);
  }

  // a bug or an unexpected client failure still fails only this task, with a message
  private ApiException unexpected(ResourceKey key, RuntimeException e) {
    log.refused(key, ApiErrors.NOT_SENT);
    return new ApiException(ApiErrors.NOT_SENT, e.getMessage() == null
        ? e.getClass().getSimpleName() : e.getMessage(), e);
  }
}
