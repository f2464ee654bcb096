package io.wavesync.engine.health;

import static io.wavesync.engine.health.Fixtures.health;
import static io.wavesync.engine.health.Fixtures.load;
import static io.wavesync.engine.health.Fixtures.result;
import static io.wavesync.engine.health.Fixtures.with;
import static io.wavesync.engine.health.HealthStatus.Healthy;
import static io.wavesync.engine.health.HealthStatus.Progressing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wavesync.engine.model.KubeObject;
import org.junit.jupiter.api.Test;

class DaemonSetHealthTest {

  @Test
  void fullyRolledOutDaemonSetIsHealthyWithoutMessage() throws Exception {
    assertThat(health(load("daemonset-healthy"))).isEqualTo(result(Healthy, ""));
  }

  @Test
  void daemonSetWhoseNewGenerationIsNotObservedYetIsProgressing() throws Exception {
    KubeObject ds = with(load("daemonset-healthy"), 3, "metadata", "generation");
    assertThat(health(ds))
        .isEqualTo(
            result(
                Progressing,
                "Waiting for rollout to finish: observed daemon set generation less than desired"
                    + " generation"));
  }

  @Test
  void daemonSetWithPodsNotYetUpdatedIsProgressing() throws Exception {
    KubeObject ds = with(load("daemonset-healthy"), 1, "status", "updatedNumberScheduled");
    assertThat(health(ds))
        .isEqualTo(
            result(
                Progressing,
                "Waiting for daemon set \"fluentd\" rollout to finish: 1 out of 3 new pods have"
                    + " been updated..."));
  }

  @Test
  void daemonSetWithUpdatedPodsNotYetAvailableIsProgressing() throws Exception {
    KubeObject ds = with(load("daemonset-healthy"), 2, "status", "numberAvailable");
    assertThat(health(ds))
        .isEqualTo(
            result(
                Progressing,
                "Waiting for daemon set \"fluentd\" rollout to finish: 2 of 3 updated pods are"
                    + " available..."));
  }

  @Test
  void daemonSetWithOnDeleteStrategyIsHealthyAndCountsUpdatedPods() throws Exception {
    KubeObject ds = load("daemonset-healthy");
    ds = with(ds, "OnDelete", "spec", "updateStrategy", "type");
    ds = with(ds, null, "spec", "updateStrategy", "rollingUpdate");
    ds = with(ds, 2, "status", "updatedNumberScheduled");
    assertThat(health(ds))
        .isEqualTo(result(Healthy, "daemon set 2 out of 3 new pods have been updated"));
  }

  @Test
  void daemonSetOfAnUnsupportedVersionIsAnEvaluationError() {
    KubeObject ds = with(load("daemonset-healthy"), "apps/v1beta2", "apiVersion");
    assertThatThrownBy(() -> HealthAssessor.assess(ds, null))
        .isInstanceOf(HealthCheckException.class)
        .hasMessage("unsupported DaemonSet GVK: apps/v1beta2, Kind=DaemonSet");
  }
}
