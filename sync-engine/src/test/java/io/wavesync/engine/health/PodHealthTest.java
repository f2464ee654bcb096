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

class PodHealthTest {

  @Test
  void pendingHookPodIsProgressing() throws Exception {
    assertThat(health(load("pod-hook-pending"))).isEqualTo(result(Progressing, ""));
  }

  @Test
  void pendingPodReportsItsStatusMessage() throws Exception {
    KubeObject pod = with(load("pod-hook-pending"), "0/3 nodes are available", "status", "message");
    assertThat(health(pod)).isEqualTo(result(Progressing, "0/3 nodes are available"));
  }

  @Test
  void hookPodWithRestartPolicyNeverInImagePullBackOffStaysProgressing() throws Exception {
    // Failing it would fail the sync, and the pod would still run once the image appears.
    assertThat(health(load("pod-hook-imagepullbackoff"))).isEqualTo(result(Progressing, ""));
  }

  @Test
  void podWithRestartPolicyOnFailureInImagePullBackOffStaysProgressing() throws Exception {
    KubeObject pod = with(load("pod-hook-imagepullbackoff"), "OnFailure", "spec", "restartPolicy");
    assertThat(health(pod).status()).isEqualTo(Progressing);
  }

  @Test
  void longRunningPodWithContainersThatCannotStartIsDegradedWithAllWaitingMessages()
      throws Exception {
    // CreateContainerConfigError ends in "Error", ImagePullBackOff in "BackOff".
    assertThat(health(load("pod-imagepullbackoff")))
        .isEqualTo(
            result(
                Degraded,
                "secret \"envoy-config\" not found, Back-off pulling image"
                    + " \"registry.example.com/shop/web:2.0.0-missing\""));
  }

  @Test
  void longRunningPodWaitingWithReasonStartingWithErrIsDegraded() throws Exception {
    KubeObject pod = load("pod-imagepullbackoff");
    pod =
        with(pod, "ErrImagePull", "status", "containerStatuses", "1", "state", "waiting", "reason");
    pod =
        with(
            pod,
            "ContainerCreating",
            "status",
            "containerStatuses",
            "0",
            "state",
            "waiting",
            "reason");
    assertThat(health(pod))
        .isEqualTo(
            result(
                Degraded,
                "Back-off pulling image \"registry.example.com/shop/web:2.0.0-missing\""));
  }

  @Test
  void longRunningPodWaitingForAnOrdinaryReasonIsNotDegraded() throws Exception {
    KubeObject pod = load("pod-imagepullbackoff");
    pod =
        with(
            pod,
            "ContainerCreating",
            "status",
            "containerStatuses",
            "0",
            "state",
            "waiting",
            "reason");
    pod =
        with(
            pod,
            "PodInitializing",
            "status",
            "containerStatuses",
            "1",
            "state",
            "waiting",
            "reason");
    assertThat(health(pod)).isEqualTo(result(Progressing, ""));
  }

  @Test
  void crashLoopingPodIsDegradedWithTheBackOffMessage() throws Exception {
    assertThat(health(load("pod-crashloop")))
        .isEqualTo(
            result(
                Degraded,
                "back-off 1m20s restarting failed container=worker"
                    + " pod=worker-7f9b8c6d5-q2w3e_shop(9c8b7a6f-5e4d-4c3b-a2a1-0f9e8d7c6b5a)"));
  }

  @Test
  void runningReadyPodWithRestartPolicyAlwaysIsHealthy() throws Exception {
    assertThat(health(load("pod-running-ready"))).isEqualTo(result(Healthy, ""));
  }

  @Test
  void runningPodThatIsNotReadyYetIsProgressing() throws Exception {
    assertThat(health(load("pod-running-not-ready"))).isEqualTo(result(Progressing, ""));
  }

  @Test
  void runningPodThatIsNotReadyAfterAContainerTerminatedIsDegraded() throws Exception {
    KubeObject pod =
        with(load("pod-running-restarted"), "Back-off restarting", "status", "message");
    assertThat(health(pod)).isEqualTo(result(Degraded, "Back-off restarting"));
  }

  @Test
  void runningPodWithRestartPolicyNeverIsProgressingEvenWhenReady() throws Exception {
    assertThat(health(load("pod-hook-running"))).isEqualTo(result(Progressing, ""));
  }

  @Test
  void runningPodWithRestartPolicyOnFailureIsProgressing() throws Exception {
    KubeObject pod = with(load("pod-hook-running"), "OnFailure", "spec", "restartPolicy");
    assertThat(health(pod)).isEqualTo(result(Progressing, ""));
  }

  @Test
  void runningPodWithoutRestartPolicyIsUnknown() throws Exception {
    KubeObject pod = with(load("pod-running-ready"), null, "spec", "restartPolicy");
    assertThat(health(pod)).isEqualTo(result(Unknown, ""));
  }

  @Test
  void ignoreRestartPolicyAnnotationMakesARunningBatchPodHealthyWhenReady() throws Exception {
    assertThat(health(load("pod-batch-running"))).isEqualTo(result(Healthy, ""));
  }

