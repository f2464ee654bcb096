package io.wavesync.engine.sync;

import io.wavesync.engine.health.HealthOverride;
import io.wavesync.engine.health.HealthResult;
import io.wavesync.engine.health.HealthStatus;
import io.wavesync.engine.hook.Annotations;
import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.model.ResourceKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small in-memory cluster for engine tests, following the harness conventions of spec §6.0:
 * the cache ("live") and the API (direct reads) are set by the test; applies succeed with empty
 * output unless told otherwise; every call is counted. Side effects are answered at once, through
 * the same {@link TaskRunner} the phase runner uses.
 */
final class FakeCluster extends ClusterSyncIo {

  static final String NS = "fake-argocd-ns";
  static final String REVISION = "FooBarBaz";
  static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  /** The cluster cache the next step sees. */
  final List<KubeObject> live = new ArrayList<>();
  /** What a direct GET returns. */
  final Map<ResourceKey, KubeObject> api = new LinkedHashMap<>();
  final Map<String, HealthStatus> health = new HashMap<>();
  final Map<String, String> applyFailures = new HashMap<>();
  final Map<String, String> dryRunFailures = new HashMap<>();
  final Map<String, ApiException> updateFailures = new HashMap<>();
  final Map<String, ApiException> deleteFailures = new HashMap<>();
  final Map<String, ApiException> getFailures = new HashMap<>();

  final List<String> updates = new ArrayList<>();
  final List<String> deletes = new ArrayList<>();
  final List<Applied> applies = new ArrayList<>();
  final List<RunTasksRequest> runs = new ArrayList<>();
  /** When set, every real (non dry-run) apply makes the object readable through the API. */
  boolean apiAddsApplied;

  /** One write: the object's name, the method, its flags and whether it was a dry run. */
  record Applied(String name, ApplyStrategy.Method method, ApplyStrategy strategy, boolean dryRun) {}

  /** {@code health{n: S}}: status S with message "test" for objects named n. */
  HealthOverride healthOverride() {
    return obj -> {
      HealthStatus st = health.get(obj.name());
      return st == null ? Optional.empty() : Optional.of(new HealthResult(st, "test"));
    };
  }

  void setLive(KubeObject... objects) {
    live.clear();
    live.addAll(List.of(objects));
  }

  void addLive(KubeObject obj) {
    live.add(obj);
  }

  void apiHas(KubeObject obj) {
    api.put(ResourceKey.of(obj), obj);
  }

  List<KubeObject> liveSnapshot() {
    return List.copyOf(live);
  }

  // SyncIo

  @Override
  public RunTasksResult runTasks(RunTasksRequest request) {
    runs.add(request);
    return super.runTasks(request);
  }

  @Override
  protected Lookup read(KubeObject o) {
    ApiException e = getFailures.get(o.name());
    if (e != null) {
      return Lookup.failed(e);
    }
    KubeObject found = api.get(ResourceKey.of(o));
    return found == null ? Lookup.notFound() : Lookup.found(found);
  }

  // ClusterOps

  @Override
  public void removeHookFinalizer(KubeObject obj) throws ApiException {
    if (!obj.hasFinalizer(Annotations.HOOK_FINALIZER)) {
      return;
    }
    updates.add(obj.name());
    ApiException e = updateFailures.get(obj.name());
    if (e != null) {
      throw e;
    }
  }

  @Override
  public void delete(KubeObject obj, String propagationPolicy) throws ApiException {
    deletes.add(obj.name());
    ApiException e = deleteFailures.get(obj.name());
    if (e != null) {
      throw e;
    }
  }

  @Override
  public ClusterOps.Applied apply(
      KubeObject target, KubeObject liveObj, ApplyStrategy.Method method, ApplyStrategy strategy,
      boolean dryRun) throws ApiException {
    applies.add(new Applied(target.name(), method, strategy, dryRun));
    String failure = dryRun ? dryRunFailures.get(target.name()) : applyFailures.get(target.name());
    if (failure == null && dryRun) {
      failure = applyFailures.get(target.name() + "#dry-run");
    }
    if (failure != null) {
      throw new ApiException(422, failure);
    }
    if (apiAddsApplied && !dryRun) {
      apiHas(target);
    }
    return new ClusterOps.Applied("", "", 0);
  }

  List<String> appliedNames(boolean dryRun) {
    return applies.stream().filter(a -> a.dryRun() == dryRun).map(Applied::name).toList();
  }
}
