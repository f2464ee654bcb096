package io.wavesync.kubernetes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.wavesync.engine.hook.Annotations;
import io.wavesync.engine.sync.ApiException;
import java.util.List;
import java.util.Optional;

/**
 * Removes {@code argocd.argoproj.io/hook-finalizer} from a live object with a metadata-only JSON
 * patch: a {@code test} of the finalizer at its index, then its {@code remove}.
 *
 * <p>Upstream removes it with a full update of a cached copy, which the API server rejects when the
 * cached spec no longer validates (argo-cd#24187: "spec.template: field is immutable") and then
 * leaves the hook stuck. A patch that names only the finalizer cannot hit that, and the {@code
 * test} keeps a concurrent change of the finalizer list from removing the wrong entry: the patch
 * then fails and is retried on a fresh read.
 */
public final class HookFinalizers {

  /** The finalizer wavesync puts on hooks; the engine's constant. */
  public static final String HOOK_FINALIZER = Annotations.HOOK_FINALIZER;

  private static final int ATTEMPTS = 5;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a removal found. */
  public enum Outcome {
    /** The finalizer was there and has been removed. */
    REMOVED,
    /** The object exists without the finalizer; nothing to do. */
    NOT_PRESENT,
    /** The object is gone, or another object with a different UID has its name; nothing to do. */
    NOT_FOUND
  }

  private HookFinalizers() {}

  /** Removes the hook finalizer through {@code client}; see the other {@code remove}. */
  public static Outcome remove(KubernetesClient client, KubeRef ref) throws ApiException {
    return remove(new GenericResources(client), ref);
  }

  /**
   * Removes the hook finalizer from the object {@code ref} names (the one with its UID, if given).
   * A conflict (409) or a failed {@code test} (422) is retried on a fresh read; NotFound is done.
   *
   * @throws ApiException any other failure, or the last conflict when every attempt conflicted
   */
  public static Outcome remove(GenericResources resources, KubeRef ref) throws ApiException {
    ApiException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<GenericKubernetesResource> live = resources.get(ref);
      if (live.isEmpty()) {
        return Outcome.NOT_FOUND;
      }
      GenericKubernetesResource object = live.get();
      String uid = object.getMetadata().getUid();
      if (ref.uid() != null && !ref.uid().equals(uid)) {
        return Outcome.NOT_FOUND;
      }
      List<String> finalizers = object.getMetadata().getFinalizers();
      int index = finalizers == null ? -1 : finalizers.indexOf(HOOK_FINALIZER);
      if (index < 0) {
        return Outcome.NOT_PRESENT;
      }
      String patch = patch(index, uid);
      ResourceType type = resources.type(ref);
      try {
        ApiErrors.call(() -> resources.resource(type, ref.namespace(), ref.name())
            .patch(PatchContext.of(PatchType.JSON), patch));
        return Outcome.REMOVED;
      } catch (ApiException e) {
        if (e.isNotFound()) {
          return Outcome.NOT_FOUND;
        }
        if (e.code() != 409 && e.code() != 422) {
          throw e;
        }
        last = e;
      }
    }
    throw last;
  }

  /** The JSON patch that removes the finalizer at {@code index} of the object with {@code uid}. */
  static String patch(int index, String uid) {
    ArrayNode ops = JsonNodeFactory.instance.arrayNode();
    if (uid != null) {
      // the object must still be the one that was read, not a re-created namesake
      ops.addObject().put("op", "test").put("path", "/metadata/uid").put("value", uid);
    }
    String path = "/metadata/finalizers/" + index;
    ops.addObject().put("op", "test").put("path", path).put("value", HOOK_FINALIZER);
    ops.addObject().put("op", "remove").put("path", path);
    try {
      return JSON.writeValueAsString(ops);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
