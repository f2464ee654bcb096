package io.wavesync.events;

import io.wavesync.events.payload.CleanupResult;
import io.wavesync.events.payload.Fields;
import java.time.Instant;
import java.util.List;

/**
 * A cleanup command has been carried out: the cleanup service's answer to the whole command.
 *
 * <p>Produced by the cleanup-service on {@value Topics#OBSERVATIONS}, once per {@link
 * CleanupRequested}, before it publishes the command's follow-up. Consumed by the planner-service.
 *
 * @param eventId envelope: random UUID
 * @param eventType envelope: always {@value #TYPE}
 * @param schemaVersion envelope: always {@value #SCHEMA_VERSION}
 * @param occurredAt envelope: when the command was done
 * @param application envelope and Kafka key: the application being synced
 * @param operationId the operation
 * @param commandId the cleanup command this answers
 * @param results one result per action, in the command's order
 */
public record CleanupCompleted(
    String eventId,
    String eventType,
    int schemaVersion,
    Instant occurredAt,
    String application,
    String operationId,
    String commandId,
    List<CleanupResult> results)
    implements Observation {

  public static final String TYPE = "CleanupCompleted";
  public static final int SCHEMA_VERSION = 1;

  public CleanupCompleted {
    Envelope.check(
        eventId, eventType, TYPE, schemaVersion, SCHEMA_VERSION, occurredAt, application);
    Fields.requiredText(operationId, "operationId");
    Fields.requiredText(commandId, "commandId");
    results = Fields.list(results, "results");
  }

  /** A new observation with a fresh envelope; the arguments follow the record's payload fields. */
  public static CleanupCompleted of(
      String application, String operationId, String commandId, List<CleanupResult> results) {
    return new CleanupCompleted(
        Envelope.newEventId(),
        TYPE,
        SCHEMA_VERSION,
        Envelope.now(),
        application,
        operationId,
        commandId,
        results);
  }
}
