package io.wavesync.engine.health;

/**
 * Health of a Kubernetes object, with Argo CD's codes and meanings.
 *
 * <p>{@link #Missing} is never produced by a built-in check; only a {@link HealthOverride} can
 * return it.
 */
public enum HealthStatus {
  /** The object is fully healthy. */
  Healthy,
  /** Not healthy yet, but still able to become healthy. */
  Progressing,
  /** Suspended or paused (a suspended Job, a paused Deployment). */
  Suspended,
  /** The object reports a failure or cannot reach a healthy state. */
  Degraded,
  /** The health could not be determined (or the evaluation failed). */
  Unknown,
  /** The object does not exist in the cluster. */
  Missing
}
