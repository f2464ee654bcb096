package io.wavesync.cleanup.messaging;

import io.wavesync.cleanup.domain.Cleanup;
import io.wavesync.events.CleanupCompleted;
import io.wavesync.events.CleanupRequested;
import io.wavesync.events.ObjectDeleted;
import io.wavesync.events.payload.CleanupAction;
import io.wavesync.events.payload.CleanupActionType;
import io.wavesync.events.payload.CleanupOutcome;
import io.wavesync.events.payload.CleanupResult;
import io.wavesync.events.payload.DeleteOutcome;
import io.wavesync.events.payload.ObjectRef;
import io.wavesync.kubernetes.KubeRef;
import java.util.ArrayList;
import java.util.List;

/** Maps cleanup commands to the domain's actions and its results back to events. */
public final class CleanupMapper {

  private CleanupMapper() {}

  /** The command's actions, in order. */
  public static List<Cleanup.Action> actions(CleanupRequested command) {
    List<Cleanup.Action> actions = new ArrayList<>();
    for (CleanupAction a : command.actions()) {
      ObjectRef r = a.ref();
      actions.add(new Cleanup.Action(Cleanup.Kind.valueOf(a.action().name()),
          KubeRef.of(r.group(), r.version(), r.kind(), r.namespace(), r.name(), r.uid())));
    }
    return actions;
  }

  /** One {@link ObjectDeleted} per deletion, in the command's order. */
  public static List<ObjectDeleted> deletions(CleanupRequested command, Cleanup.Report report) {
    List<ObjectDeleted> events = new ArrayList<>();
    for (int i = 0; i < report.results().size(); i++) {
      Cleanup.Result r = report.results().get(i);
      if (r.action().kind() != Cleanup.Kind.DELETE) {
        continue;
      }
      DeleteOutcome outcome = switch (r.outcome()) {
        case DONE -> DeleteOutcome.DELETED;
        case NOT_FOUND -> DeleteOutcome.NOT_FOUND;
        case FAILED -> DeleteOutcome.FAILED;
      };
      events.add(ObjectDeleted.of(command.application(), command.operationId(),
          command.commandId(), command.actions().get(i).ref(), outcome, r.message()));
    }
    return events;
  }

  /** The answer to the whole command. */
  public static CleanupCompleted completed(CleanupRequested command, Cleanup.Report report) {
    List<CleanupResult> results = new ArrayList<>();
    for (int i = 0; i < report.results().size(); i++) {
      Cleanup.Result r = report.results().get(i);
      CleanupAction asked = command.actions().get(i);
      results.add(new CleanupResult(CleanupActionType.valueOf(r.action().kind().name()),
          asked.ref(), CleanupOutcome.valueOf(r.outcome().name()), r.message(), r.object(),
          r.httpStatus()));
    }
    return CleanupCompleted.of(command.application(), command.operationId(), command.commandId(),
        results);
  }
}
