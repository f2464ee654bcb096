package io.wavesync.events.payload;

/**
 * Health of one object, as assessed by wavesync's health checks.
 *
 * @param status the health status
 * @param message why, when the check says (for example "Job has reached the specified backoff
 *     limit")
 */
public record Health(HealthStatus status, String message) {

  public Health {
    Fields.required(status, "status");
  }
}
