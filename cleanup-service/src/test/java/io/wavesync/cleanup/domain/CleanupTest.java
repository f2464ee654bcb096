package io.wavesync.cleanup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.wavesync.kubernetes.KubeRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CleanupTest {

  private static Cleanup.Action action(Cleanup.Kind kind, String name) {
    return new Cleanup.Action(kind, new KubeRef("batch/v1", "Job", "ns", name, null));
  }

  /** Answers by name: "gone" is not found, "refused" fails, "broken" throws, the rest is done. */
  private static final class FakeCluster implements Cleanup.Cluster {
    final List<String> calls = new ArrayList<>();

    private Cleanup.Result answer(Cleanup.Action action) {
      return switch (action.ref().name()) {
        case "gone" -> Cleanup.Result.notFound(action, "job.batch/gone not found");
        case "refused" -> Cleanup.Result.failed(action, "forbidden", 403);
        case "broken" -> throw new IllegalStateException("unexpected answer");
        default -> Cleanup.Result.done(action, "ok");
      };
    }

    @Override
    public Cleanup.Result removeHookFinalizer(Cleanup.Action action) {
      calls.add("unfinalize " + action.ref().name());
      return answer(action);
    }

    @Override
    public Cleanup.Result delete(Cleanup.Action action, String propagationPolicy) {
      calls.add("delete " + action.ref().name() + " " + propagationPolicy);
      return answer(action);
    }

    @Override
    public Cleanup.Result lookup(Cleanup.Action action) {
      calls.add("lookup " + action.ref().name());
      return answer(action);
    }
  }

  @Test
  void actionsRunInTheCommandsOrder() {
    FakeCluster cluster = new FakeCluster();
    Cleanup.Report report = Cleanup.run(List.of(
        action(Cleanup.Kind.REMOVE_FINALIZER, "a"),
        action(Cleanup.Kind.DELETE, "a"),
        action(Cleanup.Kind.LOOKUP, "b")), "Foreground", cluster);

    assertThat(cluster.calls).containsExactly("unfinalize a", "delete a Foreground", "lookup b");
    assertThat(report.results()).extracting(Cleanup.Result::outcome)
        .containsOnly(Cleanup.Outcome.DONE);
  }

  @Test
  void deletionsOfObjectsAlreadyGoneStillLetTheFollowUpStart() {
    Cleanup.Report report = Cleanup.run(List.of(
        action(Cleanup.Kind.DELETE, "a"), action(Cleanup.Kind.DELETE, "gone")), null,
        new FakeCluster());

    assertThat(report.deletionsSucceeded()).isTrue();
    assertThat(Cleanup.run(List.of(), null, new FakeCluster()).deletionsSucceeded()).isTrue();
  }

  @Test
  void aFailedDeletionHoldsTheFollowUpBackButOtherFailuresDoNot() {
    assertThat(Cleanup.run(List.of(action(Cleanup.Kind.DELETE, "refused")), null,
        new FakeCluster()).deletionsSucceeded()).isFalse();
    assertThat(Cleanup.run(List.of(action(Cleanup.Kind.LOOKUP, "refused"),
        action(Cleanup.Kind.DELETE, "a")), null, new FakeCluster()).deletionsSucceeded())
        .isTrue();
  }

  @Test
  void anActionThatBreaksFailsAloneAndTheRestStillRun() {
    FakeCluster cluster = new FakeCluster();
    Cleanup.Report report = Cleanup.run(List.of(
        action(Cleanup.Kind.DELETE, "broken"), action(Cleanup.Kind.DELETE, "b")), "Background",
        cluster);

    assertThat(report.results().get(0).outcome()).isEqualTo(Cleanup.Outcome.FAILED);
    assertThat(report.results().get(0).message()).isEqualTo("unexpected answer");
    assertThat(report.results().get(0).httpStatus()).isNull();
    assertThat(report.results().get(1).outcome()).isEqualTo(Cleanup.Outcome.DONE);
    assertThat(report.deletionsSucceeded()).isFalse();
  }
}
