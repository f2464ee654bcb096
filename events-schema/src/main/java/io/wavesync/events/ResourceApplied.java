package io.wavesync.events;

import io.wavesync.events.payload.Fields;
import io.wavesync.events.payload.InvalidFieldException;
import io.wavesync.events.payload.ObjectRef;
import io.wavesync.events.payload.ResultCode;
import io.wavesync.events.payload.SyncPhase;
import java.time.Instant;

/**
 * One task of a wave command was carried out: the object was applied, pruned, or left alone.
 *
 * <p>Produced by the phase-runner-service on {@value Topics#OBSERVATIONS}, one per task. Consumed
 * by the planner-service, which records the result, and by the hook-watcher-service, which starts
 * watching the object.
 *
 * @param eventId envelope: random UUID
 * @param eventType envelope: always {@value #TYPE}
 * @param schemaVersion envelope: always {@value #SCHEMA_VERSION}
 * @param occurredAt envelope: when the runner finished the task
 * @param application envelope and Kafka key: the application being synced
 * @param operationId the operation
 * @param commandId the wave command this answers
 * @param phase the task's phase
 * @param wave the task's wave
 * @param ref the object; its UID is present whenever the API server returned the object, and always
 *     for {@code Synced} outside a dry run
 * @param generation the object's generation after the apply (0 when there is none)
 * @param resourceVersion the object's resource version after the apply
 * @param resultCode the result
 * @param message kubectl-style message, for example {@code job.batch/migrate created}
 * @param hook the object is a hook
 * @param dryRun the apply was a dry run
 */
public record ResourceApplied(
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
    long generation,
    String resourceVersion,
    ResultCode resultCode,
    String message,
    boolean hook,
    boolean dryRun)
    implements Observation {

  public static final String TYPE = "ResourceApplied";
  public static final int SCHEMA_VERSION = 1;

  public ResourceApplied {
    Envelope.check(
        eventId, eventType, TYPE, schemaVersion, SCHEMA_VERSION, occurredAt, application);
    Fields.requiredText(operationId, "operationId");
    Fields.requiredText(commandId, "commandId");
    Fields.required(phase, "phase");
    Fields.required(ref, "ref");
    Fields.nonNegative(generation, "generation");
    Fields.optionalText(resourceVersion, "resourceVersion");
    Fields.required(resultCode, "resultCode");
    // The hook watcher finds the object by UID; an applied object without one cannot be watched.
    if (resultCode == ResultCode.Synced && !dryRun && ref.uid() == null) {
      throw InvalidFieldException.missing("ref.uid");
    }
  }

  /** A new observation with a fresh envelope; the arguments follow the record's payload fields. */
  public static ResourceApplied of(
      String application,
      String operationId,
      String commandId,
      SyncPhase phase,
      long wave,
      ObjectRef ref,
      long generation,
      String resourceVersion,
      ResultCode resultCode,
      String message,
      boolean hook,
      boolean dryRun) {
    return new ResourceApplied(
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
        generation,
        resourceVersion,
        resultCode,
        message,
        hook,
        dryRun);
  }
}
