package io.wavesync.engine.health;

import static io.wavesync.engine.health.Fields.list;

import io.wavesync.engine.model.KubeObject;

/**
 * Ingress in {@code networking.k8s.io} or {@code extensions}, any version, as Argo CD's {@code
 * health_ingress.go}: healthy once the controller has published an address.
 */
final class IngressHealth {

  private IngressHealth() {}

  static HealthResult check(KubeObject ingress) {
    return list(ingress, "status", "loadBalancer", "ingress").isEmpty()
        ? HealthResult.of(HealthStatus.Progressing)
        : HealthResult.of(HealthStatus.Healthy);
  }
}
