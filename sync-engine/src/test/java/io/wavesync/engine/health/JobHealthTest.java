package io.wavesync.engine.health;

import static io.wavesync.engine.health.Fixtures.health;
import static io.wavesync.engine.health.Fixtures.load;
import static io.wavesync.engine.health.Fixtures.result;
import static io.wavesync.engine.health.Fixtures.with;
import static io.wavesync.engine.health.HealthStatus.Degraded;
import static io.wavesync.engine.health.HealthStatus.Healthy;
import static io.wavesync.engine.health.HealthStatus.Progressing;
import static io.wavesync.engine.health.HealthStatus.Suspended;
import static io.wavesync.engine.health.HealthStatus.Unknown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wavesync.engine.model.KubeObject;
import org.junit.jupiter.api.Test;

class JobHealthTest {

  @Test
  void jobWithoutTerminalConditionIsProgressing() throws Exception {
    assertThat(health(load("job-running"))).isEqualTo(result(Progressing, ""));
  }

  @Test
  void jobWithOnlyNonTerminalConditionsIsProgressing() throws Exception {
    KubeObject job = with(load("job-failed"), "FailureTarget", "status", "conditions", "1", "type");
    assertThat(health(job)).isEqualTo(result(Progressing, ""));
  }

  @Test
  void jobWithCompleteConditionIsHealthyWithConditionMessage() throws Exception {
    assertThat(health(load("job-complete")))
        .isEqualTo(result(Healthy, "Reached expected number of succeeded pods"));
  }

  @Test
  void jobWithFailedConditionIsDegradedWithConditionMessage() throws Exception {
    assertThat(health(load("job-failed")))
        .isEqualTo(result(Degraded, "Job has reached the specified backoff limit"));
  }

  @Test
  void jobConditionsAreMatchedByTypeOnlySoAFalseFailedConditionStillFails() throws Exception {
    KubeObject job = with(load("job-failed"), "False", "status", "conditions", "1", "status");
    assertThat(health(job).status()).isEqualTo(Degraded);
  }

  @Test
  void jobConditionsAreMatchedByTypeOnlySoAFalseCompleteConditionStillCompletes() throws Exception {
    KubeObject job = with(load("job-complete"), "False", "status", "conditions", "1", "status");
    assertThat(health(job).status()).isEqualTo(Healthy);
  }

  @Test
  void failedConditionWinsOverCompleteCondition() throws Exception {
    KubeObject job = with(load("job-complete"), "Failed", "status", "conditions", "0", "type");
    assertThat(health(job))
        .isEqualTo(result(Degraded, "Reached expected number of succeeded pods"));
  }

  @Test
  void jobWithTrueSuspendedConditionIsSuspendedWithConditionMessage() throws Exception {
    assertThat(health(load("job-suspended"))).isEqualTo(result(Suspended, "Job suspended"));
  }

  @Test
  void jobWithFalseSuspendedConditionCountsAsCompleteAndIsHealthy() throws Exception {
    // Quirk kept from Argo CD: a resumed Job keeps its Suspended condition (status False), which
    // marks it complete although its pod has only just started.
    assertThat(health(load("job-resumed"))).isEqualTo(result(Healthy, "Job resumed"));
  }

  @Test
  void jobOfAnUnsupportedVersionIsAnEvaluationError() {
    KubeObject job = with(load("job-running"), "batch/v1beta1", "apiVersion");
    assertThatThrownBy(() -> HealthAssessor.assess(job, null))
        .isInstanceOf(HealthCheckException.class)
        .hasMessage("unsupported Job GVK: batch/v1beta1, Kind=Job")
        .extracting(e -> ((HealthCheckException) e).result().status())
        .isEqualTo(Unknown);
  }
}
