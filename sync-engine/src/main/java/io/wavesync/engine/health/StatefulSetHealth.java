package io.wavesync.engine.health;

import static io.wavesync.engine.health.Fields.num;
import static io.wavesync.engine.health.Fields.optNum;
import static io.wavesync.engine.health.Fields.str;

import com.fasterxml.jackson.databind.JsonNode;
import io.wavesync.engine.model.KubeObject;

/** apps/v1 StatefulSet, as Argo CD's {@code health_statefulset.go} (kubectl's rollout status). */
final class StatefulSetHealth {

  private StatefulSetHealth() {}

  static HealthResult check(KubeObject sts) throws HealthCheckException {
    if (!"v1".equals(sts.version())) {
      throw HealthCheckException.builtIn("unsupported StatefulSet GVK: " + Fields.gvk(sts));
    }
    long observed = num(sts, "status", "observedGeneration");
    // Unlike other workloads, a StatefulSet never observed (observedGeneration 0) is waited for.
    if (observed == 0 || sts.generation() > observed) {
      return new HealthResult(
          HealthStatus.Progressing, "Waiting for statefulset spec update to be observed...");
    }
    Long replicas = optNum(sts, "spec", "replicas");
    long ready = num(sts, "status", "readyReplicas");
    long updated = num(sts, "status", "updatedReplicas");
    if (replicas != null && ready < replicas) {
      return new HealthResult(
          HealthStatus.Progressing, "Waiting for " + (replicas - ready) + " pods to be ready...");
    }
    String strategy = str(sts, "spec", "updateStrategy", "type");
    JsonNode rollingUpdate = Fields.at(sts, "spec", "updateStrategy", "rollingUpdate");
    if ("RollingUpdate".equals(strategy) && rollingUpdate != null && rollingUpdate.isObject()) {
      Long partition = optNum(rollingUpdate, "partition");
      if (replicas != null && partition != null && updated < replicas - partition) {
        return new HealthResult(
            HealthStatus.Progressing,
            "Waiting for partitioned roll out to finish: "
                + updated
                + " out of "
                + (replicas - partition)
                + " new pods have been updated...");
      }
      return new HealthResult(
          HealthStatus.Healthy,
          "partitioned roll out complete: " + updated + " new pods have been updated...");
    }
    if ("OnDelete".equals(strategy)) {
      return new HealthResult(HealthStatus.Healthy, "statefulset has " + ready + " ready pods");
    }
    String updateRevision = str(sts, "status", "updateRevision");
    String currentRevision = str(sts, "status", "currentRevision");
    if (!updateRevision.equals(currentRevision)) {
      return new HealthResult(
          HealthStatus.Progressing,
          "waiting for statefulset rolling update to complete "
              + updated
              + " pods at revision "
              + updateRevision
              + "...");
    }
    return new HealthResult(
        HealthStatus.Healthy,
        "statefulset rolling update complete "
            + num(sts, "status", "currentReplicas")
            + " pods at revision "
            + currentRevision
            + "...");
  }
}
