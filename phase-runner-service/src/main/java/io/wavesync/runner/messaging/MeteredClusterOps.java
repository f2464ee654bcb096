package io.wavesync.runner.messaging;

import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.model.ResourceKey;
import io.wavesync.engine.sync.ApiException;
import io.wavesync.engine.sync.ApplyStrategy;
import io.wavesync.engine.sync.ClusterOps;
import io.wavesync.engine.sync.RunTask;
import io.wavesync.kubernetes.DeleteCounters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster calls of one wave, measured: the duration of every write ({@code
 * wavesync.task.apply.duration} by phase and kind) and every deletion by kind, the delete policy
 * that asked for it (BeforeHookCreation, or a prune) and its result. Calls of one kind group run
 * concurrently; Micrometer's meters are thread-safe.
 */
final class MeteredClusterOps implements ClusterOps {

  private final ClusterOps delegate;
  private final RunnerMetrics metrics;
  private final String phase;
  /** Why the wave deletes an object, by the identity of the live object. */
  private final Map<ResourceKey, String> deleteReasons = new HashMap<>();

  MeteredClusterOps(ClusterOps delegate, RunnerMetrics metrics, String phase, List<RunTask> tasks) {
    this.delegate = delegate;
    this.metrics = metrics;
    this.phase = phase;
    for (RunTask t : tasks) {
      if (t.live() == null) {
        continue;
      }
      if (t.isPrune()) {
        deleteReasons.put(ResourceKey.of(t.live()), DeleteCounters.REASON_PRUNE);
      } else if (t.deleteBeforeCreation()) {
        deleteReasons.put(ResourceKey.of(t.live()), DeleteCounters.POLICY_BEFORE_HOOK_CREATION);
      }
    }
  }

  @Override
  public void removeHookFinalizer(KubeObject live) throws ApiException {
    delegate.removeHookFinalizer(live);
  }

  @Override
  public void delete(KubeObject obj, String propagationPolicy) throws ApiException {
    String reason = deleteReasons.get(ResourceKey.of(obj));
    String result = DeleteCounters.RESULT_FAILED;
    try {
      delegate.delete(obj, propagationPolicy);
      result = DeleteCounters.RESULT_DELETED;
    } catch (ApiException e) {
      if (e.isNotFound()) {
        result = DeleteCounters.RESULT_NOT_FOUND;
      }
      throw e;
    } finally {
      metrics.deleted(obj.kind(), reason, result);
    }
  }

  @Override
  public Applied apply(KubeObject target, KubeObject live, ApplyStrategy.Method method,
      ApplyStrategy strategy, boolean dryRun) throws ApiException {
    long started = System.nanoTime();
    try {
      return delegate.apply(target, live, method, strategy, dryRun);
    } finally {
      metrics.applyDuration(phase, target.kind(), dryRun, System.nanoTime() - started);
    }
  }
}
