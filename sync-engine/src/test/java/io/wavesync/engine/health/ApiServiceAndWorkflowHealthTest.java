package io.wavesync.engine.health;

import static io.wavesync.engine.health.Fixtures.health;
import static io.wavesync.engine.health.Fixtures.load;
import static io.wavesync.engine.health.Fixtures.result;
import static io.wavesync.engine.health.Fixtures.with;
import static io.wavesync.engine.health.HealthStatus.Degraded;
import static io.wavesync.engine.health.HealthStatus.Healthy;
import static io.wavesync.engine.health.HealthStatus.Progressing;
import static io.wavesync.engine.health.HealthStatus.Unknown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wavesync.engine.model.KubeObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiServiceAndWorkflowHealthTest {

  @Test
  void availableApiServiceIsHealthyWithReasonAndMessage() throws Exception {
    assertThat(health(load("apiservice-available")))
        .isEqualTo(result(Healthy, "Passed: all checks passed"));
  }

  @Test
  void unavailableApiServiceIsProgressingWithReasonAndMessage() throws Exception {
    assertThat(health(load("apiservice-unavailable")))
        .isEqualTo(
            result(
                Progressing,
                "MissingEndpoints: endpoints for service/metrics-server in \"kube-system\" have no"
                    + " addresses with port name \"https\""));
  }

  @Test
  void apiServiceWithoutAvailableConditionIsWaitingToBeProcessed() throws Exception {
    KubeObject svc = with(load("apiservice-available"), null, "status");
    assertThat(health(svc)).isEqualTo(result(Progressing, "Waiting to be processed"));
  }

  @Test
  void v1beta1ApiServiceIsCheckedTheSameWay() throws Exception {
    KubeObject svc =
        with(load("apiservice-available"), "apiregistration.k8s.io/v1beta1", "apiVersion");
    assertThat(health(svc)).isEqualTo(result(Healthy, "Passed: all checks passed"));
  }

  @Test
  void apiServiceOfAnUnsupportedVersionIsAnEvaluationError() {
    KubeObject svc =
        with(load("apiservice-available"), "apiregistration.k8s.io/v1alpha1", "apiVersion");
    assertThatThrownBy(() -> HealthAssessor.assess(svc, null))
        .isInstanceOf(HealthCheckException.class)
        .hasMessage("unsupported APIService GVK: apiregistration.k8s.io/v1alpha1, Kind=APIService");
  }

  @Test
  void runningWorkflowIsProgressing() throws Exception {
    assertThat(health(load("workflow-running"))).isEqualTo(result(Progressing, ""));
  }

  @Test
  void workflowWithoutStatusIsProgressing() throws Exception {
    KubeObject wf = with(load("workflow-running"), null, "status");
    assertThat(health(wf)).isEqualTo(result(Progressing, ""));
  }

  @Test
  void pendingWorkflowIsProgressingWithItsMessage() throws Exception {
    KubeObject wf = load("workflow-running");
    wf = with(wf, "Pending", "status", "phase");
    wf = with(wf, "Waiting for a pod slot", "status", "message");
    assertThat(health(wf)).isEqualTo(result(Progressing, "Waiting for a pod slot"));
  }

  @Test
  void succeededWorkflowIsHealthy() throws Exception {
    KubeObject wf = with(load("workflow-running"), "Succeeded", "status", "phase");
    assertThat(health(wf)).isEqualTo(result(Healthy, ""));
  }

  @Test
  void failedWorkflowIsDegradedWithItsMessage() throws Exception {
    assertThat(health(load("workflow-failed"))).isEqualTo(result(Degraded, "Error (exit code 1)"));
  }

  @Test
  void erroredWorkflowIsDegraded() throws Exception {
    KubeObject wf = with(load("workflow-failed"), "Error", "status", "phase");
    assertThat(health(wf).status()).isEqualTo(Degraded);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Skipped", "Omitted", "running"})
  void workflowInAnyOtherPhaseIsUnknown(String phase) throws Exception {
    KubeObject wf = with(load("workflow-failed"), phase, "status", "phase");
    assertThat(health(wf)).isEqualTo(result(Unknown, "Error (exit code 1)"));
  }

  @Test
  void workflowOfAnyVersionIsChecked() throws Exception {
    KubeObject wf = with(load("workflow-failed"), "argoproj.io/v1", "apiVersion");
    assertThat(health(wf).status()).isEqualTo(Degraded);
  }
}
