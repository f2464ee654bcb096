package io.wavesync.engine.health;

import static io.wavesync.engine.health.Fields.list;
import static io.wavesync.engine.health.Fields.str;

import com.fasterxml.jackson.databind.JsonNode;
import io.wavesync.engine.model.KubeObject;

/** batch/v1 Job, as Argo CD's {@code health_job.go}. */
final class JobHealth {

  private JobHealth() {}

  static HealthResult check(KubeObject job) throws HealthCheckException {
    if (!"v1".equals(job.version())) {
      throw HealthCheckException.builtIn("unsupported Job GVK: " + Fields.gvk(job));
    }
    boolean failed = false;
    boolean complete = false;
    boolean suspended = false;
    String failMessage = "";
    String message = "";
    // Conditions are matched by type only; the status matters for Suspended alone, so a Job whose
    // Suspended condition turned False (it was resumed) counts as complete and Healthy.
    for (JsonNode c : list(job, "status", "conditions")) {
      switch (str(c, "type")) {
        case "Failed" -> {
          failed = true;
          complete = true;
          failMessage = str(c, "message");
        }
        case "Complete" -> {
          complete = true;
          message = str(c, "message");
        }
        case "Suspended" -> {
          complete = true;
          message = str(c, "message");
          if ("True".equals(str(c, "status"))) {
            suspended = true;
          }
        }
        default -> {
          // other condition types do not affect health
        }
      }
    }
    if (!complete) {
      return new HealthResult(HealthStatus.Progressing, message);
    }
    if (failed) {
      return new HealthResult(HealthStatus.Degraded, failMessage);
    }
    if (suspended) {
      return new HealthResult(HealthStatus.Suspended, message);
    }
    return new HealthResult(HealthStatus.Healthy, message);
  }
}
