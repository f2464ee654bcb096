package io.wavesync.engine.health;

import java.util.Objects;

/**
 * The outcome of a health assessment: a status and a human-readable message (never null, often
 * empty).
 */
public record HealthResult(HealthStatus status, String message) {

  public HealthResult {
    Objects.requireNonNull(status, "status");
    message = message == null ? "" : message;
  }

  public static HealthResult of(HealthStatus status) {
    return new HealthResult(status, "");
  }
}
