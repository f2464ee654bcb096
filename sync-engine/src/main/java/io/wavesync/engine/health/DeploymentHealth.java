package io.wavesync.engine.health;

import static io.wavesync.engine.health.Fields.num;
import static io.wavesync.engine.health.Fields.optNum;
import static io.wavesync.engine.health.Fields.str;

import com.fasterxml.jackson.databind.JsonNode;
import io.wavesync.engine.model.KubeObject;

/** apps/v1 Deployment, as Argo CD's {@code health_deployment.go} (kubectl's rollout status). */
final class DeploymentHealth {

  private DeploymentHealth() {}

  static HealthResult check(KubeObject d) throws HealthCheckException {
    if (!"v1".equals(d.version())) {
      throw HealthCheckException.builtIn("unsupported Deployment GVK: " + Fields.gvk(d));
    }
    JsonNode paused = Fields.at(d, "spec", "paused");
    if (paused != null && paused.isBoolean() && paused.booleanValue()) {
      return new HealthResult(HealthStatus.Suspended, "Deployment is paused");
    }
    if (d.generation() > num(d, "status", "observedGeneration")) {
      // The status still describes an older spec: whatever it says is not about this rollout.
      return new HealthResult(
          HealthStatus.Progressing,
          "Waiting for rollout to finish: observed deployment generation less than desired"
              + " generation");
    }
    JsonNode progressing = Fields.condition(d, "Progressing");
    Long replicas = optNum(d, "spec", "replicas");
    long updated = num(d, "status", "updatedReplicas");
    long current = num(d, "status", "replicas");
    long available = num(d, "status", "availableReplicas");
    if (progressing != null && "ProgressDeadlineExceeded".equals(str(progressing, "reason"))) {
      return new HealthResult(
          HealthStatus.Degraded,
          "Deployment " + Fields.quote(d.name()) + " exceeded its progress deadline");
    }
    if (replicas != null && updated < replicas) {
      return new HealthResult(
          HealthStatus.Progressing,
          "Waiting for rollout to finish: "
              + updated
              + " out of "
              + replicas
              + " new replicas have been updated...");
    }
    if (current > updated) {
      return new HealthResult(
          HealthStatus.Progressing,
          "Waiting for rollout to finish: "
              + (current - updated)
              + " old replicas are pending termination...");
    }
    if (available < updated) {
      return new HealthResult(
          HealthStatus.Progressing,
          "Waiting for rollout to finish: "
              + available
              + " of "
              + updated
              + " updated replicas are available...");
    }
    return HealthResult.of(HealthStatus.Healthy);
  }
}
