package io.wavesync.engine.sync;

/** An error answered by the Kubernetes API (or the transport to it), with its HTTP status code. */
public class ApiException extends Exception {

  private final int code;

  public ApiException(int code, String message) {
    super(message);
    this.code = code;
  }

  public ApiException(int code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, message);
  }

  public int code() {
    return code;
  }

  public boolean isNotFound() {
    return code == 404;
  }

  public boolean isConflict() {
    return code == 409;
  }

  public boolean isUnauthorized() {
    return code == 401;
  }
}
