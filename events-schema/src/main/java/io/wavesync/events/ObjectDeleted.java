package io.wavesync.events;

import io.wavesync.events.payload.DeleteOutcome;
import io.wavesync.events.payload.Fields;
import io.wavesync.events.payload.ObjectRef;
import java.time.Instant;

/**
 * The cleanup service deleted one object (or found it already gone, or failed to).
 *
 * <p>Produced by the cleanup-service on {@value Topics#OBSERVATIONS}, one per {@code DELETE} action
 * of a {@link CleanupRequested}. Consumed by the planner-service, which tracks which hooks are
 * gone.
 *
 * @param eventId envelope: random UUID
 * @param eventType envelope: always {@value #TYPE}
 * @param schemaVersion envelope: always {@value #SCHEMA_VERSION}
 * @param occurredAt envelope: when the deletion was done
 * @param application envelope and Kafka key: the application the object belongs to
 * @param operationId the operation
 * @param commandId the cleanup command this answers
 * @param ref the object
 * @param outcome deleted, already gone, or failed
 * @param message what happened, the API's message on failure
 */
public record ObjectDeleted(
    String eventId,
    String eventType,
    int schemaVersion,
    Instant occurredAt,
    String application,
    String operationId,
    String commandId,
    ObjectRef ref,
    DeleteOutcome outcome,
    String message)
    implements Observation {

  public static final String TYPE = "ObjectDeleted";
  public static final int SCHEMA_VERSION = 1;

  public ObjectDeleted {
    Envelope.check(
        eventId, eventType, TYPE, schemaVersion, SCHEMA_VERSION, occurredAt, application);
    Fields.requiredText(operationId, "operationId");
    Fields.requiredText(commandId, "commandId");
    Fields.required(ref, "ref");
    Fields.required(outcome, "outcome");
  }

  /** A new observation with a fresh envelope; the arguments follow the record's payload fields. */
  public static ObjectDeleted of(
      String application,
      String operationId,
      String commandId,
      ObjectRef ref,
      DeleteOutcome outcome,
      String message) {
    return new ObjectDeleted(
        Envelope.newEventId(),
        TYPE,
        SCHEMA_VERSION,
        Envelope.now(),
        application,
        operationId,
        commandId,
        ref,
        outcome,
        message);
  }
}
