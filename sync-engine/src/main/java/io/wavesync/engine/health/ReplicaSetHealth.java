package io.wavesync.engine.health;

import static io.wavesync.engine.health.Fields.num;
import static io.wavesync.engine.health.Fields.optNum;
import static io.wavesync.engine.health.Fields.str;

import com.fasterxml.jackson.databind.JsonNode;
import io.wavesync.engine.model.KubeObject;

/** apps/v1 ReplicaSet, as Argo CD's {@code health_replicaset.go}. */
final class ReplicaSetHealth {

  private ReplicaSetHealth() {}

  static HealthResult check(KubeObject rs) throws HealthCheckException {
    if (!"v1".equals(rs.version())) {
      throw HealthCheckException.builtIn("unsupported ReplicaSet GVK: " + Fields.gvk(rs));
    }
    if (rs.generation() > num(rs, "status", "observedGeneration")) {
      return new HealthResult(
          HealthStatus.Progressing,
          "Waiting for rollout to finish: observed replica set generation less than desired"
              + " generation");
    }
    JsonNode failure = Fields.condition(rs, "ReplicaFailure");
    if (failure != null && "True".equals(str(failure, "status"))) {
      return new HealthResult(HealthStatus.Degraded, str(failure, "message"));
    }
    Long replicas = optNum(rs, "spec", "replicas");
    long available = num(rs, "status", "availableReplicas");
    if (replicas != null && available < replicas) {
      return new HealthResult(
          HealthStatus.Progressing,
          "Waiting for rollout to finish: "
              + available
              + " out of "
              + replicas
              + " new replicas are available...");
    }
    return HealthResult.of(HealthStatus.Healthy);
  }
}
