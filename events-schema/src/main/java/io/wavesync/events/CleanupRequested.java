package io.wavesync.events;

import io.wavesync.events.payload.CleanupAction;
import io.wavesync.events.payload.Fields;
import io.wavesync.events.payload.InvalidFieldException;
import io.wavesync.events.payload.Vocabulary;
import java.time.Instant;
import java.util.List;

/**
 * A command to carry out hook delete policies, remove hook finalizers, delete hooks on terminate,
 * or look objects up.
 *
 * <p>Produced by the planner-service on {@value Topics#CLEANUP}. Consumed by the cleanup-service,
 * which answers with {@link ObjectDeleted} per deletion and one {@link CleanupCompleted} on {@value
 * Topics#OBSERVATIONS}, then publishes {@link #followUp()}, if any, on {@value
 * Topics#WAVES_SYNCFAIL}. That ordering is what lets SyncFail hooks start only after the HookFailed
 * deletions.
 *
 * @param eventId envelope: random UUID
 * @param eventType envelope: always {@value #TYPE}
 * @param schemaVersion envelope: always {@value #SCHEMA_VERSION}
 * @param occurredAt envelope: when the planner issued the command
 * @param application envelope and Kafka key: the application being synced
 * @param operationId the operation
 * @param commandId deterministic id of this command, echoed by the observations that answer it
 * @param propagationPolicy delete propagation ({@code Foreground}, {@code Background} or {@code
 *     Orphan}); absent means the API default
 * @param actions what to do, in order
 * @param followUp the SyncFail wave command to publish once the actions are done; it belongs to the
 *     same application and operation. It is published unchanged, so a redelivered cleanup command
 *     yields the same follow-up event id and the runner recognises the duplicate
 */
public record CleanupRequested(
    String eventId,
    String eventType,
    int schemaVersion,
    Instant occurredAt,
    String application,
    String operationId,
    String commandId,
    String propagationPolicy,
    List<CleanupAction> actions,
    WaveApplyRequested followUp)
    implements CleanupCommand {

  public static final String TYPE = "CleanupRequested";
  public static final int SCHEMA_VERSION = 1;

  public CleanupRequested {
    Envelope.check(
        eventId, eventType, TYPE, schemaVersion, SCHEMA_VERSION, occurredAt, application);
    Fields.requiredText(operationId, "operationId");
    Fields.requiredText(commandId, "commandId");
    Vocabulary.oneOf(propagationPolicy, Vocabulary.PROPAGATION_POLICIES, "propagationPolicy");
    actions = Fields.list(actions, "actions");
    if (followUp != null
        && (!followUp.application().equals(application)
            || !followUp.operationId().equals(operationId))) {
      throw InvalidFieldException.invalid(
          "followUp", "must belong to the same application and operation");
    }
  }

  /** A new command with a fresh envelope; the arguments follow the record's payload fields. */
  public static CleanupRequested of(
      String application,
      String operationId,
      String commandId,
      String propagationPolicy,
      List<CleanupAction> actions,
      WaveApplyRequested followUp) {
    return new CleanupRequested(
        Envelope.newEventId(),
        TYPE,
        SCHEMA_VERSION,
        Envelope.now(),
        application,
        operationId,
        commandId,
        propagationPolicy,
        actions,
        followUp);
  }
}
