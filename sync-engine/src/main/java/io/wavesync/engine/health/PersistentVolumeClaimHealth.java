package io.wavesync.engine.health;

import static io.wavesync.engine.health.Fields.str;

import io.wavesync.engine.model.KubeObject;

/** core/v1 PersistentVolumeClaim, as Argo CD's {@code health_pvc.go}. */
final class PersistentVolumeClaimHealth {

  private PersistentVolumeClaimHealth() {}

  static HealthResult check(KubeObject pvc) throws HealthCheckException {
    if (!"v1".equals(pvc.version())) {
      throw HealthCheckException.builtIn(
          "unsupported PersistentVolumeClaim GVK: " + Fields.gvk(pvc));
    }
    HealthStatus status =
        switch (str(pvc, "status", "phase")) {
          case "Lost" -> HealthStatus.Degraded;
          case "Pending" -> HealthStatus.Progressing;
          case "Bound" -> HealthStatus.Healthy;
          default -> HealthStatus.Unknown;
        };
    return HealthResult.of(status);
  }
}