  @Test
  void ignoreRestartPolicyAnnotationAppliesTheWaitingReasonCheck() throws Exception {
    KubeObject pod = load("pod-batch-running");
    pod = with(pod, null, "status", "containerStatuses", "0", "state", "running");
    pod =
        with(
            pod,
            "CrashLoopBackOff",
            "status",
            "containerStatuses",
            "0",
            "state",
            "waiting",
            "reason");
    pod =
        with(
            pod, "back-off 10s", "status", "containerStatuses", "0", "state", "waiting", "message");
    assertThat(health(pod)).isEqualTo(result(Degraded, "back-off 10s"));
  }

  @Test
  void ignoreRestartPolicyAnnotationIsNotHonouredOnHookPods() throws Exception {
    KubeObject pod = load("pod-batch-running").withAnnotation("argocd.argoproj.io/hook", "Sync");
    assertThat(health(pod)).isEqualTo(result(Progressing, ""));
  }

  @Test
  void ignoreRestartPolicyAnnotationIsNotHonouredOnHelmHookPods() throws Exception {
    KubeObject pod = load("pod-batch-running").withAnnotation("helm.sh/hook", "post-install");
    assertThat(health(pod).status()).isEqualTo(Progressing);
  }

  @Test
  void ignoreRestartPolicyAnnotationIsHonouredOnPodsAnnotatedSkip() throws Exception {
    // hook: Skip is not a hook, so the pod is assessed like a long-running one.
    KubeObject pod = load("pod-batch-running").withAnnotation("argocd.argoproj.io/hook", "Skip");
    assertThat(health(pod).status()).isEqualTo(Healthy);
  }

  @Test
  void ignoreRestartPolicyAnnotationMustBeExactlyTrue() throws Exception {
    KubeObject pod =
        load("pod-batch-running").withAnnotation("argocd.argoproj.io/ignore-restart-policy", "yes");
    assertThat(health(pod).status()).isEqualTo(Progressing);
  }

  @Test
  void succeededPodIsHealthy() throws Exception {
    assertThat(health(load("pod-succeeded"))).isEqualTo(result(Healthy, ""));
  }

  @Test
  void failedPodReportsTheExitCodeOfItsContainer() throws Exception {
    assertThat(health(load("pod-failed")))
        .isEqualTo(result(Degraded, "container \"migrate\" failed with exit code 3"));
  }

  @Test
  void failedPodPrefersItsOwnStatusMessage() throws Exception {
    assertThat(health(load("pod-evicted")))
        .isEqualTo(
            result(
                Degraded,
                "The node was low on resource: memory. Threshold quantity: 100Mi, available:"
                    + " 91388Ki. Container indexer was using 1848792Ki, request is 0, has larger"
                    + " consumption of memory. "));
  }

  @Test
  void failedPodReportsAContainerTerminationMessage() throws Exception {
    KubeObject pod = with(load("pod-evicted"), null, "status", "message");
    assertThat(health(pod))
        .isEqualTo(
            result(Degraded, "The container could not be located when the pod was terminated"));
  }

  @Test
  void failedPodKilledForMemoryReportsOomKilled() throws Exception {
    assertThat(health(load("pod-oomkilled"))).isEqualTo(result(Degraded, "OOMKilled"));
  }

  @Test
  void failedPodReportsItsInitContainerBeforeItsMainContainers() throws Exception {
    assertThat(health(load("pod-init-failed")))
        .isEqualTo(result(Degraded, "timed out after 120s waiting for postgres.shop.svc:5432"));
  }

  @Test
  void failedPodSkipsContainersThatExplainNothing() throws Exception {
    KubeObject pod = load("pod-init-failed");
    pod = with(pod, null, "status", "initContainerStatuses", "0", "state", "terminated", "message");
    pod = with(pod, 0, "status", "initContainerStatuses", "0", "state", "terminated", "exitCode");
    assertThat(health(pod))
        .isEqualTo(result(Degraded, "container \"seed\" failed with exit code 2"));
  }

  @Test
  void failedPodWithoutAnyExplanationIsDegradedWithAnEmptyMessage() throws Exception {
    KubeObject pod = with(load("pod-failed"), null, "status", "containerStatuses");
    assertThat(health(pod)).isEqualTo(result(Degraded, ""));
  }

  @Test
  void podInPhaseUnknownIsUnknownWithItsMessage() throws Exception {
    assertThat(health(load("pod-unknown")))
        .isEqualTo(
            result(
                Unknown,
                "Node worker-3 which was running pod web-6d4cf56db6-z1x2c is unresponsive"));
  }

  @Test
  void podWithoutStatusIsUnknown() throws Exception {
    assertThat(health(KubeObject.of("v1", "Pod", "default", "my-pod")))
        .isEqualTo(result(Unknown, ""));
  }

  @Test
  void podOfAnUnsupportedVersionIsAnEvaluationError() {
    KubeObject pod = with(load("pod-running-ready"), "v2", "apiVersion");
    assertThatThrownBy(() -> HealthAssessor.assess(pod, null))
        .isInstanceOf(HealthCheckException.class)
        .hasMessage("unsupported Pod GVK: /v2, Kind=Pod")
        .extracting(e -> ((HealthCheckException) e).result())
        .isEqualTo(result(Unknown, "unsupported Pod GVK: /v2, Kind=Pod"));
  }
}
