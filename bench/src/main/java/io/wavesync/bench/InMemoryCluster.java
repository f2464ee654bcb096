package io.wavesync.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wavesync.engine.hook.Annotations;
import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.model.ResourceKey;
import io.wavesync.engine.sync.ApiException;
import io.wavesync.engine.sync.ApplyStrategy;
import io.wavesync.engine.sync.ClusterSyncIo;
import io.wavesync.engine.sync.RunTasksRequest;
import io.wavesync.engine.sync.RunTasksResult;
import io.wavesync.engine.sync.SyncIo;
import io.wavesync.engine.sync.TaskRunner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A synchronous, in-memory cluster in which every call succeeds and every applied object is at once
 * in its final, healthy state (Jobs complete, Deployments rolled out, Ingresses addressed). Side
 * effects go through the engine's own {@link TaskRunner}, as in the phase runner.
 *
 * <p>A <em>recording</em> cluster keeps what is applied, deleted and un-finalized, which drives an
 * operation forward; a <em>frozen</em> one answers the same calls without changing, so a benchmark
 * can repeat one step on the same state.
 */
final class InMemoryCluster extends ClusterSyncIo {

  /** Kinds without a namespace: the API server drops the one the engine gives their targets. */
  private static final Set<String> CLUSTER_SCOPED =
      Set.of("Namespace", "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding");

  private static final Applied DRY_RUN = new Applied("created (dry run)", "", 0);

  private final Map<ResourceKey, KubeObject> objects;
  private final boolean recording;
  private final TaskRunner runner = new TaskRunner(this);

  private InMemoryCluster(Map<ResourceKey, KubeObject> objects, boolean recording) {
    this.objects = objects;
    this.recording = recording;
  }

  static InMemoryCluster recording() {
    return new InMemoryCluster(new LinkedHashMap<>(), true);
  }

  /** An unchanging copy of this cluster's current objects. */
  InMemoryCluster frozen() {
    return new InMemoryCluster(new LinkedHashMap<>(objects), false);
  }

  /** The live objects, as the engine's cache would list them. */
  List<KubeObject> live() {
    return new ArrayList<>(objects.values());
  }

  // SyncIo

  @Override
  public RunTasksResult runTasks(RunTasksRequest request) {
    return runner.run(request);
  }

  @Override
  protected Lookup read(KubeObject o) {
    KubeObject found = find(o);
    return found == null ? Lookup.notFound() : Lookup.found(found);
  }

  // ClusterOps

  @Override
  public void removeHookFinalizer(KubeObject live) {
    KubeObject found = find(live);
    if (recording && found != null) {
      objects.put(ResourceKey.of(found), found.withoutFinalizer(Annotations.HOOK_FINALIZER));
    }
  }

  @Override
  public void delete(KubeObject obj, String propagationPolicy) throws ApiException {
    KubeObject found = find(obj);
    if (found == null) {
      throw ApiException.notFound(obj.kind() + " \"" + obj.name() + "\" not found");
    }
    if (recording) {
      objects.remove(ResourceKey.of(found));
    }
  }

  @Override
  public Applied apply(
      KubeObject target, KubeObject live, ApplyStrategy.Method method, ApplyStrategy strategy,
      boolean dryRun) {
    if (dryRun) {
      // nothing is written, and the engine records no result for a dry run that succeeds
      return DRY_RUN;
    }
    KubeObject settled = settle(target);
    if (recording) {
      objects.put(ResourceKey.of(settled), settled);
    }
    String verb = live == null ? " created" : " configured";
    return new Applied(target.kind().toLowerCase() + "/" + target.name() + verb,
        settled.uid(), settled.generation());
  }

  private KubeObject find(KubeObject obj) {
    KubeObject found = objects.get(ResourceKey.of(obj));
    return found != null ? found : objects.get(ResourceKey.of(obj).withNamespace(""));
  }

  /** The object as a cluster would hold it once its controllers are done with it. */
  private static KubeObject settle(KubeObject target) {
    ObjectNode n = target.json().deepCopy();
    ObjectNode meta = (ObjectNode) n.get("metadata");
    if (CLUSTER_SCOPED.contains(target.kind())) {
      meta.remove("namespace");
    }
    String key = ResourceKey.of(target).toString();
    meta.put("uid", UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString());
    meta.put("resourceVersion", "1");
    meta.put("generation", 1);
    meta.put("creationTimestamp", SyntheticApplication.STARTED_AT.toString());
    switch (target.kind()) {
      case "Deployment" -> {
        int replicas = n.path("spec").path("replicas").asInt(1);
        ObjectNode status = n.putObject("status");
        status.put("observedGeneration", 1);
        status.put("replicas", replicas);
        status.put("updatedReplicas", replicas);
        status.put("readyReplicas", replicas);
        status.put("availableReplicas", replicas);
      }
      case "Job" -> {
        ObjectNode status = n.putObject("status");
        status.put("succeeded", 1);
        ObjectNode c = status.putArray("conditions").addObject();
        c.put("type", "Complete");
        c.put("status", "True");
      }
      case "Pod" -> n.putObject("status").put("phase", "Succeeded");
      case "Ingress" ->
          n.putObject("status").putObject("loadBalancer").putArray("ingress").addObject()
              .put("ip", "10.0.0.10");
      default -> {
        // the other kinds have no health to report
      }
    }
    return KubeObject.of(n);
  }
}
