package io.wavesync.engine.health;

import static io.wavesync.engine.health.Fixtures.health;
import static io.wavesync.engine.health.Fixtures.load;
import static io.wavesync.engine.health.Fixtures.result;
import static io.wavesync.engine.health.Fixtures.with;
import static io.wavesync.engine.health.HealthStatus.Degraded;
import static io.wavesync.engine.health.HealthStatus.Healthy;
import static io.wavesync.engine.health.HealthStatus.Progressing;
import static io.wavesync.engine.health.HealthStatus.Suspended;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wavesync.engine.model.KubeObject;
import org.junit.jupiter.api.Test;

class DeploymentHealthTest {

  @Test
  void fullyRolledOutDeploymentIsHealthyWithoutMessage() throws Exception {
    assertThat(health(load("deployment-healthy"))).isEqualTo(result(Healthy, ""));
  }

  @Test
  void deploymentWhoseNewGenerationIsNotObservedYetIsProgressing() throws Exception {
    // The status still describes generation 4, which was healthy: it must not count.
    KubeObject d = with(load("deployment-healthy"), 5, "metadata", "generation");
    assertThat(health(d))
        .isEqualTo(
            result(
                Progressing,
                "Waiting for rollout to finish: observed deployment generation less than desired"
                    + " generation"));
  }

  @Test
  void deploymentWithoutObservedGenerationIsProgressing() throws Exception {
    KubeObject d = with(load("deployment-healthy"), null, "status", "observedGeneration");
    assertThat(health(d).status()).isEqualTo(Progressing);
  }

  @Test
  void deploymentWithFewerUpdatedReplicasThanDesiredIsProgressing() throws Exception {
    assertThat(health(load("deployment-rolling")))
        .isEqualTo(
            result(
                Progressing,
                "Waiting for rollout to finish: 1 out of 3 new replicas have been updated..."));
  }

  @Test
  void deploymentWithOldReplicasStillRunningIsProgressing() throws Exception {
    KubeObject d = with(load("deployment-healthy"), 5, "status", "replicas");
    assertThat(health(d))
        .isEqualTo(
            result(
                Progressing,
                "Waiting for rollout to finish: 2 old replicas are pending termination..."));
  }

  @Test
  void deploymentWithUpdatedReplicasNotYetAvailableIsProgressing() throws Exception {
    KubeObject d = with(load("deployment-healthy"), 1, "status", "availableReplicas");
    assertThat(health(d))
        .isEqualTo(
            result(
                Progressing,
                "Waiting for rollout to finish: 1 of 3 updated replicas are available..."));
  }

  @Test
  void deploymentWithoutReplicasFieldSkipsTheDesiredReplicaCheck() throws Exception {
    KubeObject d = with(load("deployment-rolling"), null, "spec", "replicas");
    assertThat(health(d))
        .isEqualTo(
            result(
                Progressing,
                "Waiting for rollout to finish: 3 old replicas are pending termination..."));
  }

  @Test
  void deploymentScaledToZeroIsHealthy() throws Exception {
    KubeObject d = load("deployment-healthy");
    d = with(d, 0, "spec", "replicas");
    for (String field :
        new String[] {"replicas", "updatedReplicas", "readyReplicas", "availableReplicas"}) {
      d = with(d, null, "status", field);
    }
    assertThat(health(d)).isEqualTo(result(Healthy, ""));
  }

  @Test
  void pausedDeploymentIsSuspended() throws Exception {
    assertThat(health(load("deployment-paused")))
        .isEqualTo(result(Suspended, "Deployment is paused"));
  }

  @Test
  void pausedDeploymentIsSuspendedEvenBeforeItsGenerationIsObserved() throws Exception {
    KubeObject d = with(load("deployment-paused"), 9, "metadata", "generation");
    assertThat(health(d).status()).isEqualTo(Suspended);
  }

  @Test
  void deploymentThatExceededItsProgressDeadlineIsDegraded() throws Exception {
    assertThat(health(load("deployment-deadline-exceeded")))
        .isEqualTo(result(Degraded, "Deployment \"guestbook-ui\" exceeded its progress deadline"));
  }

  @Test
  void progressDeadlineIsIgnoredUntilTheGenerationIsObserved() throws Exception {
    KubeObject d = with(load("deployment-deadline-exceeded"), 8, "metadata", "generation");
    assertThat(health(d).status()).isEqualTo(Progressing);
  }

  @Test
  void deploymentOfAnUnsupportedVersionIsAnEvaluationError() {
    KubeObject d = with(load("deployment-healthy"), "apps/v1beta2", "apiVersion");
    assertThatThrownBy(() -> HealthAssessor.assess(d, null))
        .isInstanceOf(HealthCheckException.class)
        .hasMessage("unsupported Deployment GVK: apps/v1beta2, Kind=Deployment");
  }

  @Test
  void deploymentInTheExtensionsGroupHasNoHealthCheck() throws Exception {
    KubeObject d = with(load("deployment-healthy"), "extensions/v1beta1", "apiVersion");
    assertThat(HealthAssessor.assess(d, null)).isEmpty();
  }
}
