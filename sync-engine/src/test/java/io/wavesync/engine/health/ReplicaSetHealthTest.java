package io.wavesync.engine.health;

import static io.wavesync.engine.health.Fixtures.health;
import static io.wavesync.engine.health.Fixtures.load;
import static io.wavesync.engine.health.Fixtures.result;
import static io.wavesync.engine.health.Fixtures.with;
import static io.wavesync.engine.health.HealthStatus.Degraded;
import static io.wavesync.engine.health.HealthStatus.Healthy;
import static io.wavesync.engine.health.HealthStatus.Progressing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wavesync.engine.model.KubeObject;
import org.junit.jupiter.api.Test;

class ReplicaSetHealthTest {

  @Test
  void replicaSetWithAllReplicasAvailableIsHealthy() throws Exception {
    assertThat(health(load("replicaset-healthy"))).isEqualTo(result(Healthy, ""));
  }

  @Test
  void replicaSetWhoseNewGenerationIsNotObservedYetIsProgressing() throws Exception {
    KubeObject rs = with(load("replicaset-healthy"), 2, "metadata", "generation");
    assertThat(health(rs))
        .isEqualTo(
            result(
                Progressing,
                "Waiting for rollout to finish: observed replica set generation less than desired"
                    + " generation"));
  }

  @Test
  void replicaSetWithReplicaFailureIsDegradedWithConditionMessage() throws Exception {
    assertThat(health(load("replicaset-quota-exceeded")))
        .isEqualTo(
            result(
                Degraded,
                "pods \"batch-api-5f6e7d8c9b-k2j3h\" is forbidden: exceeded quota:"
                    + " compute-resources, requested: requests.cpu=2, used: requests.cpu=3,"
                    + " limited: requests.cpu=4"));
  }

  @Test
  void replicaSetWithResolvedReplicaFailureWaitsForAvailableReplicas() throws Exception {
    KubeObject rs =
        with(load("replicaset-quota-exceeded"), "False", "status", "conditions", "0", "status");
    assertThat(health(rs))
        .isEqualTo(
            result(
                Progressing,
                "Waiting for rollout to finish: 0 out of 2 new replicas are available..."));
  }

  @Test
  void replicaSetWithoutReplicasFieldIsHealthy() throws Exception {
    KubeObject rs = load("replicaset-healthy");
    rs = with(rs, null, "spec", "replicas");
    rs = with(rs, 0, "status", "availableReplicas");
    assertThat(health(rs)).isEqualTo(result(Healthy, ""));
  }

  @Test
  void replicaSetOfAnUnsupportedVersionIsAnEvaluationError() {
    KubeObject rs = with(load("replicaset-healthy"), "extensions/v1beta1", "apiVersion");
    // extensions is not a group with checks at all
    assertThat(HealthAssessor.assess(rs)).isEmpty();
    KubeObject beta = with(load("replicaset-healthy"), "apps/v1beta2", "apiVersion");
    assertThatThrownBy(() -> HealthAssessor.assess(beta, null))
        .isInstanceOf(HealthCheckException.class)
        .hasMessage("unsupported ReplicaSet GVK: apps/v1beta2, Kind=ReplicaSet");
  }
}
