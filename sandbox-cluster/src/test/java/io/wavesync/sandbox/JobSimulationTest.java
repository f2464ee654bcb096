package io.wavesync.sandbox;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.wavesync.sandbox.Fixtures.eventually;
import static io.wavesync.sandbox.Fixtures.hasCondition;
import static io.wavesync.sandbox.Fixtures.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class JobSimulationTest {

  private static SandboxCluster sandbox;
  private static KubernetesClient client;

  @BeforeAll
  static void start() {
    sandbox = new SandboxCluster().start("127.0.0.1", 0);
    client = sandbox.client();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static Job awaitFinished(String namespace, String name) {
    eventually().until(() -> {
      Job job = client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
      return hasCondition(job, "Complete") || hasCondition(job, "Failed");
    });
    return client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
  }

  private static Pod onlyPod(Job job) {
    List<Pod> pods = client.pods().inNamespace(job.getMetadata().getNamespace())
        .withLabel("batch.kubernetes.io/controller-uid", job.getMetadata().getUid())
        .list().getItems();
    assertThat(pods).hasSize(1);
    return pods.get(0);
  }

  @Test
  void jobSucceedsByDefaultWithSelectorPodAndCompleteConditions() {
    Job created = client.batch().v1().jobs().resource(job("jobs-default", "migrate",
        List.of("sh", "-c", "echo migrating"))).create();

    String uid = created.getMetadata().getUid();
    assertThat(uid).doesNotStartWith("00000000-");
    assertThat(created.getSpec().getSelector().getMatchLabels())
        .containsEntry("batch.kubernetes.io/controller-uid", uid);
    assertThat(created.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("job-name", "migrate")
        .containsEntry("controller-uid", uid);

    Job job = awaitFinished("jobs-default", "migrate");
    assertThat(job.getStatus().getSucceeded()).isEqualTo(1);
    assertThat(job.getStatus().getFailed()).isNull();
    assertThat(job.getStatus().getActive()).isNull();
    String rfc3339Seconds = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";
    assertThat(job.getStatus().getStartTime()).matches(rfc3339Seconds);
    assertThat(job.getStatus().getCompletionTime()).matches(rfc3339Seconds);
    assertThat(job.getStatus().getConditions())
        .extracting(c -> c.getType() + "=" + c.getStatus() + "/" + c.getReason())
        .containsExactly("SuccessCriteriaMet=True/CompletionsReached",
            "Complete=True/CompletionsReached");

    Pod pod = onlyPod(job);
    assertThat(pod.getMetadata().getName()).matches("migrate-[bcdfghjklmnpqrstvwxz2456789]{5}");
    assertThat(pod.getMetadata().getLabels()).containsEntry("job-name", "migrate");
    OwnerReference owner = pod.getMetadata().getOwnerReferences().get(0);
    assertThat(owner.getKind()).isEqualTo("Job");
    assertThat(owner.getUid()).isEqualTo(uid);
    assertThat(owner.getController()).isTrue();
    assertThat(pod.getStatus().getPhase()).isEqualTo("Succeeded");
    ContainerStateTerminated terminated =
        pod.getStatus().getContainerStatuses().get(0).getState().getTerminated();
    assertThat(terminated.getExitCode()).isZero();
    assertThat(terminated.getReason()).isEqualTo("Completed");
  }

  @Test
  void exitOneFailsTheJobWithBackoffLimitExceeded() {
    client.batch().v1().jobs().resource(job("jobs-fail", "smoke-test",
        List.of("sh", "-c", "echo checking; exit 1"))).create();

    Job job = awaitFinished("jobs-fail", "smoke-test");

    assertThat(job.getStatus().getFailed()).isEqualTo(1);
    assertThat(job.getStatus().getSucceeded()).isNull();
    assertThat(job.getStatus().getCompletionTime()).isNull();
    assertThat(job.getStatus().getConditions())
        .extracting(c -> c.getType() + "=" + c.getStatus() + "/" + c.getReason())
        .containsExactly("FailureTarget=True/BackoffLimitExceeded",
            "Failed=True/BackoffLimitExceeded");
    assertThat(job.getStatus().getConditions())
        .allMatch(c -> c.getMessage().equals("Job has reached the specified backoff limit"));
    Pod pod = onlyPod(job);
    assertThat(pod.getStatus().getPhase()).isEqualTo("Failed");
    ContainerStateTerminated terminated =
        pod.getStatus().getContainerStatuses().get(0).getState().getTerminated();
    assertThat(terminated.getExitCode()).isEqualTo(1);
    assertThat(terminated.getReason()).isEqualTo("Error");
  }

  @Test
  void falseCommandFailsTheJob() {
    client.batch().v1().jobs().resource(job("jobs-false", "hook", List.of("false"))).create();

    assertThat(hasCondition(awaitFinished("jobs-false", "hook"), "Failed")).isTrue();
  }

  @Test
  void outcomeAnnotationOverridesTheCommand() {
    client.batch().v1().jobs().resource(job("jobs-annotated", "forced-success",
        List.of("sh", "-c", "exit 4"), Map.of(SandboxAnnotations.OUTCOME, "Succeeded"))).create();
    client.batch().v1().jobs().resource(job("jobs-annotated", "forced-failure",
        List.of("sh", "-c", "echo fine"), Map.of(SandboxAnnotations.OUTCOME, "Failed"))).create();

    assertThat(hasCondition(awaitFinished("jobs-annotated", "forced-success"), "Complete"))
        .isTrue();
    assertThat(hasCondition(awaitFinished("jobs-annotated", "forced-failure"), "Failed")).isTrue();
  }

  @Test
  void durationAnnotationAndSleepDecideHowLongTheContainerRuns() {
    client.batch().v1().jobs().resource(job("jobs-duration", "annotated",
        List.of("sh", "-c", "echo quick"), Map.of(SandboxAnnotations.DURATION, "3s"))).create();
    client.batch().v1().jobs().resource(job("jobs-duration", "sleeper",
        List.of("sh", "-c", "sleep 3 && echo done"))).create();

    for (String name : List.of("annotated", "sleeper")) {
      Job job = awaitFinished("jobs-duration", name);
      ContainerStateTerminated terminated =
          onlyPod(job).getStatus().getContainerStatuses().get(0).getState().getTerminated();
      // Timestamps have second precision, so three seconds of running show as at least two.
      Duration ran = Duration.between(Instant.parse(terminated.getStartedAt()),
          Instant.parse(terminated.getFinishedAt()));
      assertThat(ran).as(name).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }
  }

  @Test
  void runningOutcomeNeverEnds() {
    client.batch().v1().jobs().resource(job("jobs-running", "forever",
        List.of("sh", "-c", "echo hi"), Map.of(SandboxAnnotations.OUTCOME, "Running"))).create();

    eventually().until(() -> {
      Job job = client.batch().v1().jobs().inNamespace("jobs-running").withName("forever").get();
      return job.getStatus() != null && Integer.valueOf(1).equals(job.getStatus().getActive());
    });
    Job started = client.batch().v1().jobs().inNamespace("jobs-running").withName("forever").get();
    eventually().until(() -> "Running".equals(onlyPod(started).getStatus().getPhase()));

    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> {
      Job job = client.batch().v1().jobs().inNamespace("jobs-running").withName("forever").get();
      return !hasCondition(job, "Complete") && !hasCondition(job, "Failed")
          && "Running".equals(onlyPod(job).getStatus().getPhase());
    });
    assertThat(onlyPod(started).getStatus().getContainerStatuses().get(0).getReady()).isTrue();
  }

  @Test
  void activeDeadlineFailsAJobThatRunsTooLong() {
    Job spec = job("jobs-deadline", "slow", List.of("sleep", "600"));
    spec.getSpec().setActiveDeadlineSeconds(1L);
    client.batch().v1().jobs().resource(spec).create();

    Job job = awaitFinished("jobs-deadline", "slow");

    assertThat(Fixtures.condition(job, "Failed").orElseThrow().getReason())
        .isEqualTo("DeadlineExceeded");
  }

  @Test
  void bareRestartNeverPodCompletesAndLongRunningPodBecomesReady() {
    client.pods().inNamespace("pods").resource(new io.fabric8.kubernetes.api.model.PodBuilder()
        .withNewMetadata().withName("once").endMetadata()
        .withNewSpec().withRestartPolicy("Never").addNewContainer().withName("c").withImage("x")
        .withCommand("exit", "2").endContainer().endSpec().build()).create();
    client.pods().inNamespace("pods").resource(new io.fabric8.kubernetes.api.model.PodBuilder()
        .withNewMetadata().withName("server").endMetadata()
        .withNewSpec().addNewContainer().withName("c").withImage("nginx").endContainer().endSpec()
        .build()).create();

    eventually().until(() -> "Failed".equals(
        client.pods().inNamespace("pods").withName("once").get().getStatus().getPhase()));
    eventually().until(() -> {
      Pod pod = client.pods().inNamespace("pods").withName("server").get();
      return "Running".equals(pod.getStatus().getPhase()) && pod.getStatus().getConditions()
          .stream().anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
    });
  }
}
