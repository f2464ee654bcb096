package io.wavesync.engine.sync;

import io.wavesync.engine.model.KubeObject;

/** The Kubernetes calls needed to apply a step; implemented over a real API or a test cluster. */
public interface ClusterOps {

  /**
   * Removes {@code argocd.argoproj.io/hook-finalizer} from the live object. Implementations retry on
   * conflict with a fresh read and treat NotFound as done.
   */
  void removeHookFinalizer(KubeObject live) throws ApiException;

  /** Deletes the object with the propagation policy ({@code foreground}, {@code background}, {@code orphan}). */
  void delete(KubeObject obj, String propagationPolicy) throws ApiException;

  /** Writes the target with the given method; returns the kubectl-style message and the object. */
  Applied apply(
      KubeObject target, KubeObject live, ApplyStrategy.Method method, ApplyStrategy strategy,
      boolean dryRun)
      throws ApiException;

  /** The outcome of a successful write: {@code pod/my-pod created} and the written object's identity. */
  record Applied(String message, String uid, long generation) {}
}
