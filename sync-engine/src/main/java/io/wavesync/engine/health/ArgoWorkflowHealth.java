package io.wavesync.engine.health;

import static io.wavesync.engine.health.Fields.str;

import io.wavesync.engine.model.KubeObject;

/** argoproj.io Workflow (any version), as Argo CD's {@code health_argo.go}. */
final class ArgoWorkflowHealth {

  private ArgoWorkflowHealth() {}

  static HealthResult check(KubeObject wf) {
    String message = str(wf, "status", "message");
    HealthStatus status =
        switch (str(wf, "status", "phase")) {
          // A workflow the controller has not picked up yet has no phase: it is about to run.
          case "", "Pending", "Running" -> HealthStatus.Progressing;
          case "Succeeded" -> HealthStatus.Healthy;
          case "Failed", "Error" -> HealthStatus.Degraded;
          default -> HealthStatus.Unknown;
        };
    return new HealthResult(status, message);
  }
}
