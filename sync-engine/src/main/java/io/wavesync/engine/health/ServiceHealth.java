package io.wavesync.engine.health;

import static io.wavesync.engine.health.Fields.list;
import static io.wavesync.engine.health.Fields.str;

import io.wavesync.engine.model.KubeObject;

/** core/v1 Service, as Argo CD's {@code health_service.go}. */
final class ServiceHealth {

  private ServiceHealth() {}

  static HealthResult check(KubeObject svc) throws HealthCheckException {
    if (!"v1".equals(svc.version())) {
      throw HealthCheckException.builtIn("unsupported Service GVK: " + Fields.gvk(svc));
    }
    // Only a LoadBalancer waits for something external: the cloud provider's address.
    if ("LoadBalancer".equals(str(svc, "spec", "type"))
        && list(svc, "status", "loadBalancer", "ingress").isEmpty()) {
      return HealthResult.of(HealthStatus.Progressing);
    }
    return HealthResult.of(HealthStatus.Healthy);
  }
}
