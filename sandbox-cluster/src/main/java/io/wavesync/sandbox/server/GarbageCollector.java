package io.wavesync.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The part of kube-controller-manager that deletes things: background garbage collection of
 * dependents whose owners are gone, foreground deletion (dependents first, then the
 * {@code foregroundDeletion} finalizer comes off) and namespace termination. It works on the store
 * directly, through the API server logic, so it needs no client.
 */
public final class GarbageCollector {

  private static final Logger LOG = Logger.getLogger(GarbageCollector.class.getName());
  private static final Duration RECHECK = Duration.ofMillis(250);

  private final SandboxDispatcher api;
  private final ScheduledExecutorService executor;
  private final Duration delay;
  private final AtomicBoolean sweepPending = new AtomicBoolean();
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  // An owner index kept from the store's changes, so that finding an object's dependents does not
  // parse every stored object (it did, and under load that was most of the sandbox's CPU).
  private final Set<String> liveUids = ConcurrentHashMap.newKeySet();
  private final Map<String, Set<String>> dependentsByOwner = new ConcurrentHashMap<>();
  private final Map<String, List<String>> ownersByPath = new ConcurrentHashMap<>();
  // dependents to check at the next sweep: an owner of theirs went away, or never existed
  private final Set<String> orphanCandidates = ConcurrentHashMap.newKeySet();

  public GarbageCollector(SandboxDispatcher api, ScheduledExecutorService executor,
      Duration delay) {
    this.api = api;
    this.executor = executor;
    this.delay = delay;
  }

  /** Store listener: runs under the store lock, so it only updates the index and schedules work. */
  public void onChange(SandboxStore.Change change) {
    JsonNode metadata = change.object().path("metadata");
    String uid = metadata.path("uid").asText();
    if (change.type().equals("DELETED")) {
      liveUids.remove(uid);
      unindex(change.path());
      Set<String> dependents = dependentsByOwner.get(uid);
      if (dependents != null && !dependents.isEmpty()) {
        orphanCandidates.addAll(dependents);
        scheduleSweep();
      }
      return;
    }
    liveUids.add(uid);
    List<String> owners = ownerUids(change.object());
    index(change.path(), owners);
    if (!owners.isEmpty() && owners.stream().noneMatch(liveUids::contains)) {
      orphanCandidates.add(change.path());
      scheduleSweep();
    }
    if (executor.isShutdown() || !metadata.has("deletionTimestamp")) {
      return;
    }
    List<String> finalizers = finalizers(change.object());
    if (finalizers.contains(SandboxDispatcher.FOREGROUND_FINALIZER) && pending.add(uid)) {
      schedule(() -> foreground(change.path(), uid), Duration.ZERO);
    } else if ("Namespace".equals(change.object().path("kind").asText())
        && finalizers.contains(SandboxDispatcher.NAMESPACE_FINALIZER) && pending.add(uid)) {
      schedule(() -> terminateNamespace(change.path(), metadata.path("name").asText(), uid),
          Duration.ZERO);
    }
  }

  private void index(String path, List<String> owners) {
    List<String> before = ownersByPath.get(path);
    if (owners.equals(before)) {
      return;
    }
    unindex(path);
    if (!owners.isEmpty()) {
      ownersByPath.put(path, owners);
      for (String owner : owners) {
        dependentsByOwner.computeIfAbsent(owner, k -> ConcurrentHashMap.newKeySet()).add(path);
      }
    }
  }

  private void unindex(String path) {
    List<String> owners = ownersByPath.remove(path);
    if (owners == null) {
      return;
    }
    for (String owner : owners) {
      dependentsByOwner.computeIfPresent(owner, (k, paths) -> {
        paths.remove(path);
        return paths.isEmpty() ? null : paths;
      });
    }
  }

  private void scheduleSweep() {
    if (!executor.isShutdown() && sweepPending.compareAndSet(false, true)) {
      schedule(this::sweep, delay);
    }
  }

