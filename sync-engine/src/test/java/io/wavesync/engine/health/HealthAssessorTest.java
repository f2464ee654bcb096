package io.wavesync.engine.health;

import static io.wavesync.engine.health.Fixtures.load;
import static io.wavesync.engine.health.Fixtures.result;
import static io.wavesync.engine.health.Fixtures.with;
import static io.wavesync.engine.health.HealthStatus.Degraded;
import static io.wavesync.engine.health.HealthStatus.Healthy;
import static io.wavesync.engine.health.HealthStatus.Missing;
import static io.wavesync.engine.health.HealthStatus.Progressing;
import static io.wavesync.engine.health.HealthStatus.Unknown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wavesync.engine.model.KubeObject;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthAssessorTest {

  private static final String HOOK_FINALIZER = "argocd.argoproj.io/hook-finalizer";

  @Test
  void objectPendingDeletionWithoutHookFinalizerIsProgressing() {
    assertThat(HealthAssessor.assess(load("pod-terminating")))
        .contains(result(Progressing, "Pending deletion"));
  }

  @Test
  void pendingDeletionAppliesEvenToKindsWithoutHealthCheck() {
    KubeObject cm =
        with(
            KubeObject.of("v1", "ConfigMap", "shop", "settings"),
            "2025-03-04T12:00:00Z",
            "metadata",
            "deletionTimestamp");
    assertThat(HealthAssessor.assess(cm)).contains(result(Progressing, "Pending deletion"));
  }

  @Test
  void pendingDeletionWinsOverTheOverride() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HealthOverride override =
        obj -> {
          calls.incrementAndGet();
          return Optional.of(result(Degraded, "custom"));
        };
    assertThat(HealthAssessor.assess(load("pod-terminating"), override))
        .contains(result(Progressing, "Pending deletion"));
    assertThat(calls).hasValue(0);
  }

  @Test
  void hookBeingDeletedWhileHoldingTheHookFinalizerShowsItsRealHealth() {
    KubeObject hook =
        with(load("pod-failed"), "2025-03-04T10:16:00Z", "metadata", "deletionTimestamp");
    assertThat(hook.hasFinalizer(HOOK_FINALIZER)).isTrue();
    assertThat(HealthAssessor.assess(hook))
        .contains(result(Degraded, "container \"migrate\" failed with exit code 3"));
  }

  @Test
  void otherFinalizersDoNotExemptFromPendingDeletion() {
    KubeObject pvc =
        with(load("pvc-bound"), "2025-03-04T12:00:00Z", "metadata", "deletionTimestamp");
    assertThat(HealthAssessor.assess(pvc)).contains(result(Progressing, "Pending deletion"));
  }

  @Test
  void overrideResultWinsOverTheBuiltInCheck() throws Exception {
    HealthOverride override = obj -> Optional.of(result(Healthy, "checked by hand"));
    assertThat(HealthAssessor.assess(load("pod-failed"), override))
        .contains(result(Healthy, "checked by hand"));
  }

  @Test
  void overrideCanGiveHealthToKindsWithoutBuiltInCheck() throws Exception {
    KubeObject cert = KubeObject.of("cert-manager.io/v1", "Certificate", "shop", "shop-tls");
    HealthOverride override = obj -> Optional.of(result(Missing, ""));
    assertThat(HealthAssessor.assess(cert, override)).contains(result(Missing, ""));
  }

  @Test
  void overrideWithoutOpinionFallsBackToTheBuiltInCheck() throws Exception {
    HealthOverride override = obj -> Optional.empty();
    assertThat(HealthAssessor.assess(load("job-failed"), override))
        .contains(result(Degraded, "Job has reached the specified backoff limit"));
  }

  @Test
  void overrideReturningNullCountsAsNoOpinion() throws Exception {
    HealthOverride override = obj -> null;
    assertThat(HealthAssessor.assess(load("job-complete"), override))
        .map(HealthResult::status)
        .contains(Healthy);
  }

  @Test
  void overrideErrorIsAnEvaluationErrorCarryingUnknownWithTheErrorText() {
    IllegalStateException boom = new IllegalStateException("attempt to index a nil value");
    HealthOverride override =
        obj -> {
          throw boom;
        };
    assertThatThrownBy(() -> HealthAssessor.assess(load("job-running"), override))
        .isInstanceOf(HealthCheckException.class)
        .hasMessage(
            "failed to get resource health for shop/db-migrate: attempt to index a nil value")
        .hasCause(boom)
        .extracting(e -> ((HealthCheckException) e).result())
        .isEqualTo(result(Unknown, "attempt to index a nil value"));
  }

  @Test
  void overrideErrorWithoutMessageUsesTheErrorType() {
    HealthOverride override =
        obj -> {
          throw new NullPointerException();
        };
    assertThatThrownBy(() -> HealthAssessor.assess(load("job-running"), override))
        .isInstanceOf(HealthCheckException.class)
        .extracting(e -> ((HealthCheckException) e).result().message())
        .isEqualTo("java.lang.NullPointerException");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "v1, ConfigMap",
    "v1, Secret",
    "v1, ServiceAccount",
    "rbac.authorization.k8s.io/v1, Role",
    "batch/v1, CronJob",
    "apps/v1, ControllerRevision",
    "networking.k8s.io/v1, NetworkPolicy",
    "argoproj.io/v1alpha1, Rollout",
    "argoproj.io/v1alpha1, Application",
    "cert-manager.io/v1, Certificate",
    "apiextensions.k8s.io/v1, CustomResourceDefinition",
    "autoscaling.k8s.io/v1, HorizontalPodAutoscaler"
  })
  void kindsWithoutBuiltInCheckHaveNoHealth(String apiVersion, String kind) throws Exception {
    KubeObject obj = KubeObject.of(apiVersion, kind, "shop", "x");
    assertThat(HealthAssessor.assess(obj)).isEmpty();
    assertThat(HealthAssessor.assess(obj, o -> Optional.empty())).isEmpty();
  }

  @Test
  void singleArgumentAssessReturnsTheUnknownResultOfABuiltInEvaluationError() {
    KubeObject job = with(load("job-running"), "batch/v2alpha1", "apiVersion");
    assertThat(HealthAssessor.assess(job))
        .contains(result(Unknown, "unsupported Job GVK: batch/v2alpha1, Kind=Job"));
  }

  @Test
  void freshWhenNoGenerationWasApplied() {
    KubeObject d = load("deployment-healthy");
    assertThat(HealthAssessor.isFresh(d, 0)).isTrue();
    assertThat(HealthAssessor.isFresh(d, -1)).isTrue();
  }

  @Test
  void freshWhenTheAppliedGenerationIsObserved() {
    KubeObject d = load("deployment-healthy"); // generation 4, observedGeneration 4
    assertThat(HealthAssessor.isFresh(d, 4)).isTrue();
    assertThat(HealthAssessor.isFresh(d, 3)).isTrue();
  }

  @Test
  void staleWhenTheLiveObjectIsOlderThanTheAppliedGeneration() {
    assertThat(HealthAssessor.isFresh(load("deployment-healthy"), 5)).isFalse();
  }

  @Test
  void staleWhenTheControllerHasNotObservedTheAppliedGeneration() {
    KubeObject d = with(load("deployment-healthy"), 5, "metadata", "generation");
    assertThat(HealthAssessor.isFresh(d, 5)).isFalse();
  }

  @Test
  void freshForKindsThatDoNotReportObservedGeneration() {
    KubeObject job = load("job-running"); // generation 1, no observedGeneration
    assertThat(HealthAssessor.isFresh(job, 1)).isTrue();
    assertThat(HealthAssessor.isFresh(job, 2)).isFalse();
  }

  @Test
  void staleWhenTheLiveObjectHasNoGenerationButOneWasApplied() {
    assertThat(HealthAssessor.isFresh(load("pod-running-ready"), 1)).isFalse();
  }
}
