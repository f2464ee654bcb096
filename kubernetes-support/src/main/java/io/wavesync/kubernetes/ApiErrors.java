package io.wavesync.kubernetes;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.wavesync.engine.sync.ApiException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * Turns what the fabric8 client throws into the engine's {@link ApiException}, keeping the API
 * server's own message (for example {@code Job.batch "migrate" is invalid: spec.template: ...
 * field is immutable}) and its HTTP status, because that message is what users read in the
 * operation's result.
 */
public final class ApiErrors {

  /** The status used when the call timed out: the API did not answer in time. */
  public static final int TIMEOUT = 504;
  /** The status used when no answer came back at all (connection refused, reset, TLS failure). */
  public static final int UNREACHABLE = 503;

  /**
   * The status of a failure found before any request was sent (a manifest without a name): there
   * is no HTTP status to report.
   */
  public static final int NOT_SENT = 0;

  private ApiErrors() {}

  /** A failure found on the client side, before any request; see {@link #NOT_SENT}. */
  public static ApiException notSent(String message) {
    return new ApiException(NOT_SENT, message);
  }

  /** A call to the Kubernetes API. */
  @FunctionalInterface
  public interface ApiCall<T> {
    T call();
  }

  /** Runs {@code call}, turning every client failure into an {@link ApiException}. */
  public static <T> T call(ApiCall<T> call) throws ApiException {
    try {
      return call.call();
    } catch (KubernetesClientException e) {
      throw toApiException(e);
    }
  }

  /** The API's status code and message of a failed call; timeouts become {@value #TIMEOUT}. */
  public static ApiException toApiException(KubernetesClientException e) {
    if (isTimeout(e)) {
      return new ApiException(TIMEOUT, "timed out waiting for the Kubernetes API: "
          + firstMessage(e), e);
    }
    Status status = e.getStatus();
    int code = e.getCode();
    if (code <= 0 && status != null && status.getCode() != null) {
      code = status.getCode();
    }
    String message = status == null || status.getMessage() == null || status.getMessage().isBlank()
        ? null : status.getMessage();
    if (code <= 0) {
      return new ApiException(UNREACHABLE, "cannot reach the Kubernetes API: "
          + (message != null ? message : firstMessage(e)), e);
    }
    return new ApiException(code, message != null ? message : firstMessage(e), e);
  }

  /**
   * Any failure of a call, for callers that wait on futures: client exceptions as in {@link
   * #toApiException(KubernetesClientException)}, timeouts as {@value #TIMEOUT}, anything else as
   * an unreachable API.
   */
  public static ApiException toApiException(Throwable t) {
    if (t instanceof ApiException api) {
      return api;
    }
    if (t instanceof KubernetesClientException kce) {
      return toApiException(kce);
    }
    if (isTimeout(t)) {
      return new ApiException(TIMEOUT, "timed out waiting for the Kubernetes API: "
          + firstMessage(t), t);
    }
    return new ApiException(UNREACHABLE, "cannot reach the Kubernetes API: " + firstMessage(t), t);
  }

  /**
   * Whether a delete was refused because the object's UID is not the one in the precondition: the
   * object that was meant is gone and another one has its name.
   */
  public static boolean isUidPreconditionFailure(ApiException e) {
    return e.isConflict() && e.getMessage() != null
        && e.getMessage().contains("Precondition failed: UID");
  }

  private static boolean isTimeout(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof TimeoutException || c instanceof SocketTimeoutException
          || c instanceof HttpTimeoutException || c instanceof KubernetesClientTimeoutException) {
        return true;
      }
    }
    return false;
  }

  // The deepest message tells what happened ("Connection refused"), the outer ones only where.
  private static String firstMessage(Throwable t) {
    String message = null;
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c.getMessage() != null && !c.getMessage().isBlank()) {
        message = c.getMessage();
      }
    }
    if (message == null) {
      return t.getClass().getSimpleName();
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
