package io.wavesync.events.payload;

/** Health of a Kubernetes object, as Argo CD's health assessment names it. */
public enum HealthStatus {
  Healthy,
  Progressing,
  Suspended,
  Degraded,
  Unknown,
  Missing
}
