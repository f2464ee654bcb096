package io.wavesync.engine.health;

import static io.wavesync.engine.health.Fields.list;
import static io.wavesync.engine.health.Fields.str;

import com.fasterxml.jackson.databind.JsonNode;
import io.wavesync.engine.model.KubeObject;

/** apiregistration.k8s.io v1 and v1beta1 APIService, as Argo CD's {@code health_apiservice.go}. */
final class ApiServiceHealth {

  private ApiServiceHealth() {}

  static HealthResult check(KubeObject svc) throws HealthCheckException {
    if (!"v1".equals(svc.version()) && !"v1beta1".equals(svc.version())) {
      throw HealthCheckException.builtIn("unsupported APIService GVK: " + Fields.gvk(svc));
    }
    for (JsonNode c : list(svc, "status", "conditions")) {
      if ("Available".equals(str(c, "type"))) {
        String message = str(c, "reason") + ": " + str(c, "message");
        return new HealthResult(
            "True".equals(str(c, "status")) ? HealthStatus.Healthy : HealthStatus.Progressing,
            message);
      }
    }
    return new HealthResult(HealthStatus.Progressing, "Waiting to be processed");
  }
}