  /** Deletes the candidates that have owners but none of them exists any more. */
  private void sweep() {
    sweepPending.set(false);
    List<String> candidates = new ArrayList<>(orphanCandidates);
    orphanCandidates.removeAll(candidates);
    for (String path : candidates) {
      JsonNode node = api.get(path).orElse(null);
      if (node == null) {
        continue;
      }
      List<String> owners = ownerUids(node);
      if (!owners.isEmpty() && owners.stream().noneMatch(liveUids::contains)
          && !node.path("metadata").has("deletionTimestamp")) {
        delete(path, "Background");
      }
    }
  }

  private void foreground(String path, String uid) {
    JsonNode owner = api.get(path).orElse(null);
    if (owner == null || !owner.path("metadata").path("uid").asText().equals(uid)
        || !finalizers(owner).contains(SandboxDispatcher.FOREGROUND_FINALIZER)) {
      pending.remove(uid);
      return;
    }
    Map<String, JsonNode> dependents = new LinkedHashMap<>();
    for (String dependentPath : List.copyOf(dependentsByOwner.getOrDefault(uid, Set.of()))) {
      api.get(dependentPath).filter(d -> ownerUids(d).contains(uid))
          .ifPresent(d -> dependents.put(dependentPath, d));
    }
    if (dependents.isEmpty()) {
      pending.remove(uid);
      api.update(path, current -> {
        removeFinalizer(current, SandboxDispatcher.FOREGROUND_FINALIZER);
        return current;
      });
      return;
    }
    dependents.forEach((dependentPath, dependent) -> {
      if (!dependent.path("metadata").has("deletionTimestamp")) {
        delete(dependentPath, "Foreground");
      }
    });
    schedule(() -> foreground(path, uid), RECHECK);
  }

  private void terminateNamespace(String path, String namespace, String uid) {
    JsonNode current = api.get(path).orElse(null);
    if (current == null || !current.path("metadata").path("uid").asText().equals(uid)) {
      pending.remove(uid);
      return;
    }
    List<StoredObject> content = api.store().snapshot().stream()
        .filter(o -> namespace.equals(o.namespace()))
        .toList();
    if (content.isEmpty()) {
      pending.remove(uid);
      api.update(path, ns -> {
        removeFinalizer(ns, SandboxDispatcher.NAMESPACE_FINALIZER);
        return ns;
      });
      return;
    }
    for (StoredObject object : content) {
      if (!SandboxStore.read(object.json()).path("metadata").has("deletionTimestamp")) {
        delete(object.path(), "Background");
      }
    }
    schedule(() -> terminateNamespace(path, namespace, uid), RECHECK);
  }

  private void delete(String path, String policy) {
    ObjectNode options = JsonNodeFactory.instance.objectNode();
    options.put("apiVersion", "v1");
    options.put("kind", "DeleteOptions");
    options.put("propagationPolicy", policy);
    api.call(HttpMethod.DELETE, path, options);
  }

  private void schedule(Runnable task, Duration after) {
    if (executor.isShutdown()) {
      return;
    }
    executor.schedule(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "garbage collection failed", e);
      }
    }, after.toMillis(), TimeUnit.MILLISECONDS);
  }

  static List<String> ownerUids(JsonNode object) {
    List<String> uids = new ArrayList<>();
    for (JsonNode ref : object.path("metadata").path("ownerReferences")) {
      uids.add(ref.path("uid").asText());
    }
    return uids;
  }

  private static List<String> finalizers(JsonNode object) {
    List<String> result = new ArrayList<>();
    object.path("metadata").path("finalizers").forEach(f -> result.add(f.asText()));
    return result;
  }

  private static void removeFinalizer(ObjectNode object, String finalizer) {
    JsonNode finalizers = object.path("metadata").path("finalizers");
    if (finalizers.isArray()) {
      ArrayNode list = (ArrayNode) finalizers;
      for (int i = list.size() - 1; i >= 0; i--) {
        if (list.get(i).asText().equals(finalizer)) {
          list.remove(i);
        }
      }
    }
  }
}
