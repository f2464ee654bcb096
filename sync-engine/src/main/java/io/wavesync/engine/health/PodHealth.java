package io.wavesync.engine.health;

import static io.wavesync.engine.health.Fields.list;
import static io.wavesync.engine.health.Fields.num;
import static io.wavesync.engine.health.Fields.str;

import com.fasterxml.jackson.databind.JsonNode;
import io.wavesync.engine.hook.Hooks;
import io.wavesync.engine.model.KubeObject;
import java.util.ArrayList;
import java.util.List;

/** core/v1 Pod, as Argo CD's {@code health_pod.go}. */
final class PodHealth {

  /** Makes a running finite pod (restartPolicy Never/OnFailure) count as a long-running one. */
  static final String IGNORE_RESTART_POLICY = "argocd.argoproj.io/ignore-restart-policy";

  private PodHealth() {}

  static HealthResult check(KubeObject pod) throws HealthCheckException {
    if (!"v1".equals(pod.version())) {
      throw HealthCheckException.builtIn("unsupported Pod GVK: " + Fields.gvk(pod));
    }
    String message = str(pod, "status", "message");
    String policy = str(pod, "spec", "restartPolicy");
    // The annotation is ignored on hooks: a hook pod must stay running until it terminates.
    boolean longRunning =
        "Always".equals(policy)
            || ("true".equals(pod.annotation(IGNORE_RESTART_POLICY)) && !Hooks.isHook(pod));

    // Only long-running pods are failed for a container that cannot start. A finite pod is
    // typically a hook: failing it on ImagePullBackOff would fail the sync early, and the pod
    // would still run later once the image appears.
    if (longRunning) {
      List<String> messages = new ArrayList<>();
      for (JsonNode cs : list(pod, "status", "containerStatuses")) {
        JsonNode waiting = Fields.at(cs, "state", "waiting");
        if (waiting == null || !waiting.isObject()) {
          continue;
        }
        String reason = str(waiting, "reason");
        if (reason.startsWith("Err") || reason.endsWith("Error") || reason.endsWith("BackOff")) {
          messages.add(str(waiting, "message"));
        }
      }
      if (!messages.isEmpty()) {
        return new HealthResult(HealthStatus.Degraded, String.join(", ", messages));
      }
    }

    switch (str(pod, "status", "phase")) {
      case "Pending":
        return new HealthResult(HealthStatus.Progressing, message);
      case "Succeeded":
        return new HealthResult(HealthStatus.Healthy, message);
      case "Failed":
        return new HealthResult(HealthStatus.Degraded, failureMessage(pod, message));
      case "Running":
        if (longRunning) {
          if (isReady(pod)) {
            return new HealthResult(HealthStatus.Healthy, message);
          }
          for (JsonNode cs : list(pod, "status", "containerStatuses")) {
            JsonNode last = Fields.at(cs, "lastState", "terminated");
            if (last != null && last.isObject()) {
              return new HealthResult(HealthStatus.Degraded, message);
            }
          }
          return new HealthResult(HealthStatus.Progressing, message);
        }
        if ("OnFailure".equals(policy) || "Never".equals(policy)) {
          // A finite pod is running until it terminates: that is what makes it usable as a hook.
          return new HealthResult(HealthStatus.Progressing, message);
        }
        return new HealthResult(HealthStatus.Unknown, message);
      default:
        return new HealthResult(HealthStatus.Unknown, message);
    }
  }

  /** The pod's own message, else the first init or main container that explains the failure. */
  private static String failureMessage(KubeObject pod, String podMessage) {
    if (!podMessage.isEmpty()) {
      return podMessage;
    }
    List<JsonNode> statuses = new ArrayList<>(list(pod, "status", "initContainerStatuses"));
    statuses.addAll(list(pod, "status", "containerStatuses"));
    for (JsonNode cs : statuses) {
      JsonNode terminated = Fields.at(cs, "state", "terminated");
      if (terminated == null || !terminated.isObject()) {
        continue;
      }
      String msg = str(terminated, "message");
      if (!msg.isEmpty()) {
        return msg;
      }
      if ("OOMKilled".equals(str(terminated, "reason"))) {
        return "OOMKilled";
      }
      long exitCode = num(terminated, "exitCode");
      if (exitCode != 0) {
        return "container " + Fields.quote(str(cs, "name")) + " failed with exit code " + exitCode;
      }
    }
    return "";
  }

  private static boolean isReady(KubeObject pod) {
    JsonNode ready = Fields.condition(pod, "Ready");
    return ready != null && "True".equals(str(ready, "status"));
  }
}
