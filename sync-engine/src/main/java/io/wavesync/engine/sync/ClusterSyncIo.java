package io.wavesync.engine.sync;

import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.model.ResourceKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link SyncIo} answered at once by a {@link ClusterOps}: steps are applied with the
 * {@link TaskRunner}, batches are the single calls one after the other, and reads come from
 * {@link #read}. For in-process clusters (tests, benchmarks).
 */
public abstract class ClusterSyncIo implements SyncIo, ClusterOps {

  /** A direct read of one object. */
  protected abstract Lookup read(KubeObject obj);

  @Override
  public RunTasksResult runTasks(RunTasksRequest request) {
    return new TaskRunner(this).run(request);
  }

  @Override
  public Map<ResourceKey, String> removeHookFinalizers(List<KubeObject> live) {
    Map<ResourceKey, String> errors = new HashMap<>();
    for (KubeObject o : live) {
      try {
        removeHookFinalizer(o);
      } catch (ApiException e) {
        errors.put(ResourceKey.of(o), e.getMessage());
      }
    }
    return errors;
  }

  @Override
  public Map<ResourceKey, ApiException> delete(List<KubeObject> objects, String propagationPolicy) {
    Map<ResourceKey, ApiException> errors = new HashMap<>();
    for (KubeObject o : objects) {
      try {
        delete(o, propagationPolicy);
      } catch (ApiException e) {
        errors.put(ResourceKey.of(o), e);
      }
    }
    return errors;
  }

  @Override
  public Map<ResourceKey, Lookup> get(List<KubeObject> objects) {
    Map<ResourceKey, Lookup> out = new HashMap<>();
    for (KubeObject o : objects) {
      out.put(ResourceKey.of(o), read(o));
    }
    return out;
  }
}
