package io.wavesync.engine.sync;

import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.model.ResourceKey;
import java.util.List;
import java.util.Map;

/**
 * The side effects a step performs. The step is written as if they were synchronous calls; in the
 * pipeline they are commands answered asynchronously ({@link JournalIo}), in tests a cluster fake
 * answers them at once. Every call is idempotent.
 */
public interface SyncIo {

  /** Applies a step's tasks (spec §2.5). */
  RunTasksResult runTasks(RunTasksRequest request);

  /**
   * Removes the hook finalizer from each live object (metadata only; NotFound is success).
   *
   * @return the error message per object that failed; absent keys succeeded
   */
  Map<ResourceKey, String> removeHookFinalizers(List<KubeObject> live);

  /**
   * Deletes each object with the propagation policy.
   *
   * @return the error per object that failed; NotFound is reported as an error with code 404
   */
  Map<ResourceKey, ApiException> delete(List<KubeObject> objects, String propagationPolicy);

  /** Why hooks are deleted: their delete policy, or the operation stopping them. */
  String REASON_HOOK_SUCCEEDED = "HookSucceeded";
  String REASON_HOOK_FAILED = "HookFailed";
  String REASON_TERMINATE = "Terminate";
  String REASON_HOOK_TIMEOUT = "HookTimeout";

  /**
   * {@link #delete(List, String)}, saying why ({@code REASON_*}); an implementation that sends the
   * deletion elsewhere passes the reason on, the others ignore it.
   */
  default Map<ResourceKey, ApiException> delete(
      List<KubeObject> objects, String propagationPolicy, String reason) {
    return delete(objects, propagationPolicy);
  }

  /** Reads each object directly from the API (not from a cache). */
  Map<ResourceKey, Lookup> get(List<KubeObject> objects);

  /** The answer to a direct read: the object, or not found, or an error. */
  record Lookup(KubeObject object, ApiException error) {
    public static Lookup found(KubeObject obj) {
      return new Lookup(obj, null);
    }

    public static Lookup notFound() {
      return new Lookup(null, null);
    }

    public static Lookup failed(ApiException e) {
      return new Lookup(null, e);
    }

    public boolean isNotFound() {
      return object == null && (error == null || error.isNotFound());
    }
  }
}
