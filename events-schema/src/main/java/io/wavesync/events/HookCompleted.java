package io.wavesync.events;

import io.wavesync.events.payload.Fields;
import io.wavesync.events.payload.Health;
import io.wavesync.events.payload.HookPhase;
import io.wavesync.events.payload.InvalidFieldException;
import io.wavesync.events.payload.LogTail;
import io.wavesync.events.payload.ObjectRef;
import io.wavesync.events.payload.SyncPhase;
import java.time.Instant;

/**
 * A hook has finished: its Job, Pod or other workload succeeded, failed or could not run.
 *
 * <p>Produced by the hook-watcher-service on {@value Topics#OBSERVATIONS}. Consumed by the
 * planner-service, which records the hook's result, asks for its delete policies to be carried out
 * and moves on (or fails the operation).
 *
 * @param eventId envelope: random UUID
 * @param eventType envelope: always {@value #TYPE}
 * @param schemaVersion envelope: always {@value #SCHEMA_VERSION}
 * @param occurredAt envelope: when the watcher saw the hook finish
 * @param application envelope and Kafka key: the application the hook belongs to
 * @param operationId the operation that created the hook, when the watcher knows it
 * @param ref the hook object
 * @param phase the sync phase the hook ran in, when the watcher knows it
 * @param hookPhase how the hook ended: {@code Succeeded}, {@code Failed} or {@code Error}
 * @param message why, for example "Job has reached the specified backoff limit"
 * @param logTail the end of the hook's log, at most {@link LogTail#MAX_BYTES} bytes (longer text is
 *     cut to its end)
 * @param health the hook's health when it finished
 */
public record HookCompleted(
    String eventId,
    String eventType,
    int schemaVersion,
    Instant occurredAt,
    String application,
    String operationId,
    ObjectRef ref,
    SyncPhase phase,
    HookPhase hookPhase,
    String message,
    String logTail,
    Health health)
    implements Observation {

  public static final String TYPE = "HookCompleted";
  public static final int SCHEMA_VERSION = 1;

  public HookCompleted {
    Envelope.check(
        eventId, eventType, TYPE, schemaVersion, SCHEMA_VERSION, occurredAt, application);
    Fields.optionalText(operationId, "operationId");
    Fields.required(ref, "ref");
    Fields.required(hookPhase, "hookPhase");
    if (!hookPhase.isCompleted()) {
      throw InvalidFieldException.invalid("hookPhase", "a completed hook is not " + hookPhase);
    }
    logTail = LogTail.keepLast(logTail);
  }

  /** A new observation with a fresh envelope; the arguments follow the record's payload fields. */
  public static HookCompleted of(
      String application,
      String operationId,
      ObjectRef ref,
      SyncPhase phase,
      HookPhase hookPhase,
      String message,
      String logTail,
      Health health) {
    return new HookCompleted(
        Envelope.newEventId(),
        TYPE,
        SCHEMA_VERSION,
        Envelope.now(),
        application,
        operationId,
        ref,
        phase,
        hookPhase,
        message,
        logTail,
        health);
  }
}
