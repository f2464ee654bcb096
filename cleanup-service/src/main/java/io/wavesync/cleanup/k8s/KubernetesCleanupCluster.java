package io.wavesync.cleanup.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.wavesync.cleanup.domain.Cleanup;
import io.wavesync.engine.sync.ApiException;
import io.wavesync.kubernetes.Deletes;
import io.wavesync.kubernetes.GenericResources;
import io.wavesync.kubernetes.HookFinalizers;
import io.wavesync.kubernetes.KubeRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The cleanup calls over fabric8: finalizer removal by metadata-only patch, deletes with the
 * command's propagation policy and the UID of the object meant, and direct reads that bypass any
 * cache. API refusals become failed results with the API's status and message.
 */
@ApplicationScoped
public class KubernetesCleanupCluster implements Cleanup.Cluster {

  private final GenericResources resources;

  public KubernetesCleanupCluster(KubernetesClient client) {
    this.resources = new GenericResources(client);
  }

  @Override
  public Cleanup.Result removeHookFinalizer(Cleanup.Action action) {
    KubeRef ref = action.ref();
    try {
      return switch (HookFinalizers.remove(resources, ref)) {
        case REMOVED -> Cleanup.Result.done(action,
            HookFinalizers.HOOK_FINALIZER + " removed from " + ref.displayName());
        case NOT_PRESENT -> Cleanup.Result.done(action,
            ref.displayName() + " has no " + HookFinalizers.HOOK_FINALIZER);
        case NOT_FOUND -> Cleanup.Result.notFound(action, notFound(ref));
      };
    } catch (ApiException e) {
      return failed(action, e);
    }
  }

  @Override
  public Cleanup.Result delete(Cleanup.Action action, String propagationPolicy) {
    try {
      Deletes.Result result = Deletes.delete(resources, action.ref(), propagationPolicy);
      return result.outcome() == Deletes.Outcome.DELETED
          ? Cleanup.Result.done(action, result.message())
          : Cleanup.Result.notFound(action, result.message());
    } catch (ApiException e) {
      return failed(action, e);
    }
  }

  @Override
  public Cleanup.Result lookup(Cleanup.Action action) {
    KubeRef ref = action.ref();
    try {
      Optional<GenericKubernetesResource> found = resources.get(ref);
      if (found.isEmpty()) {
        return Cleanup.Result.notFound(action, notFound(ref));
      }
      ObjectNode object = resources.client().getKubernetesSerialization()
          .convertValue(found.get(), ObjectNode.class);
      // field ownership is of no use to the planner and can be most of an object's size
      object.withObjectProperty("metadata").remove("managedFields");
      return Cleanup.Result.found(action, ref.displayName() + " found", object);
    } catch (ApiException e) {
      return failed(action, e);
    }
  }

  private static String notFound(KubeRef ref) {
    return ref.displayName() + " not found";
  }

  private static Cleanup.Result failed(Cleanup.Action action, ApiException e) {
    return Cleanup.Result.failed(action, e.getMessage(),
        e.code() >= 100 && e.code() <= 599 ? e.code() : null);
  }
}
