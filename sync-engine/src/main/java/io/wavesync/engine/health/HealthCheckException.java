package io.wavesync.engine.health;

import java.util.Objects;

/**
 * A health evaluation error. It still carries a result ({@link HealthStatus#Unknown} with the error
 * text), which is what Argo CD records as the object's health in that case.
 */
public final class HealthCheckException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient HealthResult result;

  public HealthCheckException(String message, HealthResult result, Throwable cause) {
    super(message, cause);
    this.result = Objects.requireNonNull(result, "result");
  }

  public HealthCheckException(String message, HealthResult result) {
    this(message, result, null);
  }

  /** The health to record despite the error: {@link HealthStatus#Unknown} with the error text. */
  public HealthResult result() {
    return result;
  }

  /** A built-in check failure: the result message is the error message itself. */
  static HealthCheckException builtIn(String message) {
    return new HealthCheckException(message, new HealthResult(HealthStatus.Unknown, message));
  }
}
