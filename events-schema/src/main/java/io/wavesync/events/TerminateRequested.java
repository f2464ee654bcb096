package io.wavesync.events;

import io.wavesync.events.payload.Fields;
import java.time.Instant;

/**
 * A request to stop an application's running operation, as {@code argocd app terminate-op}.
 *
 * <p>Produced on {@value Topics#SYNC_REQUESTS} by users, the {@code wavesync terminate} command and
 * the planner's HTTP API. Consumed by the planner-service, which moves the operation to {@code
 * Terminating}, has running hooks deleted and ends the operation as {@code Failed}.
 *
 * @param eventId envelope: random UUID
 * @param eventType envelope: always {@value #TYPE}
 * @param schemaVersion envelope: always {@value #SCHEMA_VERSION}
 * @param occurredAt envelope: when the request was made
 * @param application envelope and Kafka key: the application whose operation to stop
 * @param operationId the operation to stop; absent means whichever is running, and a request naming
 *     an operation that is no longer running is ignored
 * @param requestedBy who asked, for the record
 * @param reason why, shown in the operation's message
 */
public record TerminateRequested(
    String eventId,
    String eventType,
    int schemaVersion,
    Instant occurredAt,
    String application,
    String operationId,
    String requestedBy,
    String reason)
    implements SyncRequestEvent {

  public static final String TYPE = "TerminateRequested";
  public static final int SCHEMA_VERSION = 1;

  public TerminateRequested {
    Envelope.check(
        eventId, eventType, TYPE, schemaVersion, SCHEMA_VERSION, occurredAt, application);
    Fields.optionalText(operationId, "operationId");
    Fields.optionalText(requestedBy, "requestedBy");
    Fields.optionalText(reason, "reason");
  }

  /** A new request with a fresh envelope; the arguments follow the record's payload fields. */
  public static TerminateRequested of(
      String application, String operationId, String requestedBy, String reason) {
    return new TerminateRequested(
        Envelope.newEventId(),
        TYPE,
        SCHEMA_VERSION,
        Envelope.now(),
        application,
        operationId,
        requestedBy,
        reason);
  }
}
