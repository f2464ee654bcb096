package io.wavesync.events;

import io.wavesync.events.payload.Fields;
import io.wavesync.events.payload.InvalidFieldException;
import io.wavesync.events.payload.ObjectRef;
import io.wavesync.events.payload.SyncPhase;
import java.time.Instant;

/**
 * The Kubernetes API refused to apply or prune one object of a wave command.
 *
 * <p>Produced by the phase-runner-service on {@value Topics#OBSERVATIONS}. Consumed by the
 * planner-service, which marks the resource {@code SyncFailed} and fails the operation (or retries
 * it, per the retry policy).
 *
 * @param eventId envelope: random UUID
 * @param eventType envelope: always {@value #TYPE}
 * @param schemaVersion envelope: always {@value #SCHEMA_VERSION}
 * @param occurredAt envelope: when the call failed
 * @param application envelope and Kafka key: the application being synced
 * @param operationId the operation
 * @param commandId the wave command this answers
 * @param phase the task's phase
 * @param wave the task's wave
 * @param ref the object
 * @param message the API server's message, as users need to read it
 * @param httpStatus the HTTP status of the failed call; absent when no response came back
 */
public record ResourceApplyFailed(
    String eventId,
    String eventType,
    int schemaVersion,
    Instant occurredAt,
    String application,
    String operationId,
    String commandId,
    SyncPhase phase,
    long wave,
    ObjectRef ref,
    String message,
    Integer httpStatus)
    implements Observation {

  public static final String TYPE = "ResourceApplyFailed";
  public static final int SCHEMA_VERSION = 1;

  public ResourceApplyFailed {
    Envelope.check(
        eventId, eventType, TYPE, schemaVersion, SCHEMA_VERSION, occurredAt, application);
    Fields.requiredText(operationId, "operationId");
    Fields.requiredText(commandId, "commandId");
    Fields.required(phase, "phase");
    Fields.required(ref, "ref");
    Fields.requiredText(message, "message");
    if (httpStatus != null && (httpStatus < 100 || httpStatus > 599)) {
      throw InvalidFieldException.invalid("httpStatus", httpStatus + " is not an HTTP status");
    }
  }

  /** A new observation with a fresh envelope; the arguments follow the record's payload fields. */
  public static ResourceApplyFailed of(
      String application,
      String operationId,
      String commandId,
      SyncPhase phase,
      long wave,
      ObjectRef ref,
      String message,
      Integer httpStatus) {
    return new ResourceApplyFailed(
        Envelope.newEventId(),
        TYPE,
        SCHEMA_VERSION,
        Envelope.now(),
        application,
        operationId,
        commandId,
        phase,
        wave,
        ref,
        message,
        httpStatus);
  }
}
