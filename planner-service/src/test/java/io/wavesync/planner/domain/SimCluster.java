package io.wavesync.planner.domain;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wavesync.engine.hook.Annotations;
import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.model.ResourceKey;
import io.wavesync.engine.sync.ApiException;
import io.wavesync.engine.sync.ApplyStrategy;
import io.wavesync.engine.sync.ClusterOps;
import io.wavesync.engine.sync.JournalIo;
import io.wavesync.engine.sync.SyncIo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory cluster for planner tests: applies, deletes (honouring finalizers) and reads
 * objects, counts creations per name, and lets the test complete Jobs and roll out Deployments.
 */
final class SimCluster extends io.wavesync.engine.sync.ClusterSyncIo {

  final Map<ResourceKey, KubeObject> objects = new LinkedHashMap<>();
  final Map<String, Integer> creations = new HashMap<>();
  final List<ResourceKey> changed = new ArrayList<>();
  private int uid;
  private int rv;

  // ClusterOps

  @Override
  public void removeHookFinalizer(KubeObject live) throws ApiException {
    KubeObject o = objects.get(ResourceKey.of(live));
    if (o == null) {
      return;
    }
    put(o.withoutFinalizer(Annotations.HOOK_FINALIZER));
  }

  @Override
  public void delete(KubeObject obj, String propagationPolicy) throws ApiException {
    ResourceKey k = ResourceKey.of(obj);
    KubeObject o = objects.get(k);
    if (o == null) {
      throw ApiException.notFound(obj.kind().toLowerCase() + "s \"" + obj.name() + "\" not found");
    }
    if (o.finalizers().isEmpty()) {
      objects.remove(k);
      changed.add(k);
    } else {
      KubeObject copy = o.deepCopy();
      ((ObjectNode) copy.json().get("metadata")).put("deletionTimestamp", "2026-03-01T10:00:00Z");
      put(copy);
    }
  }

  @Override
  public Applied apply(KubeObject target, KubeObject live, ApplyStrategy.Method method,
      ApplyStrategy strategy, boolean dryRun) throws ApiException {
    String ref = target.kind().toLowerCase() + (target.group().isEmpty() ? "" : "." + target.group())
        + "/" + target.name();
    if (dryRun) {
      return new Applied(ref + " created (dry run)", "", 0);
    }
    ResourceKey k = ResourceKey.of(target);
    KubeObject existing = objects.get(k);
    KubeObject next = target.deepCopy();
    ObjectNode meta = (ObjectNode) next.json().get("metadata");
    if (existing == null) {
      meta.put("uid", "uid-" + (++uid));
      meta.put("generation", 1);
      creations.merge(target.name(), 1, Integer::sum);
    } else {
      meta.put("uid", existing.uid());
      boolean specChanged = !java.util.Objects.equals(existing.json().get("spec"), next.json().get("spec"));
      meta.put("generation", existing.generation() + (specChanged ? 1 : 0));
      if (existing.json().has("status")) {
        next.json().set("status", existing.json().get("status").deepCopy());
      }
    }
    put(next);
    KubeObject stored = objects.get(k);
    return new Applied(ref + (existing == null ? " created" : " configured"), stored.uid(),
        stored.generation());
  }

  private void put(KubeObject o) {
    ObjectNode meta = (ObjectNode) o.json().get("metadata");
    meta.put("resourceVersion", Integer.toString(++rv));
    ResourceKey k = ResourceKey.of(o);
    if (o.isBeingDeleted() && o.finalizers().isEmpty()) {
      objects.remove(k);
    } else {
      objects.put(k, o);
    }
    changed.add(k);
  }

  // SyncIo, to answer the planner's commands

  @Override
  protected Lookup read(KubeObject o) {
    KubeObject found = objects.get(ResourceKey.of(o));
    return found == null ? Lookup.notFound() : Lookup.found(found);
  }

  /** The stored form of the answer to a planner command. */
  StoredAnswer answer(PlannerCore.Output command) {
    if (command instanceof PlannerCore.SendRunTasks r) {
      return new StoredAnswer(StoredAnswer.Kind.RUN_TASKS, runTasks(r.request()), List.of());
    }
    PlannerCore.SendCleanup c = (PlannerCore.SendCleanup) command;
    JournalIo.Call call = switch (c.kind()) {
      case REMOVE_FINALIZERS -> new JournalIo.RemoveFinalizersCall(c.objects());
      case DELETE -> new JournalIo.DeleteCall(c.objects(), c.propagationPolicy());
      default -> new JournalIo.GetCall(c.objects());
    };
    Object engineAnswer = JournalIo.answerWith(call, this);
    List<StoredAnswer.Outcome> outcomes = new ArrayList<>();
    for (KubeObject o : c.objects()) {
      ResourceKey k = ResourceKey.of(o);
      if (engineAnswer instanceof Map<?, ?> m && m.get(k) instanceof ApiException e) {
        outcomes.add(new StoredAnswer.Outcome(k, e.isNotFound(), e.code(), e.getMessage(), null));
      } else if (engineAnswer instanceof Map<?, ?> m && m.get(k) instanceof Lookup l) {
        outcomes.add(new StoredAnswer.Outcome(k, l.isNotFound(), null, null, l.object()));
      } else {
        outcomes.add(new StoredAnswer.Outcome(k, false, null, null, null));
      }
    }
    return StoredAnswer.of(c.kind(), outcomes);
  }

  /** The Job controller: the Job completes (or fails). */
  void finishJob(String name, boolean succeeded) {
    KubeObject job = byName(name);
    KubeObject copy = job.deepCopy();
    ObjectNode status = copy.json().putObject("status");
    ArrayNode conditions = status.putArray("conditions");
    conditions.addObject().put("type", succeeded ? "Complete" : "Failed").put("status", "True")
        .put("message", succeeded ? "" : "Job has reached the specified backoff limit");
    put(copy);
  }

  /** The Deployment controller: the rollout of the current generation is complete. */
  void rollOut(String name) {
    KubeObject d = byName(name);
    KubeObject copy = d.deepCopy();
    ObjectNode status = copy.json().putObject("status");
    int replicas = copy.json().path("spec").path("replicas").asInt(1);
    status.put("observedGeneration", d.generation());
    status.put("replicas", replicas).put("updatedReplicas", replicas)
        .put("readyReplicas", replicas).put("availableReplicas", replicas);
    put(copy);
  }

  KubeObject byName(String name) {
    return objects.values().stream().filter(o -> o.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no object " + name + " in " + objects.keySet()));
  }
}
