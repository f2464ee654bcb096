package io.wavesync.events;

import io.wavesync.events.payload.Fields;
import io.wavesync.events.payload.SyncOptions;
import java.time.Instant;

/**
 * A request to sync one application: apply its manifests phase by phase and wave by wave, running
 * its hooks.
 *
 * <p>Produced by anyone allowed to write {@value Topics#SYNC_REQUESTS}: users, CI jobs, the {@code
 * wavesync} cli and the planner's HTTP API. Consumed by the planner-service, which starts the
 * operation; a request the planner cannot use is answered with an {@link OperationUpdated} in phase
 * {@code Error} that says why.
 *
 * @param eventId envelope: random UUID
 * @param eventType envelope: always {@value #TYPE}
 * @param schemaVersion envelope: always {@value #SCHEMA_VERSION}
 * @param occurredAt envelope: when the request was made
 * @param application envelope and Kafka key: the application to sync
 * @param operationId the operation's id; absent lets the planner assign one
 * @param requestedBy who asked, for the record (a user name, a CI job)
 * @param revision the revision the manifests come from, shown to users
 * @param destinationNamespace namespace for namespaced objects that name none
 * @param manifests the manifests as YAML or JSON text, possibly several documents; kept as text so
 *     that the planner, not the transport, reports a manifest that does not parse
 * @param options sync options; absent reads as {@link SyncOptions#defaults()}
 */
public record SyncRequested(
    String eventId,
    String eventType,
    int schemaVersion,
    Instant occurredAt,
    String application,
    String operationId,
    String requestedBy,
    String revision,
    String destinationNamespace,
    String manifests,
    SyncOptions options)
    implements SyncRequestEvent {

  public static final String TYPE = "SyncRequested";
  public static final int SCHEMA_VERSION = 1;

  public SyncRequested {
    Envelope.check(
        eventId, eventType, TYPE, schemaVersion, SCHEMA_VERSION, occurredAt, application);
    Fields.optionalText(operationId, "operationId");
    Fields.optionalText(requestedBy, "requestedBy");
    Fields.optionalText(revision, "revision");
    Fields.optionalText(destinationNamespace, "destinationNamespace");
    Fields.requiredText(manifests, "manifests");
    options = options == null ? SyncOptions.defaults() : options;
  }

  /** A new request with a fresh envelope; the arguments follow the record's payload fields. */
  public static SyncRequested of(
      String application,
      String operationId,
      String requestedBy,
      String revision,
      String destinationNamespace,
      String manifests,
      SyncOptions options) {
    return new SyncRequested(
        Envelope.newEventId(),
        TYPE,
        SCHEMA_VERSION,
        Envelope.now(),
        application,
        operationId,
        requestedBy,
        revision,
        destinationNamespace,
        manifests,
        options);
  }
}
