package io.wavesync.cleanup.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wavesync.cleanup.domain.Cleanup;
import io.wavesync.events.CleanupCompleted;
import io.wavesync.events.CleanupRequested;
import io.wavesync.events.ObjectDeleted;
import io.wavesync.events.payload.CleanupAction;
import io.wavesync.events.payload.CleanupActionType;
import io.wavesync.events.payload.CleanupOutcome;
import io.wavesync.events.payload.DeleteOutcome;
import io.wavesync.events.payload.ObjectRef;
import io.wavesync.kubernetes.KubeRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class CleanupMapperTest {

  private static final ObjectRef JOB = new ObjectRef("batch", "v1", "Job", "ns", "migrate", "u1");
  private static final ObjectRef CM = new ObjectRef("", "v1", "ConfigMap", "ns", "c", null);

  private static CleanupRequested command() {
    return CleanupRequested.of("shop", "op-1", "op-1/0/3/0", "Foreground", List.of(
        new CleanupAction(CleanupActionType.REMOVE_FINALIZER, JOB, "HookFailed"),
        new CleanupAction(CleanupActionType.DELETE, JOB, "HookFailed"),
        new CleanupAction(CleanupActionType.LOOKUP, CM, null)), null);
  }

  @Test
  void actionsAddressTheObjectsWithTheirUids() {
    List<Cleanup.Action> actions = CleanupMapper.actions(command());

    assertThat(actions).extracting(Cleanup.Action::kind).containsExactly(
        Cleanup.Kind.REMOVE_FINALIZER, Cleanup.Kind.DELETE, Cleanup.Kind.LOOKUP);
    assertThat(actions.get(1).ref()).isEqualTo(new KubeRef("batch/v1", "Job", "ns", "migrate",
        "u1"));
    assertThat(actions.get(2).ref()).isEqualTo(new KubeRef("v1", "ConfigMap", "ns", "c", null));
  }

  @Test
  void deletionsAndTheAnswerFollowTheResults() {
    CleanupRequested command = command();
    List<Cleanup.Action> actions = CleanupMapper.actions(command);
    ObjectNode found = JsonNodeFactory.instance.objectNode();
    found.putObject("metadata").put("name", "c");
    Cleanup.Report report = new Cleanup.Report(List.of(
        Cleanup.Result.done(actions.get(0), "removed"),
        Cleanup.Result.failed(actions.get(1), "forbidden", 403),
        Cleanup.Result.found(actions.get(2), "configmap/c found", found)));

    List<ObjectDeleted> deleted = CleanupMapper.deletions(command, report);
    assertThat(deleted).hasSize(1);
    assertThat(deleted.get(0).outcome()).isEqualTo(DeleteOutcome.FAILED);
    assertThat(deleted.get(0).ref()).isEqualTo(JOB);
    assertThat(deleted.get(0).message()).isEqualTo("forbidden");
    assertThat(deleted.get(0).commandId()).isEqualTo("op-1/0/3/0");

    CleanupCompleted completed = CleanupMapper.completed(command, report);
    assertThat(completed.commandId()).isEqualTo("op-1/0/3/0");
    assertThat(completed.results()).extracting(r -> r.outcome()).containsExactly(
        CleanupOutcome.DONE, CleanupOutcome.FAILED, CleanupOutcome.DONE);
    assertThat(completed.results().get(1).httpStatus()).isEqualTo(403);
    assertThat(completed.results().get(2).object()).isEqualTo(found);
    assertThat(completed.results().get(2).action()).isEqualTo(CleanupActionType.LOOKUP);
  }
}
