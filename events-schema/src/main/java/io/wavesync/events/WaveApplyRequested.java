package io.wavesync.events;

import io.wavesync.events.payload.Fields;
import io.wavesync.events.payload.InvalidFieldException;
import io.wavesync.events.payload.SyncPhase;
import io.wavesync.events.payload.Vocabulary;
import io.wavesync.events.payload.WaveMode;
import io.wavesync.events.payload.WaveTask;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A command to apply the tasks of one wave. It carries everything the runner needs, so runners keep
 * no state.
 *
 * <p>Produced by the planner-service on the topic of its phase ({@link Topics#waveTopic}); the
 * cleanup-service also publishes the {@link CleanupRequested#followUp()} it was handed, unchanged,
 * on {@value Topics#WAVES_SYNCFAIL}. Consumed by the phase-runner-service deployment of that phase,
 * which answers with {@link ResourceApplied}, {@link ResourceApplyFailed} and one {@link
 * WaveApplied} on {@value Topics#OBSERVATIONS}.
 *
 * @param eventId envelope: random UUID
 * @param eventType envelope: always {@value #TYPE}
 * @param schemaVersion envelope: always {@value #SCHEMA_VERSION}
 * @param occurredAt envelope: when the planner issued the command
 * @param application envelope and Kafka key: the application being synced
 * @param operationId the operation
 * @param commandId deterministic id of this command: the same step of the same attempt always has
 *     the same id, so a redelivered or re-issued command is recognised
 * @param attempt the operation's attempt, 0 for the first and counting retries
 * @param step the planner's step number within the attempt
 * @param mode what to do with the tasks
 * @param phase the phase the command belongs to, which also picks its topic
 * @param wave the wave the command belongs to
 * @param dryRun apply with {@code dryRun=All}
 * @param propagationPolicy delete propagation for prunes and deletions before creation ({@code
 *     Foreground}, {@code Background} or {@code Orphan}); absent means the API default
 * @param fieldManager field manager for server-side apply; absent means wavesync's default
 * @param trackingLabels labels the runner stamps on every object it applies
 * @param trackingAnnotations annotations the runner stamps on every object it applies
 * @param tasks the objects to apply or prune, in the order to apply them
 */
public record WaveApplyRequested(
    String eventId,
    String eventType,
    int schemaVersion,
    Instant occurredAt,
    String application,
    String operationId,
    String commandId,
    int attempt,
    long step,
    WaveMode mode,
    SyncPhase phase,
    long wave,
    boolean dryRun,
    String propagationPolicy,
    String fieldManager,
    Map<String, String> trackingLabels,
    Map<String, String> trackingAnnotations,
    List<WaveTask> tasks,
    boolean operationDryRun,
    boolean pruneConfirmed)
    implements WaveCommand {

  public static final String TYPE = "WaveApplyRequested";
  public static final int SCHEMA_VERSION = 1;

  public WaveApplyRequested {
    Envelope.check(
        eventId, eventType, TYPE, schemaVersion, SCHEMA_VERSION, occurredAt, application);
    Fields.requiredText(operationId, "operationId");
    Fields.requiredText(commandId, "commandId");
    Fields.nonNegative(attempt, "attempt");
    Fields.nonNegative(step, "step");
    Fields.required(mode, "mode");
    Fields.required(phase, "phase");
    if (mode == WaveMode.SYNC_FAIL && phase != SyncPhase.SyncFail) {
      throw InvalidFieldException.invalid("phase", "mode SYNC_FAIL runs in phase SyncFail");
    }
    Vocabulary.oneOf(propagationPolicy, Vocabulary.PROPAGATION_POLICIES, "propagationPolicy");
    Fields.optionalText(fieldManager, "fieldManager");
    trackingLabels = Fields.map(trackingLabels, "trackingLabels");
    trackingAnnotations = Fields.map(trackingAnnotations, "trackingAnnotations");
    tasks = Fields.list(tasks, "tasks");
  }

  /** A new command with a fresh envelope; the arguments follow the record's payload fields. */
  public static WaveApplyRequested of(
      String application,
      String operationId,
      String commandId,
      int attempt,
      long step,
      WaveMode mode,
      SyncPhase phase,
      long wave,
      boolean dryRun,
      String propagationPolicy,
      String fieldManager,
      Map<String, String> trackingLabels,
      Map<String, String> trackingAnnotations,
      List<WaveTask> tasks,
      boolean operationDryRun,
      boolean pruneConfirmed) {
    return new WaveApplyRequested(
        Envelope.newEventId(),
        TYPE,
        SCHEMA_VERSION,
        Envelope.now(),
        application,
        operationId,
        commandId,
        attempt,
        step,
        mode,
        phase,
        wave,
        dryRun,
        propagationPolicy,
        fieldManager,
        trackingLabels,
        trackingAnnotations,
        tasks,
        operationDryRun,
        pruneConfirmed);
  }
}
