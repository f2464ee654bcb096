package io.wavesync.engine.sync;

import io.wavesync.engine.hook.Hooks;
import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.model.ResourceKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Target objects matched to live objects (spec §2.1): hooks split off, ignored objects dropped,
 * unmatched live objects kept as prune candidates (and as the previous copies of hooks).
 */
public record Reconciliation(List<Resource> resources, List<KubeObject> hooks) {

  /** A target/live pair; either side may be null. */
  public record Resource(KubeObject target, KubeObject live) {
    public ResourceKey key() {
      return ResourceKey.of(live != null ? live : target);
    }
  }

  public Reconciliation {
    resources = List.copyOf(resources);
    hooks = List.copyOf(hooks);
  }

  /**
   * Reconciles: PreDelete/PostDelete-only hooks and ignored objects leave the sync set; hooks go to
   * {@link #hooks()}; other targets (Skip included) are matched to live objects by group, kind,
   * namespace (the destination namespace when empty; any namespace for cluster-scoped live
   * objects) and name.
   */
  public static Reconciliation of(
      List<KubeObject> targets, List<KubeObject> liveObjects, String destinationNamespace) {
    List<KubeObject> hooks = new ArrayList<>();
    List<KubeObject> managed = new ArrayList<>();
    for (KubeObject t : targets) {
      if (t == null || Hooks.excludedFromSync(t) || Hooks.isIgnored(t)) {
        continue;
      }
      (Hooks.isHook(t) ? hooks : managed).add(t);
    }
    Map<ResourceKey, KubeObject> liveByKey = new LinkedHashMap<>();
    for (KubeObject l : liveObjects) {
      liveByKey.putIfAbsent(ResourceKey.of(l), l);
    }
    Set<ResourceKey> matched = new HashSet<>();
    List<Resource> resources = new ArrayList<>();
    for (KubeObject t : managed) {
      String ns = t.namespace().isEmpty() ? destinationNamespace : t.namespace();
      ResourceKey key = new ResourceKey(t.group(), t.kind(), ns, t.name());
      KubeObject live = liveByKey.get(key);
      if (live == null) {
        // cluster-scoped objects are live without a namespace whatever the manifest says
        key = key.withNamespace("");
        live = liveByKey.get(key);
      }
      if (live != null && matched.add(key)) {
        resources.add(new Resource(t, live));
      } else {
        resources.add(new Resource(t, null));
      }
    }
    for (Map.Entry<ResourceKey, KubeObject> e : liveByKey.entrySet()) {
      if (!matched.contains(e.getKey())) {
        resources.add(new Resource(null, e.getValue()));
      }
    }
    return new Reconciliation(resources, hooks);
  }
}
