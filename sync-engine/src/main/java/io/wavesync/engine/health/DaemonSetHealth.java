package io.wavesync.engine.health;

import static io.wavesync.engine.health.Fields.num;
import static io.wavesync.engine.health.Fields.str;

import io.wavesync.engine.model.KubeObject;

/** apps/v1 DaemonSet, as Argo CD's {@code health_daemonset.go} (kubectl's rollout status). */
final class DaemonSetHealth {

  private DaemonSetHealth() {}

  static HealthResult check(KubeObject ds) throws HealthCheckException {
    if (!"v1".equals(ds.version())) {
      throw HealthCheckException.builtIn("unsupported DaemonSet GVK: " + Fields.gvk(ds));
    }
    if (ds.generation() > num(ds, "status", "observedGeneration")) {
      return new HealthResult(
          HealthStatus.Progressing,
          "Waiting for rollout to finish: observed daemon set generation less than desired"
              + " generation");
    }
    long updated = num(ds, "status", "updatedNumberScheduled");
    long desired = num(ds, "status", "desiredNumberScheduled");
    long available = num(ds, "status", "numberAvailable");
    if ("OnDelete".equals(str(ds, "spec", "updateStrategy", "type"))) {
      return new HealthResult(
          HealthStatus.Healthy,
          "daemon set " + updated + " out of " + desired + " new pods have been updated");
    }
    if (updated < desired) {
      return new HealthResult(
          HealthStatus.Progressing,
          "Waiting for daemon set "
              + Fields.quote(ds.name())
              + " rollout to finish: "
              + updated
              + " out of "
              + desired
              + " new pods have been updated...");
    }
    if (available < desired) {
      return new HealthResult(
          HealthStatus.Progressing,
          "Waiting for daemon set "
              + Fields.quote(ds.name())
              + " rollout to finish: "
              + available
              + " of "
              + desired
              + " updated pods are available...");
    }
    return HealthResult.of(HealthStatus.Healthy);
  }
}
