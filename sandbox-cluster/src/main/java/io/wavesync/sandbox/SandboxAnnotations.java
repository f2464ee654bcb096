package io.wavesync.sandbox;

/**
 * Annotations that steer the workload simulator, set on a Pod, a Job or its pod template, or a
 * workload.
 */
public final class SandboxAnnotations {

  /**
   * The outcome: {@code Succeeded}, {@code Failed} or {@code Running} (never ends) for Pods, Jobs
   * and Workflows; {@code Available} (the default), {@code Progressing} (never becomes
   * available) or {@code Degraded} for Deployments, StatefulSets, DaemonSets and ReplicaSets.
   */
  public static final String OUTCOME = "sandbox.wavesync.io/outcome";

  /**
   * How long the Pod runs or the rollout takes, as a Go duration: {@code 3s}, {@code 500ms},
   * {@code 1m}.
   */
  public static final String DURATION = "sandbox.wavesync.io/duration";

  private SandboxAnnotations() {
  }
}
