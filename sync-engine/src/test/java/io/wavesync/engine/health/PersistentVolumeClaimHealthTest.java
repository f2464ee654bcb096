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

class PersistentVolumeClaimHealthTest {

  @Test
  void boundClaimIsHealthy() throws Exception {
    assertThat(health(load("pvc-bound"))).isEqualTo(result(Healthy, ""));
  }

  @Test
  void pendingClaimIsProgressing() throws Exception {
    assertThat(health(load("pvc-pending"))).isEqualTo(result(Progressing, ""));
  }

  @Test
  void lostClaimIsDegraded() throws Exception {
    KubeObject pvc = with(load("pvc-bound"), "Lost", "status", "phase");
    assertThat(health(pvc)).isEqualTo(result(Degraded, ""));
  }

  @Test
  void claimWithoutPhaseIsUnknown() throws Exception {
    KubeObject pvc = with(load("pvc-pending"), null, "status");
    assertThat(health(pvc)).isEqualTo(result(Unknown, ""));
  }

  @Test
  void claimOfAnUnsupportedVersionIsAnEvaluationError() {
    KubeObject pvc = with(load("pvc-bound"), "v1beta1", "apiVersion");
    assertThatThrownBy(() -> HealthAssessor.assess(pvc, null))
        .isInstanceOf(HealthCheckException.class)
        .hasMessage("unsupported PersistentVolumeClaim GVK: /v1beta1, Kind=PersistentVolumeClaim");
  }
}
