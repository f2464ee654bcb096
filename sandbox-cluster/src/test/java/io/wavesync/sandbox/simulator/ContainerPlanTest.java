package io.wavesync.sandbox.simulator;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.wavesync.sandbox.SandboxAnnotations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerPlanTest {

  private static final Duration DEFAULT = Duration.ofSeconds(1);

  private static ContainerPlan plan(List<String> command, List<String> args,
      Map<String, String> annotations) {
    PodSpec spec = new PodSpecBuilder().addNewContainer().withName("c").withImage("busybox")
        .withCommand(command).withArgs(args).endContainer().build();
    return ContainerPlan.of(spec, annotations, DEFAULT);
  }

  private static ContainerPlan plan(String... command) {
    return plan(List.of(command), List.of(), Map.of());
  }

  @Test
  void noCommandSucceedsAfterTheDefaultDuration() {
    ContainerPlan plan = plan(List.of(), List.of(), Map.of());

    assertThat(plan.outcome()).isEqualTo(ContainerPlan.Outcome.SUCCEEDED);
    assertThat(plan.duration()).isEqualTo(DEFAULT);
  }

  @Test
  void falseFails() {
    assertThat(plan("false").outcome()).isEqualTo(ContainerPlan.Outcome.FAILED);
    assertThat(plan("/bin/false").exitCode()).isEqualTo(1);
  }

  @Test
  void exitWithNonZeroCodeInAShellScriptFails() {
    ContainerPlan plan = plan("sh", "-c", "echo starting && exit 3");

    assertThat(plan.outcome()).isEqualTo(ContainerPlan.Outcome.FAILED);
    assertThat(plan.exitCode()).isEqualTo(3);
    assertThat(plan.output()).containsExactly("starting");
  }

  @Test
  void exitZeroSucceeds() {
    assertThat(plan("sh", "-c", "exit 0").outcome()).isEqualTo(ContainerPlan.Outcome.SUCCEEDED);
  }

  @Test
  void scriptCanComeFromArgsAndShellFlags() {
    assertThat(plan(List.of("/bin/bash", "-ec"), List.of("exit 5"), Map.of()).exitCode())
        .isEqualTo(5);
  }

  @Test
  void sleepAnywhereSetsTheDuration() {
    assertThat(plan("sleep", "5").duration()).isEqualTo(Duration.ofSeconds(5));
    assertThat(plan("sh", "-c", "echo a; sleep 2; echo b; sleep 0.5").duration())
        .isEqualTo(Duration.ofMillis(2500));
    assertThat(plan("sh", "-c", "sleep 1m").duration()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void sleepInfinityNeverEnds() {
    assertThat(plan("sh", "-c", "sleep infinity").outcome())
        .isEqualTo(ContainerPlan.Outcome.RUNNING);
  }

  @Test
  void quotedTextIsNotACommand() {
    ContainerPlan plan = plan("sh", "-c", "echo 'exit 1; false' && echo \"done; ok\"");

    assertThat(plan.outcome()).isEqualTo(ContainerPlan.Outcome.SUCCEEDED);
    assertThat(plan.output()).containsExactly("exit 1; false", "done; ok");
  }

  @Test
  void commandsAfterExitDoNotRun() {
    ContainerPlan plan = plan("sh", "-c", "exit 0; sleep 30; exit 1");

    assertThat(plan.outcome()).isEqualTo(ContainerPlan.Outcome.SUCCEEDED);
    assertThat(plan.duration()).isEqualTo(DEFAULT);
  }

  @Test
  void annotationsOverrideOutcomeAndDuration() {
    ContainerPlan failed = plan(List.of("true"), List.of(),
        Map.of(SandboxAnnotations.OUTCOME, "Failed", SandboxAnnotations.DURATION, "500ms"));
    ContainerPlan succeeded = plan(List.of("sh", "-c", "exit 7"), List.of(),
        Map.of(SandboxAnnotations.OUTCOME, "succeeded"));
    ContainerPlan running = plan(List.of("true"), List.of(),
        Map.of(SandboxAnnotations.OUTCOME, "Running"));

    assertThat(failed.outcome()).isEqualTo(ContainerPlan.Outcome.FAILED);
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.duration()).isEqualTo(Duration.ofMillis(500));
    assertThat(succeeded.exitCode()).isZero();
    assertThat(running.ends()).isFalse();
  }

  @Test
  void unknownAnnotationValuesAreIgnored() {
    ContainerPlan plan = plan(List.of("false"), List.of(),
        Map.of(SandboxAnnotations.OUTCOME, "Maybe", SandboxAnnotations.DURATION, "soon"));

    assertThat(plan.outcome()).isEqualTo(ContainerPlan.Outcome.FAILED);
    assertThat(plan.duration()).isEqualTo(DEFAULT);
  }

  @Test
  void durationsAcceptGoSyntaxAndPlainSeconds() {
    assertThat(Durations.parse("1m30s")).contains(Duration.ofSeconds(90));
    assertThat(Durations.parse("250ms")).contains(Duration.ofMillis(250));
    assertThat(Durations.parse("2")).contains(Duration.ofSeconds(2));
    assertThat(Durations.parse("1h")).contains(Duration.ofHours(1));
    assertThat(Durations.parse("fast")).isEmpty();
  }
}
