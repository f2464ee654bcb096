package io.wavesync.engine.health;

import io.wavesync.engine.hook.Annotations;
import io.wavesync.engine.model.KubeObject;
import java.util.Objects;
import java.util.Optional;

/**
 * Health assessment of Kubernetes objects: spec §3.2, with the built-in checks of Argo CD's health
 * package.
 *
 * <p>An empty result means the kind has no health check (a ConfigMap, a Secret, any custom resource
 * without an override); callers treat that as "nothing to wait for".
 */
public final class HealthAssessor {

  private HealthAssessor() {}

  /** Built-in checks only; an evaluation error comes back as its {@code Unknown} result. */
  public static Optional<HealthResult> assess(KubeObject obj) {
    try {
      return assess(obj, null);
    } catch (HealthCheckException e) {
      return Optional.of(e.result());
    }
  }

  /**
   * Assesses {@code obj}: pending deletion first, then the override (may be null), then the
   * built-in check for its group and kind.
   *
   * @throws HealthCheckException if the override throws, or the object is a kind with a built-in
   *     check in an apiVersion that check does not support; {@link HealthCheckException#result()}
   *     holds the {@code Unknown} health to record
   */
  public static Optional<HealthResult> assess(KubeObject obj, HealthOverride override)
      throws HealthCheckException {
    Objects.requireNonNull(obj, "obj");
    // A hook keeps its finalizer until wavesync has recorded its outcome, so its real health stays
    // visible while it is being deleted.
    if (obj.isBeingDeleted() && !obj.hasFinalizer(Annotations.HOOK_FINALIZER)) {
      return Optional.of(new HealthResult(HealthStatus.Progressing, "Pending deletion"));
    }
    if (override != null) {
      Optional<HealthResult> custom;
      try {
        custom = override.assess(obj);
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        String text = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
        throw new HealthCheckException(
            "failed to get resource health for " + obj.namespace() + "/" + obj.name() + ": " + text,
            new HealthResult(HealthStatus.Unknown, text),
            e);
      }
      if (custom != null && custom.isPresent()) {
        return custom;
      }
    }
    return builtIn(obj);
  }

  /**
   * Whether {@code live}'s health can be trusted for an operation that applied generation {@code
   * appliedGeneration} (wavesync decision 6): the object must be at least that generation and, if
   * it reports {@code status.observedGeneration}, its controller must have observed it. A
   * non-positive generation means "unknown" (for example a kind without generations) and is always
   * fresh.
   */
  public static boolean isFresh(KubeObject live, long appliedGeneration) {
    Objects.requireNonNull(live, "live");
    if (appliedGeneration <= 0) {
      return true;
    }
    if (live.generation() < appliedGeneration) {
      return false;
    }
    return live.observedGeneration().map(g -> g >= appliedGeneration).orElse(true);
  }

  private static Optional<HealthResult> builtIn(KubeObject obj) throws HealthCheckException {
    String kind = obj.kind();
    HealthResult result =
        switch (obj.group()) {
          case "apps" ->
              switch (kind) {
                case "Deployment" -> DeploymentHealth.check(obj);
                case "StatefulSet" -> StatefulSetHealth.check(obj);
                case "ReplicaSet" -> ReplicaSetHealth.check(obj);
                case "DaemonSet" -> DaemonSetHealth.check(obj);
                default -> null;
              };
          case "extensions", "networking.k8s.io" ->
              "Ingress".equals(kind) ? IngressHealth.check(obj) : null;
          case "argoproj.io" -> "Workflow".equals(kind) ? ArgoWorkflowHealth.check(obj) : null;
          case "apiregistration.k8s.io" ->
              "APIService".equals(kind) ? ApiServiceHealth.check(obj) : null;
          case "" ->
              switch (kind) {
                case "Service" -> ServiceHealth.check(obj);
                case "PersistentVolumeClaim" -> PersistentVolumeClaimHealth.check(obj);
                case "Pod" -> PodHealth.check(obj);
                default -> null;
              };
          case "batch" -> "Job".equals(kind) ? JobHealth.check(obj) : null;
          case "autoscaling" ->
              "HorizontalPodAutoscaler".equals(kind)
                  ? HorizontalPodAutoscalerHealth.check(obj)
                  : null;
          default -> null;
        };
    return Optional.ofNullable(result);
  }
}
