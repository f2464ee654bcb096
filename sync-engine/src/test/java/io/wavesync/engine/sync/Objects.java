package io.wavesync.engine.sync;

import io.wavesync.engine.hook.Annotations;
import io.wavesync.engine.model.KubeObject;

/** Test objects of spec §6.0: {@code Pod(n)}, {@code Svc(n)}, {@code Hook(n, type, policy)}. */
final class Objects {

  private Objects() {}

  static KubeObject pod(String name) {
    return KubeObject.of("v1", "Pod", FakeCluster.NS, name);
  }

  static KubeObject pod() {
    return pod("my-pod");
  }

  static KubeObject svc(String name) {
    return KubeObject.of("v1", "Service", FakeCluster.NS, name);
  }

  static KubeObject svc() {
    return svc("my-service");
  }

  static KubeObject hook(String name, String type, String policy) {
    return pod(name)
        .withAnnotation(Annotations.HOOK, type)
        .withAnnotation(Annotations.HOOK_DELETE_POLICY, policy)
        .withFinalizer(Annotations.HOOK_FINALIZER);
  }

  static KubeObject wave(KubeObject obj, long wave) {
    return obj.withAnnotation(Annotations.SYNC_WAVE, Long.toString(wave));
  }

  static KubeObject syncOptions(KubeObject obj, String options) {
    return obj.withAnnotation(Annotations.SYNC_OPTIONS, options);
  }

  static KubeObject deleting(KubeObject obj) {
    KubeObject copy = obj.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) copy.json().get("metadata"))
        .put("deletionTimestamp", "2026-03-01T10:00:05Z");
    return copy;
  }
}
