package io.wavesync.events;

import io.wavesync.events.payload.Fields;
import io.wavesync.events.payload.InvalidFieldException;
import io.wavesync.events.payload.OperationPhase;
import io.wavesync.events.payload.ResourceResultView;
import io.wavesync.events.payload.SyncPhase;
import java.time.Instant;
import java.util.List;

/**
 * The whole state of an application's current operation, published after every change.
 *
 * <p>Produced by the planner-service on {@value Topics#OPERATIONS}, a compacted topic: the last
 * record per application is its current state. Consumed by the {@code wavesync} cli ({@code
 * status}, {@code sync --follow}), the planner's HTTP API, dashboards and alerts. Each event is
 * complete on its own, so a reader needs only the latest one.
 *
 * @param eventId envelope: random UUID
 * @param eventType envelope: always {@value #TYPE}
 * @param schemaVersion envelope: always {@value #SCHEMA_VERSION}
 * @param occurredAt envelope: when the state changed
 * @param application envelope and Kafka key: the application
 * @param operationId the operation
 * @param phase the operation's phase
 * @param message what is happening, or why the operation ended as it did
 * @param revision the revision being synced
 * @param dryRun the operation is a dry run
 * @param startedAt when the operation started
 * @param finishedAt when the operation ended; present exactly when the phase is completed
 * @param retryCount how many times the operation has been retried
 * @param currentPhase the sync phase being run, while running
 * @param currentWave the wave being run, while running
 * @param hooksSkipped why hooks were not run (for example the {@code APPLY} strategy), if so
 * @param resources every resource and hook of the operation with its state
 */
public record OperationUpdated(
    String eventId,
    String eventType,
    int schemaVersion,
    Instant occurredAt,
    String application,
    String operationId,
    OperationPhase phase,
    String message,
    String revision,
    boolean dryRun,
    Instant startedAt,
    Instant finishedAt,
    int retryCount,
    SyncPhase currentPhase,
    Long currentWave,
    String hooksSkipped,
    List<ResourceResultView> resources)
    implements OperationEvent {

  public static final String TYPE = "OperationUpdated";
  public static final int SCHEMA_VERSION = 1;

  public OperationUpdated {
    Envelope.check(
        eventId, eventType, TYPE, schemaVersion, SCHEMA_VERSION, occurredAt, application);
    Fields.requiredText(operationId, "operationId");
    Fields.required(phase, "phase");
    Fields.required(startedAt, "startedAt");
    if (phase.isCompleted() && finishedAt == null) {
      throw InvalidFieldException.missing("finishedAt");
    }
    // Running with finishedAt is a failed attempt whose retry is scheduled (Argo CD's convention)
    if (phase == OperationPhase.Terminating && finishedAt != null) {
      throw InvalidFieldException.invalid("finishedAt", "a " + phase + " operation has not ended");
    }
    Fields.nonNegative(retryCount, "retryCount");
    Fields.optionalText(hooksSkipped, "hooksSkipped");
    resources = Fields.list(resources, "resources");
  }

  /** A new state with a fresh envelope; the arguments follow the record's payload fields. */
  public static OperationUpdated of(
      String application,
      String operationId,
      OperationPhase phase,
      String message,
      String revision,
      boolean dryRun,
      Instant startedAt,
      Instant finishedAt,
      int retryCount,
      SyncPhase currentPhase,
      Long currentWave,
      String hooksSkipped,
      List<ResourceResultView> resources) {
    return new OperationUpdated(
        Envelope.newEventId(),
        TYPE,
        SCHEMA_VERSION,
        Envelope.now(),
        application,
        operationId,
        phase,
        message,
        revision,
        dryRun,
        startedAt,
        finishedAt,
        retryCount,
        currentPhase,
        currentWave,
        hooksSkipped,
        resources);
  }
}
