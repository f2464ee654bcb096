package io.wavesync.engine.health;

import static io.wavesync.engine.health.Fixtures.health;
import static io.wavesync.engine.health.Fixtures.load;
import static io.wavesync.engine.health.Fixtures.result;
import static io.wavesync.engine.health.Fixtures.with;
import static io.wavesync.engine.health.HealthStatus.Healthy;
import static io.wavesync.engine.health.HealthStatus.Progressing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.wavesync.engine.model.KubeObject;
import org.junit.jupiter.api.Test;

class StatefulSetHealthTest {

  private static final String NOT_OBSERVED =
      "Waiting for statefulset spec update to be observed...";

  @Test
  void statefulSetWithDefaultedPartitionIsHealthyAsAPartitionedRollOut() throws Exception {
    assertThat(health(load("statefulset-healthy")))
        .isEqualTo(
            result(Healthy, "partitioned roll out complete: 3 new pods have been updated..."));
  }

  @Test
  void statefulSetWhoseNewGenerationIsNotObservedYetIsProgressing() throws Exception {
    KubeObject sts = with(load("statefulset-healthy"), 3, "metadata", "generation");
    assertThat(health(sts)).isEqualTo(result(Progressing, NOT_OBSERVED));
  }

  @Test
  void statefulSetNeverObservedIsProgressingEvenWithoutGeneration() throws Exception {
    KubeObject sts = load("statefulset-healthy");
    sts = with(sts, null, "metadata", "generation");
    sts = with(sts, null, "status", "observedGeneration");
    assertThat(health(sts)).isEqualTo(result(Progressing, NOT_OBSERVED));
  }

  @Test
  void statefulSetWithUnreadyPodsIsProgressing() throws Exception {
    KubeObject sts = with(load("statefulset-healthy"), 1, "status", "readyReplicas");
    assertThat(health(sts)).isEqualTo(result(Progressing, "Waiting for 2 pods to be ready..."));
  }

  @Test
  void statefulSetWithPartitionWaitsOnlyForPodsAboveThePartition() throws Exception {
    KubeObject sts = load("statefulset-healthy");
    sts = with(sts, 2, "spec", "updateStrategy", "rollingUpdate", "partition");
    sts = with(sts, 0, "status", "updatedReplicas");
    assertThat(health(sts))
        .isEqualTo(
            result(
                Progressing,
                "Waiting for partitioned roll out to finish: 0 out of 1 new pods have been"
                    + " updated..."));
    sts = with(sts, 1, "status", "updatedReplicas");
    assertThat(health(sts))
        .isEqualTo(
            result(Healthy, "partitioned roll out complete: 1 new pods have been updated..."));
  }

  @Test
  void statefulSetWithEmptyRollingUpdateIsHealthyAsAPartitionedRollOut() throws Exception {
    KubeObject sts =
        with(
            load("statefulset-healthy"),
            JsonNodeFactory.instance.objectNode(),
            "spec",
            "updateStrategy",
            "rollingUpdate");
    assertThat(health(sts).message())
        .isEqualTo("partitioned roll out complete: 3 new pods have been updated...");
  }

  @Test
  void statefulSetWithOnDeleteStrategyIsHealthyOnceItsPodsAreReady() throws Exception {
    assertThat(health(load("statefulset-ondelete")))
        .isEqualTo(result(Healthy, "statefulset has 3 ready pods"));
  }

  @Test
  void statefulSetRollingUpdateWithoutPartitionWaitsForTheUpdateRevision() throws Exception {
    KubeObject sts = load("statefulset-ondelete");
    sts = with(sts, "RollingUpdate", "spec", "updateStrategy", "type");
    assertThat(health(sts))
        .isEqualTo(
            result(
                Progressing,
                "waiting for statefulset rolling update to complete 1 pods at revision"
                    + " zookeeper-7f8e9d0c1b..."));
  }

  @Test
  void statefulSetRollingUpdateWithoutPartitionIsHealthyWhenRevisionsMatch() throws Exception {
    KubeObject sts = load("statefulset-healthy");
    sts = with(sts, null, "spec", "updateStrategy", "rollingUpdate");
    assertThat(health(sts))
        .isEqualTo(
            result(
                Healthy,
                "statefulset rolling update complete 3 pods at revision postgres-6b8f9c7d5e..."));
  }

  @Test
  void statefulSetOfAnUnsupportedVersionIsAnEvaluationError() {
    KubeObject sts = with(load("statefulset-healthy"), "apps/v1beta1", "apiVersion");
    assertThatThrownBy(() -> HealthAssessor.assess(sts, null))
        .isInstanceOf(HealthCheckException.class)
        .hasMessage("unsupported StatefulSet GVK: apps/v1beta1, Kind=StatefulSet");
  }
}
