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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HorizontalPodAutoscalerHealthTest {

  private static final String CONDITIONS = "autoscaling.alpha.kubernetes.io/conditions";

  @Test
  void v2AutoscalerAbleToScaleIsHealthyWithThatConditionMessage() throws Exception {
    assertThat(health(load("hpa-v2-healthy")))
        .isEqualTo(result(Healthy, "recommended size matches current size"));
  }

  @Test
  void v2AutoscalerThatCannotComputeReplicasIsDegraded() throws Exception {
    assertThat(health(load("hpa-v2-degraded")))
        .isEqualTo(
            result(
                Degraded,
                "the HPA was unable to compute the replica count: failed to get cpu utilization:"
                    + " unable to get metrics for resource cpu: unable to fetch metrics from"
                    + " resource metrics API: the server is currently unable to handle the request"
                    + " (get pods.metrics.k8s.io)"));
  }

  @Test
  void v2AutoscalerWithoutConditionsIsWaitingToAutoscale() throws Exception {
    assertThat(health(load("hpa-v2-new"))).isEqualTo(result(Progressing, "Waiting to Autoscale"));
  }

  @Test
  void v2AutoscalerLimitedByItsBoundsIsHealthy() throws Exception {
    KubeObject hpa = load("hpa-v2-healthy");
    hpa = with(hpa, "False", "status", "conditions", "0", "status");
    hpa = with(hpa, "True", "status", "conditions", "2", "status");
    hpa = with(hpa, "TooFewReplicas", "status", "conditions", "2", "reason");
    assertThat(health(hpa))
        .isEqualTo(result(Healthy, "the desired count is within the acceptable range"));
  }

  @Test
  void v2AutoscalerWithNoTrueHealthyConditionIsWaitingToAutoscale() throws Exception {
    KubeObject hpa = with(load("hpa-v2-healthy"), "False", "status", "conditions", "0", "status");
    assertThat(health(hpa)).isEqualTo(result(Progressing, "Waiting to Autoscale"));
  }

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({
    "AbleToScale, FailedGetScale",
    "AbleToScale, FailedUpdateScale",
    "ScalingActive, FailedGetResourceMetric",
    "ScalingActive, FailedGetObjectMetric",
    "ScalingActive, FailedGetPodsMetric",
    "ScalingActive, FailedGetExternalMetric",
    "ScalingActive, FailedComputeMetricsReplicas",
    "ScalingActive, InvalidSelector"
  })
  void degradedReasonWinsOverAHealthyCondition(String type, String reason) throws Exception {
    KubeObject hpa = load("hpa-v2-healthy");
    hpa = with(hpa, type, "status", "conditions", "2", "type");
    hpa = with(hpa, reason, "status", "conditions", "2", "reason");
    hpa = with(hpa, "it broke", "status", "conditions", "2", "message");
    assertThat(health(hpa)).isEqualTo(result(Degraded, "it broke"));
  }

  @Test
  void degradedReasonOnAnotherConditionTypeDoesNotCount() throws Exception {
    KubeObject hpa =
        with(load("hpa-v2-healthy"), "FailedGetScale", "status", "conditions", "1", "reason");
    assertThat(health(hpa).status()).isEqualTo(Healthy);
  }

  @Test
  void v1AutoscalerReadsConditionsFromItsAnnotation() throws Exception {
    assertThat(health(load("hpa-v1-healthy")))
        .isEqualTo(result(Healthy, "recommended size matches current size"));
  }

  @Test
  void v1AutoscalerWithFailedGetScaleIsDegraded() throws Exception {
    assertThat(health(load("hpa-v1-degraded")))
        .isEqualTo(
            result(
                Degraded,
                "the HPA controller was unable to get the target's current scale:"
                    + " deployments/scale.apps \"api\" not found"));
  }

  @Test
  void v1AutoscalerWithoutConditionsAnnotationIsWaitingToAutoscale() throws Exception {
    assertThat(health(load("hpa-v1-new"))).isEqualTo(result(Progressing, "Waiting to Autoscale"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "null"})
  void v1AutoscalerWithNoConditionsInItsAnnotationIsWaitingToAutoscale(String annotation)
      throws Exception {
    KubeObject hpa = load("hpa-v1-new").withAnnotation(CONDITIONS, annotation);
    assertThat(health(hpa)).isEqualTo(result(Progressing, "Waiting to Autoscale"));
  }

  @Test
  void v1AnnotationKeysMatchCaseInsensitivelyAndUnknownKeysAreIgnored() throws Exception {
    KubeObject hpa =
        load("hpa-v1-new")
            .withAnnotation(
                CONDITIONS,
                "[null, {\"Type\":\"ScalingLimited\",\"STATUS\":\"True\",\"message\":\"at max\","
                    + "\"reason\":null,\"lastTransitionTime\":\"2025-03-04T10:01:00Z\"}]");
    assertThat(health(hpa)).isEqualTo(result(Healthy, "at max"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{\"type\":\"AbleToScale\"}", "[{\"type\":1}]", "[1]", "[] x"})
  void v1AutoscalerWithMalformedConditionsAnnotationIsAnEvaluationError(String annotation) {
    KubeObject hpa = load("hpa-v1-new").withAnnotation(CONDITIONS, annotation);
    assertThatThrownBy(() -> HealthAssessor.assess(hpa, null))
        .isInstanceOf(HealthCheckException.class)
        .hasMessageStartingWith("failed to convert conditions annotation to typed: ")
        .extracting(e -> ((HealthCheckException) e).result().status())
        .isEqualTo(Unknown);
  }

  @ParameterizedTest
  @ValueSource(strings = {"autoscaling/v2beta1", "autoscaling/v2beta2"})
  void autoscalerOfARetiredVersionIsAnEvaluationError(String apiVersion) {
    KubeObject hpa = with(load("hpa-v2-healthy"), apiVersion, "apiVersion");
    String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
    assertThatThrownBy(() -> HealthAssessor.assess(hpa, null))
        .isInstanceOf(HealthCheckException.class)
        .hasMessage(
            "unsupported HPA GVK: autoscaling/" + version + ", Kind=HorizontalPodAutoscaler");
  }
}
