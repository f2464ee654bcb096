package io.wavesync.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.wavesync.engine.sync.ApiException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ApiErrorsTest {

  private static KubernetesClientException failure(int code, String message) {
    Status status = new StatusBuilder().withCode(code).withMessage(message)
        .withReason(code == 422 ? "Invalid" : "Conflict").build();
    return new KubernetesClientException("Failure executing: PUT at: https://api/... Message: "
        + message, code, status);
  }

  @Test
  void keepsTheApiServersMessageAndStatusCode() {
    String invalid = "Job.batch \"migrate\" is invalid: spec.template: Invalid value: "
        + "core.PodTemplateSpec{...}: field is immutable";
    ApiException e = ApiErrors.toApiException(failure(422, invalid));
    assertThat(e.code()).isEqualTo(422);
    assertThat(e.getMessage()).isEqualTo(invalid);

    ApiException conflict = ApiErrors.toApiException(failure(409,
        "Operation cannot be fulfilled on jobs.batch \"migrate\": the object has been modified"));
    assertThat(conflict.isConflict()).isTrue();
    assertThat(conflict.getMessage()).startsWith("Operation cannot be fulfilled");

    ApiException internal = ApiErrors.toApiException(failure(500, "etcdserver: request timed out"));
    assertThat(internal.code()).isEqualTo(500);
    assertThat(internal.getMessage()).isEqualTo("etcdserver: request timed out");
  }

  @Test
  void usesTheClientsMessageWhenTheResponseHadNoStatus() {
    ApiException e = ApiErrors.toApiException(new KubernetesClientException("Forbidden!", 403,
        null));
    assertThat(e.code()).isEqualTo(403);
    assertThat(e.getMessage()).isEqualTo("Forbidden!");
  }

  @Test
  void timeoutsBecomeGatewayTimeouts() {
    ApiException e = ApiErrors.toApiException(new KubernetesClientException("request failed",
        new TimeoutException("no answer after 10s")));
    assertThat(e.code()).isEqualTo(504);
    assertThat(e.getMessage()).contains("timed out").contains("no answer after 10s");

    assertThat(ApiErrors.toApiException((Throwable) new TimeoutException("slow")).code())
        .isEqualTo(504);
  }

  @Test
  void aMissingAnswerSaysTheApiIsUnreachable() {
    ApiException e = ApiErrors.toApiException(new KubernetesClientException("request failed",
        new ConnectException("Connection refused")));
    assertThat(e.code()).isEqualTo(503);
    assertThat(e.getMessage()).isEqualTo("cannot reach the Kubernetes API: Connection refused");
  }

  @Test
  void recognisesUidPreconditionFailures() {
    assertThat(ApiErrors.isUidPreconditionFailure(new ApiException(409,
        "Operation cannot be fulfilled on jobs.batch \"x\": Precondition failed: UID in "
            + "precondition: a, UID in object meta: b"))).isTrue();
    assertThat(ApiErrors.isUidPreconditionFailure(new ApiException(409, "already exists")))
        .isFalse();
  }

  @Test
  void callPassesResultsAndConvertsFailures() throws ApiException {
    assertThat(ApiErrors.call(() -> "ok")).isEqualTo("ok");
    assertThatThrownBy(() -> ApiErrors.call(() -> {
      throw failure(409, "conflict");
    })).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(409));
  }
}
